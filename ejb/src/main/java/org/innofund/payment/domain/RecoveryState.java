package org.innofund.payment.domain;

/** Where a recovery stands. */
public enum RecoveryState {
    /** 待追回: not yet repaid in full; blocks payments to the enterprise unless an approver released the block. */
    OPEN,
    /** 已结清: repaid in full. */
    SETTLED
}
