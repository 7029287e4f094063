package org.innofund.audit.application;

import org.innofund.audit.domain.AuditEntry;
import org.innofund.shared.event.AuditOutcome;

import java.io.Serializable;
import java.time.Instant;

/** One entry of the audit trail as the administrator's list and the API show it. */
public record AuditEntryView(long seq, Instant occurredAt, String username, String organisationName, String action,
                             String target, AuditOutcome outcome, String detail, String clientAddress, String entryHash)
        implements Serializable {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.getSeq(), e.getOccurredAt(), e.getUsername(), e.getOrganisationName(), e.getAction(),
                e.getTarget(), e.getOutcome(), e.getDetail(), e.getClientAddress(), e.getEntryHash());
    }
}
