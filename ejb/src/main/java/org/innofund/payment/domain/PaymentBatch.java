package org.innofund.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.time.Instant;
import java.util.Objects;

/**
 * 拨付批次: payable items finance gathers to pay together (its {@link PaymentBatchLine}s), which an approver who did
 * not prepare it approves or rejects, which finance exports as the treasury file and whose bank results it records.
 * The line count and total are kept here so that lists never sum the lines.
 */
@Entity
@Table(name = "payment_batch")
public class PaymentBatch extends BaseEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentBatchState state;

    @Column(name = "line_count", nullable = false)
    private int lineCount;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, precision = 16, scale = 2)
    private Money total;

    @Column(name = "prepared_by", nullable = false, updatable = false, length = Lengths.USERNAME)
    private String preparedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_by", length = Lengths.USERNAME)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "reject_reason", length = Lengths.REASON)
    private String rejectReason;

    @Column(name = "exported_by", length = Lengths.USERNAME)
    private String exportedBy;

    @Column(name = "exported_at")
    private Instant exportedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected PaymentBatch() {
    }

    /** An empty draft prepared by {@code by}. */
    public PaymentBatch(String by, Instant now) {
        super(now);
        this.state = PaymentBatchState.DRAFT;
        this.total = Money.ZERO;
        this.preparedBy = Objects.requireNonNull(by);
    }

    /** A line of {@code amount} was added to the draft. */
    public void added(Money amount) {
        require(PaymentBatchState.DRAFT);
        lineCount++;
        total = total.plus(amount);
    }

    /** A line of {@code amount} was taken out of the draft. */
    public void removed(Money amount) {
        require(PaymentBatchState.DRAFT);
        lineCount--;
        total = total.minus(amount);
    }

    /**
     * Only whoever prepared the batch changes or submits it: the approver must not have put any item in it (四眼), and
     * four eyes compare the approver with the preparer alone.
     */
    public void requirePreparer(String by) {
        if (!preparedBy.equals(by)) {
            throw BusinessException.conflict("paymentBatch.notPreparer", getId(), preparedBy);
        }
    }

    /** 提交审批: a draft with at least one line. */
    public void submit(Instant now) {
        require(PaymentBatchState.DRAFT);
        if (lineCount == 0) {
            throw BusinessException.conflict("paymentBatch.empty");
        }
        state = PaymentBatchState.SUBMITTED;
        submittedAt = now;
    }

    /** 批准: by an approver who did not prepare it (四眼). */
    public void approve(String by, Instant now) {
        decide(by, now);
        state = PaymentBatchState.APPROVED;
    }

    /** 退回, with the reason: the batch is closed and the caller returns its items to payable. */
    public void reject(String reason, String by, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("paymentBatch.reasonRequired");
        }
        decide(by, now);
        state = PaymentBatchState.REJECTED;
        rejectReason = reason.strip();
    }

    private void decide(String by, Instant now) {
        require(PaymentBatchState.SUBMITTED);
        if (preparedBy.equals(by)) {
            throw BusinessException.conflict("paymentBatch.fourEyes");
        }
        decidedBy = by;
        decidedAt = now;
    }

    /** 导出: the treasury file was made (the first time; exporting again gives the same file). */
    public void exported(String by, Instant now) {
        if (state == PaymentBatchState.APPROVED) {
            state = PaymentBatchState.EXPORTED;
            exportedBy = by;
            exportedAt = now;
        } else if (state != PaymentBatchState.EXPORTED && state != PaymentBatchState.CLOSED) {
            throw BusinessException.conflict("paymentBatch.notApproved");
        }
    }

    /** 完成: every line has its result. */
    public void close(Instant now) {
        require(PaymentBatchState.EXPORTED);
        state = PaymentBatchState.CLOSED;
        closedAt = now;
    }

    private void require(PaymentBatchState expected) {
        if (state != expected) {
            throw BusinessException.conflict(switch (expected) {
                case DRAFT -> "paymentBatch.state.DRAFT";
                case SUBMITTED -> "paymentBatch.state.SUBMITTED";
                default -> "paymentBatch.state.EXPORTED";
            }, getId());
        }
    }

    public PaymentBatchState getState() {
        return state;
    }

    public int getLineCount() {
        return lineCount;
    }

    public Money getTotal() {
        return total;
    }

    public String getPreparedBy() {
        return preparedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public String getExportedBy() {
        return exportedBy;
    }

    public Instant getExportedAt() {
        return exportedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
