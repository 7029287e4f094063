package org.innofund.payment.domain;

/** Where a payment item (应付款项) stands. */
public enum PaymentItemState {
    /** 待拨付: committed, waiting for a batch. */
    PAYABLE,
    /** 批次中: in an open payment batch (at most one), until the bank's result or the batch's rejection. */
    IN_BATCH,
    /** 已拨付: the bank paid it (at most once). */
    PAID,
    /** 已取消: a later run of the call was approved before it was paid; its commitment released. */
    CANCELLED
}
