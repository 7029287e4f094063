package org.innofund.payment.domain;

/** Where a payment batch (拨付批次) stands. */
public enum PaymentBatchState {
    /** 草稿: finance gathers items; they are held by the batch (no other batch takes them). */
    DRAFT,
    /** 待审批: submitted to an approver who did not prepare it. */
    SUBMITTED,
    /** 已批准: may be exported as the treasury file. */
    APPROVED,
    /** 已退回: the approver's reason given; its items payable again. Closed. */
    REJECTED,
    /** 已导出: the treasury file was made; the bank's results are recorded line by line. */
    EXPORTED,
    /** 已完成: every line has the bank's result. Closed. */
    CLOSED
}
