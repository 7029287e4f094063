package org.innofund.payment.domain;

/** What a ledger transaction records (DESIGN: which accounts each moves). */
public enum LedgerTransactionKind {
    /** 预算下达: SOURCE to AVAILABLE, when a call is published. */
    ALLOCATION,
    /** 承诺: AVAILABLE to COMMITTED, for each payment item of an approved calculation run. */
    COMMITMENT,
    /** 释放: COMMITTED back to AVAILABLE, when an unpaid item is cancelled (a later run approved). */
    RELEASE,
    /** 拨付: COMMITTED to PAID, when the bank reports an item paid. */
    PAYMENT,
    /** 追回: PAID to RECEIVABLE, when money is asked back. */
    RECOVERY,
    /** 退回: RECEIVABLE to AVAILABLE, when asked-back money is repaid. */
    REPAYMENT,
    /** 冲正: another transaction's entries negated, with the reason. */
    REVERSAL
}
