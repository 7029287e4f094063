package org.innofund.evaluation.application;

import org.innofund.evaluation.domain.Evaluation;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.ScoringIndicator;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What the scoring form's sheets come to as the agency types, by the same computation a save makes: the panel's
 * indicator scores, total and grade, and which sheets are left out or flagged. All empty while the sheets are incomplete.
 */
public record EvaluationPreview(boolean complete, List<EvaluationView.IndicatorView> indicators, BigDecimal total,
                                Grade grade, Set<Integer> dropped, Set<Integer> dispersed) implements Serializable {

    static EvaluationPreview of(List<ScoringIndicator> template, Evaluation.Outcome outcome) {
        if (!outcome.complete()) {
            return new EvaluationPreview(false, EvaluationView.indicators(template, null), null, null, Set.of(), Set.of());
        }
        return new EvaluationPreview(true, EvaluationView.indicators(template, outcome.panel()), outcome.panel().total(),
                outcome.grade(), outcome.panel().dropped(), outcome.panel().dispersed());
    }
}
