package org.innofund.payment.domain;

/**
 * 台账科目: the five accounts of one call's budget. Debit is positive; each balance keeps to its side — SOURCE (the
 * other side of what was allocated) never above zero, every other never below: no transaction may take AVAILABLE
 * below zero (nothing committed beyond the budget), COMMITTED below zero (nothing paid that was not committed), and
 * so on.
 */
public enum LedgerAccount {
    /** 财政来源: minus what was allocated to the call. */
    SOURCE,
    /** 可用: allocated, not committed. */
    AVAILABLE,
    /** 已承诺: approved, not yet paid. */
    COMMITTED,
    /** 已拨付: paid to enterprises, less what was asked back. */
    PAID,
    /** 应追回: asked back, not yet repaid. */
    RECEIVABLE;

    /** The refusal of a transaction that would take this account past its side: what it needs, what there is. */
    public String overdrawnKey() {
        return "ledger.overdrawn." + name();
    }

    /** Whether a balance in fen is on this account's side. */
    public boolean allows(long balanceFen) {
        return this == SOURCE ? balanceFen <= 0 : balanceFen >= 0;
    }
}
