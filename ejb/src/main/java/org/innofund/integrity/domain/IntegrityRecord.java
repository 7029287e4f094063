package org.innofund.integrity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.innofund.identity.domain.Uscc;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;

import java.time.Instant;
import java.time.LocalDate;

/** 科研诚信记录: a blacklist entry for an enterprise or agency, in force from one date to another (both included). */
@Entity
@Table(name = "integrity_record")
public class IntegrityRecord extends BaseEntity {

    public enum SubjectKind { ENTERPRISE, AGENCY }

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, length = 16)
    private SubjectKind subjectKind;

    @Column(name = "subject_uscc", nullable = false, length = 18)
    private String subjectUscc;

    @Column(name = "subject_name", nullable = false, length = 200)
    private String subjectName;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected IntegrityRecord() {
    }

    public IntegrityRecord(SubjectKind kind, Uscc uscc, String subjectName, String reason, LocalDate validFrom,
                           LocalDate validUntil, String createdBy, Instant now) {
        super(now);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw BusinessException.invalid("integrity.reason");
        }
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
            throw BusinessException.invalid("integrity.period");
        }
        if (subjectName == null || subjectName.isBlank()) {
            throw BusinessException.invalid("integrity.subjectName");
        }
        this.subjectKind = kind;
        this.subjectUscc = uscc.value();
        this.subjectName = subjectName.strip();
        this.reason = reason.strip();
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.createdBy = createdBy;
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validUntil);
    }

    /** How a refusal names the entry: its number, period and reason. */
    public String describe() {
        return "#" + getId() + " (" + validFrom + " ~ " + validUntil + "): " + reason;
    }

    public SubjectKind getSubjectKind() {
        return subjectKind;
    }

    public String getSubjectUscc() {
        return subjectUscc;
    }

    public String getSubjectName() {
        return subjectName;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
