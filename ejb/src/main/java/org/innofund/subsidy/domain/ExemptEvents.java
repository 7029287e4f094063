package org.innofund.subsidy.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;

/** What happens in 免申即享: the bureau's import, the enterprise's answer, an attempt on another's request. */
public final class ExemptEvents {

    private ExemptEvents() {
    }

    public record FiguresImported(Actor by, long importId, long callId, int rows, int requests, int replaced)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.EXEMPT_IMPORT; }
        public String target() { return "call:" + callId; }
        public String detail() { return "import:" + importId + " rows:" + rows + " requests:" + requests + " replaced:" + replaced; }
    }

    /**
     * Confirmed with the account to pay to ({@code account}, checked against the registered name; never in the trail's
     * detail): the payment context makes it the enterprise's first payee account if it has none.
     */
    public record RequestConfirmed(Actor by, long requestId, String amount, long enterpriseId, BankAccount account)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.EXEMPT_CONFIRM; }
        public String target() { return "confirmation:" + requestId; }
        public String detail() { return "confirmed " + amount; }
    }

    public record RequestDeclined(Actor by, long requestId) implements DomainEvent {
        public AuditAction action() { return AuditAction.EXEMPT_CONFIRM; }
        public String target() { return "confirmation:" + requestId; }
        public String detail() { return "declined"; }
    }

    public record RequestAccessDenied(Actor by, long requestId) implements DomainEvent {
        public AuditAction action() { return AuditAction.EXEMPT_CONFIRM; }
        public String target() { return "confirmation:" + requestId; }
        public String detail() { return "not the caller's"; }
        public AuditOutcome outcome() { return AuditOutcome.DENIED; }
        public boolean recordedEvenOnRollback() { return true; }
    }
}
