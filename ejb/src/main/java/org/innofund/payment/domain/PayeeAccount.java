package org.innofund.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.Lengths;
import org.innofund.subsidy.domain.BankAccount;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

import static org.innofund.shared.Clocks.BUREAU_ZONE;

/**
 * 收款账户: the bank account an enterprise is paid to, as it set it at one moment. Never edited: a change is a new
 * account that {@link #replaces} the current one, which is {@link #supersede}d. A changed account (not an enterprise's
 * first) is on hold for the call's days from the change, unless finance released the hold after calling the company.
 */
@Entity
@Table(name = "payee_account")
public class PayeeAccount extends BaseEntity {

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    /** The enterprise's id while this is its current account, NULL once superseded (unique: one current account). */
    @Column(name = "current_of")
    private Long currentOf;

    @Column(name = "account_name", nullable = false, updatable = false, length = Lengths.ORGANISATION_NAME)
    private String accountName;

    @Column(name = "account_number", nullable = false, updatable = false, length = BankAccount.MAX_DIGITS)
    private String accountNumber;

    @Column(name = "bank_name", nullable = false, updatable = false, length = Lengths.SHORT_NAME)
    private String bankName;

    @Column(name = "branch_name", nullable = false, updatable = false, length = Lengths.SHORT_NAME)
    private String branchName;

    @Column(name = "replaces_id", updatable = false)
    private Long replacesId;

    @Column(name = "changed_by", nullable = false, updatable = false, length = Lengths.USERNAME)
    private String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Column(name = "hold_released_by", length = Lengths.USERNAME)
    private String holdReleasedBy;

    @Column(name = "hold_released_at")
    private Instant holdReleasedAt;

    @Column(name = "hold_release_note", length = Lengths.REASON)
    private String holdReleaseNote;

    protected PayeeAccount() {
    }

    /**
     * The enterprise's account from now on: {@code account} already checked against its registered name
     * ({@link BankAccount#of}); {@code replaced} its current account (superseded here), or null for its first.
     */
    public PayeeAccount(long enterpriseId, BankAccount account, String branchName, PayeeAccount replaced, String by,
                        Instant now) {
        super(now);
        if (replaced != null) {
            if (replaced.enterpriseId != enterpriseId) {
                throw new IllegalArgumentException("an account replaces one of the same enterprise");
            }
            replaced.supersede(now);
            this.replacesId = Objects.requireNonNull(replaced.getId());
        }
        this.enterpriseId = enterpriseId;
        this.currentOf = enterpriseId;
        this.accountName = account.accountName();
        this.accountNumber = account.accountNumber();
        this.bankName = account.bankName();
        this.branchName = Objects.requireNonNull(branchName);
        this.changedBy = Objects.requireNonNull(by);
        this.changedAt = now;
    }

    private void supersede(Instant now) {
        if (currentOf == null) {
            throw new IllegalStateException("only the current account is replaced");
        }
        currentOf = null;
        supersededAt = now;
    }

    /**
     * The end of the hold on payments to this account for a call holding changed accounts {@code holdDays} calendar
     * days: the change's day in Beijing plus the days, at 24:00 of the last; null when not held (an enterprise's first
     * account, or the hold released).
     */
    public Instant holdEnds(int holdDays) {
        if (replacesId == null || holdReleasedAt != null) {
            return null;
        }
        LocalDate changed = LocalDate.ofInstant(changedAt, BUREAU_ZONE);
        return ZonedDateTime.of(changed.plusDays(holdDays + 1L), java.time.LocalTime.MIDNIGHT, BUREAU_ZONE).toInstant();
    }

    /** Whether payments to this account wait at {@code now} for a call holding changed accounts {@code holdDays}. */
    public boolean onHold(int holdDays, Instant now) {
        Instant ends = holdEnds(holdDays);
        return ends != null && now.isBefore(ends);
    }

    /** 解除冻结: finance called the company and confirmed the change; says how. */
    public void releaseHold(String note, String by, Instant now) {
        if (replacesId == null || holdReleasedAt != null) {
            throw new IllegalStateException("only a changed account's hold is released, once");
        }
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("a released hold says how the change was confirmed");
        }
        holdReleaseNote = note.strip();
        holdReleasedBy = Objects.requireNonNull(by);
        holdReleasedAt = now;
    }

    /** The account as a payment file names it. */
    public BankAccount bankAccount() {
        return new BankAccount(accountName, accountNumber, bankName);
    }

    public boolean isCurrent() {
        return currentOf != null;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getBankName() {
        return bankName;
    }

    public String getBranchName() {
        return branchName;
    }

    public Long getReplacesId() {
        return replacesId;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }

    public String getHoldReleasedBy() {
        return holdReleasedBy;
    }

    public Instant getHoldReleasedAt() {
        return holdReleasedAt;
    }

    public String getHoldReleaseNote() {
        return holdReleaseNote;
    }
}
