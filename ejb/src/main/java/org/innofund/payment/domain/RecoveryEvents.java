package org.innofund.payment.domain;

import org.innofund.shared.Money;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;

import java.time.LocalDate;

/** What happens to recoveries (追回): raised, repaid, their block released, an attempt on another enterprise's. */
public final class RecoveryEvents {

    private RecoveryEvents() {
    }

    /** 发起追回: {@code amount} asked back from an enterprise in a call, due on {@code dueOn}. */
    public record RecoveryRaised(Actor by, long recoveryId, long callId, long enterpriseId, RecoveryOrigin origin,
                                 Money amount, LocalDate dueOn) implements DomainEvent {
        public AuditAction action() { return AuditAction.RECOVERY_RAISE; }
        public String target() { return "recovery:" + recoveryId; }
        public String detail() {
            return "call:" + callId + " organisation:" + enterpriseId + " " + origin + " " + amount.amount().toPlainString()
                    + " due " + dueOn;
        }
    }

    /** 登记还款: {@code amount} received under the bank's reference; {@code outstanding} what is still owed after it. */
    public record RecoveryRepaid(Actor by, long recoveryId, Money amount, String bankReference, Money outstanding)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.RECOVERY_REPAY; }
        public String target() { return "recovery:" + recoveryId; }
        public String detail() {
            return amount.amount().toPlainString() + " ref " + bankReference + " outstanding "
                    + outstanding.amount().toPlainString();
        }
    }

    /** 解除拨付限制: the approver let payments to the enterprise go on while the debt stands; why. */
    public record RecoveryBlockReleased(Actor by, long recoveryId, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.RECOVERY_RELEASE; }
        public String target() { return "recovery:" + recoveryId; }
        public String detail() { return reason; }
    }

    /** Someone asked for a recovery not theirs: recorded though refused (404). */
    public record RecoveryAccessDenied(Actor by, long recoveryId) implements DomainEvent {
        public AuditAction action() { return AuditAction.RECOVERY_ACCESS; }
        public String target() { return "recovery:" + recoveryId; }
        public String detail() { return "not the caller's"; }
        public AuditOutcome outcome() { return AuditOutcome.DENIED; }
        public boolean recordedEvenOnRollback() { return true; }
    }
}
