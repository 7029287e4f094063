package org.innofund.evaluation.domain;

import org.innofund.program.domain.ScoringIndicator;
import org.innofund.shared.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * 专家评分表: one expert's scores, one per indicator of the call's scoring template and in its order. A score is
 * from 0 to the indicator's weight with at most one decimal; the sheet's total is the sum of its scores.
 */
public record ExpertSheet(Expert expert, List<BigDecimal> scores) {

    /** 评审专家: who scored; kept on the evaluation so the panel can be named in its report. */
    public record Expert(String name, String title, String employer) {
    }

    /** A score may be missing (null: an empty cell) until the sheet is checked; {@link #problems} names it. */
    public ExpertSheet {
        scores = Collections.unmodifiableList(new ArrayList<>(scores));
    }

    public BigDecimal total() {
        return scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Every problem of this sheet against the template, each named by its place ({@code field} is
     * "{prefix}.scores[i]" or "{prefix}.expert"), so that a form or a spreadsheet row can mark the very cell.
     */
    public List<FieldProblem> problems(List<ScoringIndicator> template, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (expert == null || expert.name() == null || expert.name().isBlank()) {
            problems.add(FieldProblem.of(prefix + ".expert", "evaluation.expertNameMissing"));
        }
        if (scores.size() != template.size()) {
            problems.add(FieldProblem.of(prefix + ".scores", "evaluation.scoreCount", template.size(), scores.size()));
            return problems;
        }
        for (int i = 0; i < template.size(); i++) {
            ScoringIndicator indicator = template.get(i);
            BigDecimal score = scores.get(i);
            String field = prefix + ".scores[" + i + "]";
            if (score == null) {
                problems.add(FieldProblem.of(field, "evaluation.scoreMissing", indicator.getName()));
            } else if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(indicator.getWeight())) > 0) {
                problems.add(FieldProblem.of(field, "evaluation.scoreRange", indicator.getName(), indicator.getWeight(),
                        score.toPlainString()));
            } else if (score.stripTrailingZeros().scale() > 1) {
                problems.add(FieldProblem.of(field, "evaluation.scoreScale", indicator.getName(), score.toPlainString()));
            }
        }
        return problems;
    }
}
