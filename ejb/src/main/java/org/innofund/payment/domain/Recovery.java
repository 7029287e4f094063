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
import java.time.LocalDate;
import java.util.Objects;

/**
 * 追回: money an enterprise is asked to pay back into a call's budget, with the reason and the due date. Repaid in
 * parts until settled; while open it blocks payments to the enterprise unless an approver released the block (the
 * debt stands). Its ledger transactions name {@link #reference()}.
 */
@Entity
@Table(name = "recovery")
public class Recovery extends BaseEntity {

    /** 还款期限: the days a recovery raised by hand leaves the enterprise, unless the reviewer sets another date. */
    public static final int DEFAULT_DAYS_TO_REPAY = 30;

    @Column(name = "call_id", nullable = false, updatable = false)
    private long callId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    @Column(name = "project_id", updatable = false)
    private Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 24)
    private RecoveryOrigin origin;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money amount;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, precision = 16, scale = 2)
    private Money repaid;

    @Column(nullable = false, updatable = false, length = Lengths.REASON)
    private String reason;

    @Column(name = "due_on", nullable = false, updatable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RecoveryState state;

    @Column(name = "raised_by", nullable = false, updatable = false, length = Lengths.USERNAME)
    private String raisedBy;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Column(name = "block_released_by", length = Lengths.USERNAME)
    private String blockReleasedBy;

    @Column(name = "block_released_at")
    private Instant blockReleasedAt;

    @Column(name = "block_release_reason", length = Lengths.REASON)
    private String blockReleaseReason;

    protected Recovery() {
    }

    public Recovery(long callId, long enterpriseId, Long projectId, RecoveryOrigin origin, Money amount, String reason,
                    LocalDate dueOn, String by, Instant now) {
        super(now);
        if (amount.isZero()) {
            throw BusinessException.invalid("recovery.amountPositive");
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("recovery.reasonRequired");
        }
        this.callId = callId;
        this.enterpriseId = enterpriseId;
        this.projectId = projectId;
        this.origin = Objects.requireNonNull(origin);
        this.amount = amount;
        this.repaid = Money.ZERO;
        this.reason = reason.strip();
        this.dueOn = Objects.requireNonNull(dueOn);
        this.state = RecoveryState.OPEN;
        this.raisedBy = Objects.requireNonNull(by);
    }

    /**
     * The due date of a new recovery: the one asked for, or {@link #DEFAULT_DAYS_TO_REPAY} days from {@code today} (the
     * bureau's date); a date before today is refused (today itself is allowed: due at once).
     */
    public static LocalDate dueDate(LocalDate asked, LocalDate today) {
        if (asked == null) {
            return today.plusDays(DEFAULT_DAYS_TO_REPAY);
        }
        if (asked.isBefore(today)) {
            throw BusinessException.invalid("recovery.dueInPast", asked.toString(), today.toString());
        }
        return asked;
    }

    /**
     * 可追回: what is asked back from an enterprise in a call is at most what it was paid there less what was asked
     * back from it there already (settled or not); otherwise refused with both figures.
     */
    public static void requireRecoverable(Money amount, Money paid, Money askedBack) {
        if (amount.plus(askedBack).isGreaterThan(paid)) {
            throw BusinessException.invalid("recovery.beyondPaid", amount.toString(), paid.toString(),
                    askedBack.toString());
        }
    }

    /** What ledger transactions about this recovery name. */
    public String reference() {
        return "recovery:" + getId();
    }

    /** What is still owed. */
    public Money outstanding() {
        return amount.minus(repaid);
    }

    /** 还款: part or all of what is owed, never more; settled when nothing is left. */
    public void repay(Money part, Instant now) {
        if (state != RecoveryState.OPEN) {
            throw BusinessException.conflict("recovery.settled", String.valueOf(getId()));
        }
        if (part.isZero() || part.compareTo(outstanding()) > 0) {
            throw BusinessException.invalid("recovery.repaymentRange", outstanding().amount().toPlainString());
        }
        repaid = repaid.plus(part);
        if (repaid.equals(amount)) {
            state = RecoveryState.SETTLED;
            settledAt = now;
        }
    }

    /** 解除拨付限制: an approver lets payments to the enterprise go on while this stays owed; says why. */
    public void releaseBlock(String reason, String by, Instant now) {
        if (state != RecoveryState.OPEN || blockReleasedAt != null) {
            throw BusinessException.conflict("recovery.notBlocking", String.valueOf(getId()));
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("recovery.reasonRequired");
        }
        blockReleaseReason = reason.strip();
        blockReleasedBy = Objects.requireNonNull(by);
        blockReleasedAt = now;
    }

    /** Whether it stops payments to the enterprise now. */
    public boolean blocksPayments() {
        return state == RecoveryState.OPEN && blockReleasedAt == null;
    }

    /** Owed past its due date on {@code today} (the bureau's date). */
    public boolean overdue(LocalDate today) {
        return state == RecoveryState.OPEN && today.isAfter(dueOn);
    }

    public long getCallId() {
        return callId;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public RecoveryOrigin getOrigin() {
        return origin;
    }

    public Money getAmount() {
        return amount;
    }

    public Money getRepaid() {
        return repaid;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public RecoveryState getState() {
        return state;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public String getBlockReleasedBy() {
        return blockReleasedBy;
    }

    public Instant getBlockReleasedAt() {
        return blockReleasedAt;
    }

    public String getBlockReleaseReason() {
        return blockReleaseReason;
    }
}
