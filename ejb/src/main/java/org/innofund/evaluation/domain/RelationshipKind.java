package org.innofund.evaluation.domain;

/** 关联关系的类型: what ties an agency to an enterprise so that it must stand aside. */
public enum RelationshipKind {
    /** 股权关系 */
    SHAREHOLDING,
    /** 同一实际控制人 */
    SAME_CONTROLLER,
    /** 咨询服务合同 (bars only for {@value #CONSULTING_YEARS} years from the contract) */
    CONSULTING_CONTRACT;

    public static final int CONSULTING_YEARS = 3;
}
