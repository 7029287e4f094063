package org.innofund.integrity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.innofund.identity.domain.Uscc;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

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

    /** The first day on which an entry ended early no longer holds; null while it runs its full period. */
    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "ended_by", length = 64)
    private String endedBy;

    @Column(name = "end_reason", length = 1000)
    private String endReason;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected IntegrityRecord() {
    }

    public IntegrityRecord(SubjectKind kind, Uscc uscc, String subjectName, String reason, LocalDate validFrom,
                           LocalDate validUntil, String createdBy, Instant now) {
        super(now);
        requireReason(reason, "integrity.reason");
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

    private static void requireReason(String reason, String messageKey) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw BusinessException.invalid(messageKey);
        }
    }

    /** In its period, and not ended early on or before that day (keep in step with {@code IntegrityRegistry.IN_FORCE}). */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validUntil) && (endedOn == null || date.isBefore(endedOn));
    }

    /** Whether {@link #endEarly} would accept this day: not ended yet, and its period not over. */
    public boolean canEndOn(LocalDate today) {
        return endedOn == null && !today.isAfter(validUntil);
    }

    /**
     * Ends the entry early: from the bureau's today by {@code clock} on, it no longer holds. The original period stays as it was, for the
     * history. An entry already ended, or whose period is over, has nothing left to end; one that has not begun yet
     * is thereby withdrawn before it ever holds.
     */
    public void endEarly(Clock clock, String reason, String by) {
        requireReason(reason, "integrity.endReason");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Clocks.BUREAU_ZONE);
        if (endedOn != null) {
            throw BusinessException.conflict("integrity.alreadyEnded", String.valueOf(getId()), endedOn);
        }
        if (!canEndOn(today)) {
            throw BusinessException.conflict("integrity.alreadyOver", String.valueOf(getId()), validUntil);
        }
        endedOn = today;
        endReason = reason.strip();
        endedBy = Objects.requireNonNull(by);
        endedAt = now;
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

    public Optional<LocalDate> getEndedOn() {
        return Optional.ofNullable(endedOn);
    }

    public String getEndedBy() {
        return endedBy;
    }

    public String getEndReason() {
        return endReason;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
