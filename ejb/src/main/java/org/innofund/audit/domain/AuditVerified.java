package org.innofund.audit.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;

/** The chain was walked: whole, or broken at the entry named. */
public record AuditVerified(Actor by, AuditChain.Result result) implements DomainEvent {
    public AuditAction action() { return AuditAction.AUDIT_VERIFY; }
    public String target() { return null; }
    public AuditOutcome outcome() { return result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE; }
    public String detail() {
        return result.intact() ? "checked=" + result.checkedEntries() : "firstBroken=" + result.firstBrokenSeq();
    }
}
