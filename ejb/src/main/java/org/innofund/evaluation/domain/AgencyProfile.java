package org.innofund.evaluation.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FlagConverter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An evaluation agency as the evaluation context knows it, keyed by its organisation's id: its qualification (资质),
 * the fields it covers, and whether it is suspended from new assignments (暂停), always with the reason.
 */
@Entity
@Table(name = "evaluation_agency")
public class AgencyProfile {

    /**
     * The longest qualification, in characters. Its column is VARCHAR2(2000 CHAR) (V020), but an Oracle VARCHAR2 holds
     * at most 4,000 bytes whatever its CHAR length: 2,000 Chinese characters (3 bytes each in AL32UTF8) would be refused
     * by Oracle though H2 takes them. 1,000 characters fit in any script.
     */
    public static final int QUALIFICATION_MAX = 1000;
    private static final int QUALIFICATION_COLUMN = 2000;

    @Id
    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(length = QUALIFICATION_COLUMN)
    private String qualification;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "evaluation_agency_field", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "field", nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    private Set<ProjectField> fields = EnumSet.noneOf(ProjectField.class);

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean suspended;

    @Column(name = "suspension_reason", length = Assignment.REASON_MAX)
    private String suspensionReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AgencyProfile() {
    }

    /** The profile of an agency that has none yet: not suspended, nothing declared. */
    public AgencyProfile(Long organisationId, Instant now) {
        this.organisationId = organisationId;
        this.createdAt = now;
    }

    /**
     * 资质与领域: what the admin records of the agency, at registration and later. A qualification is required, and at
     * least one field, so that the reviewer can choose an agency by the declaration's field.
     *
     * @return the names of what changed ({@code qualification}, {@code fields}), for the audit trail
     */
    public List<String> describe(String qualification, Set<ProjectField> fields) {
        if (qualification == null || qualification.isBlank()) {
            throw BusinessException.invalid("agency.qualificationRequired");
        }
        if (qualification.strip().length() > QUALIFICATION_MAX) {
            throw BusinessException.invalid("agency.qualificationTooLong", QUALIFICATION_MAX);
        }
        if (fields == null || fields.isEmpty() || fields.stream().anyMatch(java.util.Objects::isNull)) {
            throw BusinessException.invalid("agency.fieldsRequired");
        }
        List<String> changed = new ArrayList<>();
        if (!qualification.strip().equals(this.qualification)) {
            changed.add("qualification");
            this.qualification = qualification.strip();
        }
        if (!this.fields.equals(EnumSet.copyOf(fields))) {
            changed.add("fields");
            this.fields.clear();
            this.fields.addAll(fields);
        }
        return changed;
    }

    /** 暂停: no new assignment while suspended; those it has stay. */
    public void suspend(String reason) {
        if (suspended) {
            throw BusinessException.conflict("agency.alreadySuspended");
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("agency.reasonRequired");
        }
        if (reason.strip().length() > Assignment.REASON_MAX) {
            throw BusinessException.invalid("agency.reasonTooLong", Assignment.REASON_MAX);
        }
        suspended = true;
        suspensionReason = reason.strip();
    }

    /** 恢复 */
    public void resume() {
        if (!suspended) {
            throw BusinessException.conflict("agency.notSuspended");
        }
        suspended = false;
        suspensionReason = null;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public String getQualification() {
        return qualification;
    }

    public Set<ProjectField> getFields() {
        return Collections.unmodifiableSet(fields);
    }

    public boolean isSuspended() {
        return suspended;
    }

    public String getSuspensionReason() {
        return suspensionReason;
    }

    public long getVersion() {
        return version;
    }
}
