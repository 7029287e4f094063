package org.innofund.payment.domain;

/** The bank's result for one line of a payment batch. */
public enum PaymentResult {
    /** 待银行结果 */
    PENDING,
    /** 已支付: with the bank's reference and the day. */
    PAID,
    /** 支付失败: with the bank's reason; the item is payable again. */
    FAILED
}
