package org.innofund.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** 还款记录: one repayment of a recovery as finance recorded it (the bank's reference once per recovery). */
@Entity
@Table(name = "recovery_repayment")
public class RecoveryRepayment extends BaseEntity {

    @Column(name = "recovery_id", nullable = false, updatable = false)
    private long recoveryId;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money amount;

    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;

    @Column(name = "bank_reference", nullable = false, updatable = false, length = Lengths.DOCUMENT_NO)
    private String bankReference;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = Lengths.USERNAME)
    private String recordedBy;

    protected RecoveryRepayment() {
    }

    public RecoveryRepayment(long recoveryId, Money amount, LocalDate receivedOn, String bankReference, String by,
                             Instant now) {
        super(now);
        if (receivedOn == null) {
            throw BusinessException.invalid("recovery.receivedOnRequired");
        }
        LocalDate today = LocalDate.ofInstant(now, Clocks.BUREAU_ZONE);
        if (receivedOn.isAfter(today)) {
            throw BusinessException.invalid("recovery.receivedInFuture", receivedOn.toString(), today.toString());
        }
        String reference = normalise(bankReference);
        if (reference.isEmpty()) {
            throw BusinessException.invalid("recovery.bankReferenceRequired");
        }
        if (reference.length() > Lengths.DOCUMENT_NO) {
            throw BusinessException.invalid("recovery.bankReferenceTooLong", Lengths.DOCUMENT_NO);
        }
        this.recoveryId = recoveryId;
        this.amount = Objects.requireNonNull(amount);
        this.receivedOn = receivedOn;
        this.bankReference = reference;
        this.recordedBy = Objects.requireNonNull(by);
    }

    /** A bank reference as stored and compared: without the blanks around it. */
    public static String normalise(String bankReference) {
        return bankReference == null ? "" : bankReference.strip();
    }

    /** Whether recording the same bank reference again with these figures would record this very repayment. */
    public boolean sameAs(Money amount, LocalDate receivedOn) {
        return this.amount.equals(amount) && this.receivedOn.equals(receivedOn);
    }

    public long getRecoveryId() {
        return recoveryId;
    }

    public Money getAmount() {
        return amount;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getBankReference() {
        return bankReference;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return getCreatedAt();
    }
}
