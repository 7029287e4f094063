package org.innofund.subsidy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** 暂停: a provider suspended from one date to another (both included), with its reason, who and when. */
@Embeddable
public class ProviderSuspension implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "suspended_from", nullable = false)
    private LocalDate suspendedFrom;

    @Column(name = "suspended_until", nullable = false)
    private LocalDate suspendedUntil;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "suspended_by", nullable = false, length = 64)
    private String suspendedBy;

    @Column(name = "suspended_at", nullable = false)
    private Instant suspendedAt;

    protected ProviderSuspension() {
    }

    ProviderSuspension(LocalDate from, LocalDate until, String reason, String by, Instant at) {
        this.suspendedFrom = from;
        this.suspendedUntil = until;
        this.reason = reason;
        this.suspendedBy = by;
        this.suspendedAt = at;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(suspendedFrom) && !date.isAfter(suspendedUntil);
    }

    public LocalDate getSuspendedFrom() {
        return suspendedFrom;
    }

    public LocalDate getSuspendedUntil() {
        return suspendedUntil;
    }

    public String getReason() {
        return reason;
    }

    public String getSuspendedBy() {
        return suspendedBy;
    }

    public Instant getSuspendedAt() {
        return suspendedAt;
    }
}
