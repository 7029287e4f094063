package org.innofund.program.domain;

/** How a program's money is computed (SUBSIDY-RULES.md). */
public enum SubsidyKind {
    /** 事前立项、事后补助 */
    PRE_APPROVED,
    /** 企业研发投入后补助 */
    RD_INVESTMENT,
    /** 奖励性后补助 */
    REWARD,
    /** 共享服务后补助 (创新券) */
    SHARED_SERVICE
}
