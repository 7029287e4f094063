package org.innofund.payment.domain;

import org.innofund.shared.Money;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

/** What happens to payment batches (拨付批次). */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    private static String describe(int lines, Money total) {
        return "lines " + lines + " total " + total.amount().toPlainString();
    }

    /** 编制批次: a draft batch with its first lines. */
    public record BatchBuilt(Actor by, long batchId, int lines, Money total) implements DomainEvent {
        public AuditAction action() { return AuditAction.PAYMENT_BATCH_BUILD; }
        public String target() { return "paymentBatch:" + batchId; }
        public String detail() { return describe(lines, total); }
    }

    /** 提交批次: to an approver who did not prepare it. */
    public record BatchSubmitted(Actor by, long batchId, int lines, Money total) implements DomainEvent {
        public AuditAction action() { return AuditAction.PAYMENT_BATCH_SUBMIT; }
        public String target() { return "paymentBatch:" + batchId; }
        public String detail() { return describe(lines, total); }
    }

    /** 批准批次. */
    public record BatchApproved(Actor by, long batchId, int lines, Money total) implements DomainEvent {
        public AuditAction action() { return AuditAction.PAYMENT_BATCH_APPROVE; }
        public String target() { return "paymentBatch:" + batchId; }
        public String detail() { return describe(lines, total); }
    }

    /** 退回批次, with the reason: its items payable again. */
    public record BatchRejected(Actor by, long batchId, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.PAYMENT_BATCH_REJECT; }
        public String target() { return "paymentBatch:" + batchId; }
        public String detail() { return reason; }
    }

    /** 导出国库支付文件: {@code lines} in the file of {@code total}; {@code blocked} failed at export, left out. */
    public record BatchExported(Actor by, long batchId, int lines, Money total, int blocked) implements DomainEvent {
        public AuditAction action() { return AuditAction.PAYMENT_BATCH_EXPORT; }
        public String target() { return "paymentBatch:" + batchId; }
        public String detail() { return describe(lines, total) + " blocked " + blocked; }
    }

    /** 登记银行结果: {@code paid} lines paid and {@code failed} failed, by hand or from the bank's file. */
    public record ResultsRecorded(Actor by, long batchId, int paid, int failed) implements DomainEvent {
        public AuditAction action() { return AuditAction.PAYMENT_RESULT; }
        public String target() { return "paymentBatch:" + batchId; }
        public String detail() { return "paid " + paid + " failed " + failed; }
    }
}
