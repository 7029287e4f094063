package org.innofund.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.time.Instant;
import java.util.Objects;

/**
 * 应付款项: what one line of an approved calculation run owes one enterprise (its tranche of it), committed in the
 * call's ledger under {@link #reference()}. Cancelled, never deleted, when a later run of the call is approved first.
 */
@Entity
@Table(name = "payment_item")
public class PaymentItem extends BaseEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private long callId;

    /** The approved run and its line this item pays (null for an advance). */
    @Column(name = "run_id", updatable = false)
    private Long runId;

    @Column(updatable = false)
    private Integer position;

    /** The PRE_APPROVED project an {@link Tranche#ADVANCE} pays (null for a run line's item). */
    @Column(name = "project_id", updatable = false)
    private Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Tranche tranche;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    @Column(nullable = false, updatable = false, length = Lengths.USCC)
    private String uscc;

    @Column(name = "payee_name", nullable = false, updatable = false, length = Lengths.ORGANISATION_NAME)
    private String payeeName;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentItemState state;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    /** The open batch it is in, while {@link PaymentItemState#IN_BATCH}: an item is in one open batch at most. */
    @Column(name = "batch_id")
    private Long batchId;

    protected PaymentItem() {
    }

    /**
     * A line's amount, payable: {@link Tranche#FULL}, or {@link Tranche#BALANCE} for a project that was advanced part of
     * it (the line is then what is due less the advance).
     */
    public PaymentItem(long callId, long runId, int position, Tranche tranche, long enterpriseId, String uscc,
                       String payeeName, Money amount, Instant now) {
        this(callId, tranche, enterpriseId, uscc, payeeName, amount, now);
        if (tranche == Tranche.ADVANCE) {
            throw new IllegalArgumentException("a run line pays in full or the balance, not an advance");
        }
        this.runId = runId;
        this.position = position;
    }

    /** 预拨: a PRE_APPROVED project's advance, payable once its task agreement is signed. */
    public static PaymentItem advance(long callId, long projectId, long enterpriseId, String uscc, String payeeName,
                                      Money amount, Instant now) {
        PaymentItem item = new PaymentItem(callId, Tranche.ADVANCE, enterpriseId, uscc, payeeName, amount, now);
        item.projectId = projectId;
        return item;
    }

    private PaymentItem(long callId, Tranche tranche, long enterpriseId, String uscc, String payeeName, Money amount,
                        Instant now) {
        super(now);
        if (amount.isZero()) {
            throw new IllegalArgumentException("an item pays something");
        }
        this.callId = callId;
        this.tranche = Objects.requireNonNull(tranche);
        this.enterpriseId = enterpriseId;
        this.uscc = Objects.requireNonNull(uscc);
        this.payeeName = Objects.requireNonNull(payeeName);
        this.amount = amount;
        this.state = PaymentItemState.PAYABLE;
    }

    /** What ledger transactions about this item name. */
    public String reference() {
        return "item:" + getId();
    }

    /** 取消: a later run replaced the one it came from before it was paid. Only a payable item is cancelled. */
    public void cancel(Instant now) {
        if (state != PaymentItemState.PAYABLE) {
            throw new IllegalStateException("only a payable item is cancelled, not a " + state + " one");
        }
        state = PaymentItemState.CANCELLED;
        cancelledAt = now;
    }

    /** 入批: a payable item goes into an open batch. */
    public void putInBatch(long batchId) {
        if (state != PaymentItemState.PAYABLE) {
            throw new IllegalStateException("only a payable item goes into a batch, not a " + state + " one");
        }
        state = PaymentItemState.IN_BATCH;
        this.batchId = batchId;
    }

    /** Out of its batch and payable again: the batch was rejected, the line removed, or the bank failed to pay it. */
    public void backToPayable() {
        requireInBatch();
        state = PaymentItemState.PAYABLE;
        batchId = null;
    }

    /** 已拨付: the bank paid it, once. */
    public void paid() {
        requireInBatch();
        state = PaymentItemState.PAID;
        batchId = null;
    }

    private void requireInBatch() {
        if (state != PaymentItemState.IN_BATCH) {
            throw new IllegalStateException("the item is not in a batch but " + state);
        }
    }

    public Long getBatchId() {
        return batchId;
    }

    public long getCallId() {
        return callId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getRunId() {
        return runId;
    }

    public Integer getPosition() {
        return position;
    }

    public Tranche getTranche() {
        return tranche;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public String getUscc() {
        return uscc;
    }

    public String getPayeeName() {
        return payeeName;
    }

    public Money getAmount() {
        return amount;
    }

    public PaymentItemState getState() {
        return state;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }
}
