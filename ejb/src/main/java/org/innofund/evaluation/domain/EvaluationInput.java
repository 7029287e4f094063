package org.innofund.evaluation.domain;

import java.util.List;

/**
 * What the agency gives for one evaluation, from the scoring form, the API or one row of a bulk spreadsheet: the
 * experts' sheets (3 to 15; or exactly one when {@code consolidated}, where the call allows a 汇总评分表), the
 * conclusion and the opinion (评估意见). The total and the grade are computed from it ({@link PanelScore}), never given.
 */
public record EvaluationInput(List<ExpertSheet> sheets, boolean consolidated, Conclusion conclusion, String opinion) {

    public EvaluationInput {
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
    }
}
