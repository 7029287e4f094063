package org.innofund.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;

import java.time.Instant;
import java.time.LocalDate;

/** 关联关系 as recorded by a reviewer between an agency and an enterprise (both by organisation id). */
@Entity
@Table(name = "agency_relationship")
public class AgencyRelationship extends BaseEntity {

    public static final int SOURCE_MAX = 500;

    @Column(name = "agency_id", nullable = false, updatable = false)
    private Long agencyId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private Long enterpriseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private RelationshipKind kind;

    @Column(nullable = false, updatable = false, length = SOURCE_MAX)
    private String source;

    @Column(nullable = false, updatable = false)
    private LocalDate since;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 64)
    private String recordedBy;

    protected AgencyRelationship() {
    }

    public AgencyRelationship(Long agencyId, Long enterpriseId, RelationshipKind kind, String source, LocalDate since,
                              String recordedBy, Instant now) {
        super(now);
        if (kind == null) {
            throw BusinessException.invalid("relationship.kindRequired");
        }
        if (source == null || source.isBlank()) {
            throw BusinessException.invalid("relationship.sourceRequired");
        }
        if (source.strip().length() > SOURCE_MAX) {
            throw BusinessException.invalid("relationship.sourceTooLong", SOURCE_MAX);
        }
        if (since == null) {
            throw BusinessException.invalid("relationship.sinceRequired");
        }
        this.agencyId = agencyId;
        this.enterpriseId = enterpriseId;
        this.kind = kind;
        this.source = source.strip();
        this.since = since;
        this.recordedBy = recordedBy;
    }

    /** The tie as the assignment check weighs it. */
    public Relationship tie() {
        return new Relationship(kind, source, since);
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public RelationshipKind getKind() {
        return kind;
    }

    public String getSource() {
        return source;
    }

    public LocalDate getSince() {
        return since;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
