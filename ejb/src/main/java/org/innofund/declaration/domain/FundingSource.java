package org.innofund.declaration.domain;

/** 资金来源 */
public enum FundingSource {
    /** 申请财政补助 */ SUBSIDY,
    /** 企业自筹 */ SELF_FUNDED
}
