package org.innofund.audit.application;

import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;

import java.io.Serializable;
import java.time.Instant;

/** Filters of the audit list; any of them may be null. */
public record AuditSearch(String username, AuditAction action, AuditOutcome outcome, Instant from, Instant to)
        implements Serializable {

    public static AuditSearch all() {
        return new AuditSearch(null, null, null, null, null);
    }
}
