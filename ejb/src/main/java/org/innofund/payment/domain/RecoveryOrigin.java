package org.innofund.payment.domain;

/** Why money is asked back (追回原因). */
public enum RecoveryOrigin {
    /** 失信: the reviewer raised it for an integrity violation, with the facts. */
    INTEGRITY,
    /** 验收不通过: a PRE_APPROVED project failed acceptance; its advances come back. */
    ACCEPTANCE_FAILED,
    /** 结算为负: an approved run found advances above what the project is due. */
    NEGATIVE_BALANCE
}
