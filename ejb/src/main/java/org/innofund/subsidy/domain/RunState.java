package org.innofund.subsidy.domain;

/** Where a calculation run (核定批次) stands. */
public enum RunState {
    /** 预览: calculated, waiting on an approver who did not start it; a later run of the call may replace it. */
    PREVIEW,
    /** 已批准: frozen, the basis of payment. */
    APPROVED,
    /** 已被取代: was approved, then a later run of the call was approved; kept and readable. */
    SUPERSEDED
}
