package org.innofund.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.io.Serializable;

/**
 * 分录: one side of a transaction, an account of the transaction's call and an amount in whole fen (debit positive).
 * The call is repeated here so that a balance is one index range of this table.
 */
@Embeddable
public class LedgerEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "call_id", nullable = false, updatable = false)
    private long callId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private LedgerAccount account;

    @Column(name = "amount_fen", nullable = false, updatable = false)
    private long amountFen;

    protected LedgerEntry() {
    }

    LedgerEntry(long callId, LedgerAccount account, long amountFen) {
        this.callId = callId;
        this.account = account;
        this.amountFen = amountFen;
    }

    public long getCallId() {
        return callId;
    }

    public LedgerAccount getAccount() {
        return account;
    }

    public long getAmountFen() {
        return amountFen;
    }
}
