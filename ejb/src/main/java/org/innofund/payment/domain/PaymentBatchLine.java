package org.innofund.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 批次明细: one payment item in a batch, with the payee account it is paid to as it was when added (what the approver
 * approves and the treasury file pays), and the bank's result. Once the bank paid it, {@code paidItemId} is the item's
 * id: unique in the table, so an item is paid once whatever batches it went through.
 */
@Entity
@Table(name = "payment_batch_line")
@IdClass(PaymentBatchLine.Key.class)
public class PaymentBatchLine {

    /** A line's identity: its batch and its item. */
    public record Key(long batchId, long itemId) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }

    @Id
    @Column(name = "batch_id", nullable = false, updatable = false)
    private long batchId;

    @Id
    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;

    @Column(nullable = false, updatable = false)
    private int position;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money amount;

    @Column(name = "payee_account_id", nullable = false, updatable = false)
    private long payeeAccountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentResult result;

    @Column(name = "bank_reference", length = Lengths.DOCUMENT_NO)
    private String bankReference;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(name = "failure_reason", length = Lengths.REASON)
    private String failureReason;

    @Column(name = "result_by", length = Lengths.USERNAME)
    private String resultBy;

    @Column(name = "result_at")
    private Instant resultAt;

    @Column(name = "paid_item_id")
    private Long paidItemId;

    protected PaymentBatchLine() {
    }

    public PaymentBatchLine(long batchId, int position, PaymentItem item, long payeeAccountId) {
        this.batchId = batchId;
        this.itemId = Objects.requireNonNull(item.getId());
        this.position = position;
        this.amount = item.getAmount();
        this.payeeAccountId = payeeAccountId;
        this.result = PaymentResult.PENDING;
    }

    /**
     * The bank paid it. Whether the same result recorded again changes nothing, or another is refused, is the caller's
     * to decide before: here a line has one result.
     */
    public void paid(String bankReference, LocalDate paidOn, String by, Instant now) {
        requirePending();
        this.result = PaymentResult.PAID;
        this.bankReference = Objects.requireNonNull(bankReference);
        this.paidOn = Objects.requireNonNull(paidOn);
        this.paidItemId = itemId;
        this.resultBy = by;
        this.resultAt = now;
    }

    /** The bank did not pay it, for {@code reason}; the item is payable again (the caller's). */
    public void failed(String reason, String by, Instant now) {
        requirePending();
        this.result = PaymentResult.FAILED;
        this.failureReason = Objects.requireNonNull(reason);
        this.resultBy = by;
        this.resultAt = now;
    }

    private void requirePending() {
        if (result != PaymentResult.PENDING) {
            throw new IllegalStateException("the line has its result: " + result);
        }
    }

    public long getBatchId() {
        return batchId;
    }

    public long getItemId() {
        return itemId;
    }

    public int getPosition() {
        return position;
    }

    public Money getAmount() {
        return amount;
    }

    public long getPayeeAccountId() {
        return payeeAccountId;
    }

    public PaymentResult getResult() {
        return result;
    }

    public String getBankReference() {
        return bankReference;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public String getResultBy() {
        return resultBy;
    }

    public Instant getResultAt() {
        return resultAt;
    }

    /** The item's id once the bank paid this line, else null: its unique key is "paid at most once". */
    public Long getPaidItemId() {
        return paidItemId;
    }
}
