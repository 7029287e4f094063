package org.innofund.evaluation.domain;

import org.innofund.program.domain.EvaluationStage;
import java.util.Arrays;
import java.util.List;

/** 评估结论: what an evaluation concludes; each stage has its own verdicts (ISSUE-10). */
public enum Verdict {
    /** 立项评估：建议立项 (for the post-subsidy kinds: the declared figures verified) */
    RECOMMEND(EvaluationStage.APPROVAL),
    /** 立项评估：不建议立项 */
    NOT_RECOMMEND(EvaluationStage.APPROVAL),
    /** 中期评估：进展正常 */
    ON_TRACK(EvaluationStage.MIDTERM),
    /** 中期评估：存在风险 */
    AT_RISK(EvaluationStage.MIDTERM),
    /** 中期评估：进展严重滞后 */
    FAILING(EvaluationStage.MIDTERM),
    /** 验收评估：通过 */
    PASSED(EvaluationStage.ACCEPTANCE),
    /** 验收评估：不通过 */
    FAILED(EvaluationStage.ACCEPTANCE),
    /** 绩效评价：目标达成 */
    ACHIEVED(EvaluationStage.PERFORMANCE),
    /** 绩效评价：部分达成 */
    PARTLY_ACHIEVED(EvaluationStage.PERFORMANCE),
    /** 绩效评价：未达成 */
    NOT_ACHIEVED(EvaluationStage.PERFORMANCE);

    private final EvaluationStage stage;

    Verdict(EvaluationStage stage) {
        this.stage = stage;
    }

    public EvaluationStage stage() {
        return stage;
    }

    /** The verdicts an evaluation at the stage may conclude with, in the order a form offers them. */
    public static List<Verdict> of(EvaluationStage stage) {
        return Arrays.stream(values()).filter(v -> v.stage == stage).toList();
    }
}
