package org.innofund.payment.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;

/**
 * What happens to payee accounts: an enterprise sets or changes its account, finance releases a changed account's
 * hold, someone asks for another enterprise's account. The trail names an account by its last four digits only: the
 * full number is the enterprise's and finance's, not every reader's of the audit trail.
 */
public final class PayeeAccountEvents {

    private PayeeAccountEvents() {
    }

    /** The last four digits of an account number, all that is shown of it outside the account's own pages. */
    public static String lastDigits(String accountNumber) {
        return accountNumber.substring(Math.max(0, accountNumber.length() - 4));
    }

    /** 变更收款账户: {@code first} when the enterprise had none (not held). */
    public record AccountChanged(Actor by, long accountId, long enterpriseId, String tail, boolean first)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.PAYEE_ACCOUNT_CHANGE; }
        public String target() { return "payeeAccount:" + accountId; }
        public String detail() { return "organisation:" + enterpriseId + (first ? " first" : " changed") + " tail " + tail; }
    }

    /** 解除冻结: finance confirmed the change (how: the note). */
    public record HoldReleased(Actor by, long accountId, long enterpriseId, String tail, String note) implements DomainEvent {
        public AuditAction action() { return AuditAction.PAYEE_HOLD_RELEASE; }
        public String target() { return "payeeAccount:" + accountId; }
        public String detail() { return "organisation:" + enterpriseId + " tail " + tail + ": " + note; }
    }

    /** Someone asked for an account not their enterprise's: recorded though refused (404). */
    public record AccessDenied(Actor by, long accountId) implements DomainEvent {
        public AuditAction action() { return AuditAction.PAYEE_ACCOUNT_ACCESS; }
        public String target() { return "payeeAccount:" + accountId; }
        public String detail() { return "not the caller's"; }
        public AuditOutcome outcome() { return AuditOutcome.DENIED; }
        public boolean recordedEvenOnRollback() { return true; }
    }
}
