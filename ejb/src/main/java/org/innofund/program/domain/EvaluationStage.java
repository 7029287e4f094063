package org.innofund.program.domain;

/** 评估阶段: the stages of a project's life at which a third-party agency evaluates it (DOMAIN.md). */
public enum EvaluationStage {
    /** 立项评估 (for the post-subsidy kinds: the verification of the declared figures) */
    APPROVAL,
    /** 中期评估 */
    MIDTERM,
    /** 验收评估 */
    ACCEPTANCE,
    /** 绩效评价 */
    PERFORMANCE
}
