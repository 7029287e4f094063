package org.innofund.payment.domain;

/** Which part of an amount an item pays: all of it, or for PRE_APPROVED projects an advance and then the balance. */
public enum Tranche {
    /** 全额 */
    FULL,
    /** 预拨 */
    ADVANCE,
    /** 清算 */
    BALANCE
}
