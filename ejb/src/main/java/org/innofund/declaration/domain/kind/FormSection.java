package org.innofund.declaration.domain.kind;

/**
 * A part of the declaration form that only some subsidy kinds ask for; the project name, summary and key indicators
 * every kind asks for.
 */
public enum FormSection {
    /** 项目信息: field and period of a project. */
    PROJECT,
    /** 项目预算: total and budget lines. */
    BUDGET,
    /** 研发投入数据 */
    RD_FIGURES,
    /** 认定成果 */
    ACHIEVEMENTS,
    /** 服务记录 (创新券) */
    SERVICE_RECORDS
}
