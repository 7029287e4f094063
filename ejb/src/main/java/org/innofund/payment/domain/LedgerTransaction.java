package org.innofund.payment.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 台账凭证: one movement of a call's budget between its accounts, in whole fen, whose entries sum to zero. Only ever
 * inserted: a mistake is corrected by its {@link #reversal}, which names it and says why. Each kind has its factory, so
 * that which accounts a kind moves is decided here once.
 */
@Entity
@Table(name = "ledger_transaction")
public class LedgerTransaction extends BaseEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private long callId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private LedgerTransactionKind kind;

    @Column(nullable = false, updatable = false, length = 64)
    private String reference;

    @Column(updatable = false, length = Lengths.REASON)
    private String reason;

    @Column(name = "reverses_id", updatable = false)
    private Long reversesId;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = Lengths.USERNAME)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ledger_entry", joinColumns = @JoinColumn(name = "transaction_id"))
    @OrderColumn(name = "position")
    private List<LedgerEntry> entries = new ArrayList<>();

    protected LedgerTransaction() {
    }

    private LedgerTransaction(long callId, LedgerTransactionKind kind, String reference, String reason, Long reversesId,
                              List<LedgerEntry> entries, String recordedBy, Instant recordedAt) {
        super(recordedAt);
        if (entries.size() < 2) {
            throw new IllegalArgumentException("a transaction has two sides at least");
        }
        long sum = 0;
        for (LedgerEntry e : entries) {
            if (e.getAmountFen() == 0 || e.getCallId() != callId) {
                throw new IllegalArgumentException("an entry moves money of the transaction's call");
            }
            sum = Math.addExact(sum, e.getAmountFen());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("the entries of a transaction sum to zero, not " + sum);
        }
        this.callId = callId;
        this.kind = kind;
        this.reference = Objects.requireNonNull(reference);
        this.reason = reason;
        this.reversesId = reversesId;
        this.entries = new ArrayList<>(entries);
        this.recordedBy = Objects.requireNonNull(recordedBy);
        this.recordedAt = Objects.requireNonNull(recordedAt);
    }

    /** A movement of {@code amount} (more than zero) from one account to another. */
    private static LedgerTransaction move(long callId, LedgerTransactionKind kind, String reference, LedgerAccount from,
                                          LedgerAccount to, Money amount, String by, Instant at) {
        if (amount.isZero()) {
            throw new IllegalArgumentException("a transaction moves more than nothing");
        }
        long fen = amount.fen();
        return new LedgerTransaction(callId, kind, reference, null, null,
                List.of(new LedgerEntry(callId, from, -fen), new LedgerEntry(callId, to, fen)), by, at);
    }

    /** 预算下达: the call's budget becomes available. */
    public static LedgerTransaction allocation(long callId, Money budget, String by, Instant at) {
        return move(callId, LedgerTransactionKind.ALLOCATION, "call:" + callId, LedgerAccount.SOURCE,
                LedgerAccount.AVAILABLE, budget, by, at);
    }

    /** 承诺: an amount an approved calculation run owes ({@code reference} the payment item) is set aside for payment. */
    public static LedgerTransaction commitment(long callId, String reference, Money amount, String by, Instant at) {
        return move(callId, LedgerTransactionKind.COMMITMENT, reference, LedgerAccount.AVAILABLE, LedgerAccount.COMMITTED,
                amount, by, at);
    }

    /** 释放: a commitment no longer owed (its item cancelled by a later run) becomes available again. */
    public static LedgerTransaction release(long callId, String reference, Money amount, String by, Instant at) {
        return move(callId, LedgerTransactionKind.RELEASE, reference, LedgerAccount.COMMITTED, LedgerAccount.AVAILABLE,
                amount, by, at);
    }

    /** 拨付: the bank paid a committed item ({@code reference} the item). */
    public static LedgerTransaction payment(long callId, String reference, Money amount, String by, Instant at) {
        return move(callId, LedgerTransactionKind.PAYMENT, reference, LedgerAccount.COMMITTED, LedgerAccount.PAID, amount,
                by, at);
    }

    /** 追回: money paid is asked back ({@code reference} the recovery); it is owed to the budget until repaid. */
    public static LedgerTransaction recovery(long callId, String reference, Money amount, String by, Instant at) {
        return move(callId, LedgerTransactionKind.RECOVERY, reference, LedgerAccount.PAID, LedgerAccount.RECEIVABLE,
                amount, by, at);
    }

    /** 退回: a repayment of a recovery ({@code reference} the recovery) returns to the budget. */
    public static LedgerTransaction repayment(long callId, String reference, Money amount, String by, Instant at) {
        return move(callId, LedgerTransactionKind.REPAYMENT, reference, LedgerAccount.RECEIVABLE, LedgerAccount.AVAILABLE,
                amount, by, at);
    }

    /**
     * 冲正: this transaction's entries negated, under its reference, with the reason. A reversal is not itself reversed
     * (record the correct movement instead); that a transaction is reversed at most once is the table's unique key.
     */
    public LedgerTransaction reversal(String reason, String by, Instant at) {
        if (kind == LedgerTransactionKind.REVERSAL || getId() == null) {
            throw new IllegalStateException("only a recorded transaction that is not a reversal is reversed");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reversal says why");
        }
        List<LedgerEntry> negated = entries.stream()
                .map(e -> new LedgerEntry(callId, e.getAccount(), Math.negateExact(e.getAmountFen()))).toList();
        return new LedgerTransaction(callId, LedgerTransactionKind.REVERSAL, reference, reason.strip(), getId(), negated,
                by, at);
    }

    /** The net movement of each account this transaction touches, in fen. */
    public Map<LedgerAccount, Long> effect() {
        Map<LedgerAccount, Long> effect = new EnumMap<>(LedgerAccount.class);
        entries.forEach(e -> effect.merge(e.getAccount(), e.getAmountFen(), Math::addExact));
        return effect;
    }

    public long getCallId() {
        return callId;
    }

    public LedgerTransactionKind getKind() {
        return kind;
    }

    public String getReference() {
        return reference;
    }

    public String getReason() {
        return reason;
    }

    public Long getReversesId() {
        return reversesId;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public List<LedgerEntry> getEntries() {
        return List.copyOf(entries);
    }
}
