package org.innofund.evaluation.domain;

import org.innofund.program.domain.Grade;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * 专家组评分: what a panel's score sheets come to. Each indicator's score is the mean of the experts' scores for it,
 * rounded HALF_UP to 2 decimals; with {@value #DROP_FROM} experts or more the sheet with the highest total and the one
 * with the lowest are left out first (去掉一个最高分和一个最低分). The total is the sum of the indicator scores: computed,
 * never typed. An expert whose own total is more than {@value #DISPERSION_POINTS} points from the panel's total is
 * flagged (评分离散) for the reviewer to look at; the dropped sheets are compared too, they are often the ones that are.
 *
 * @param indicatorScores one per indicator of the template, in its order
 * @param dropped         the positions (in the order the sheets were given) of the sheets left out
 * @param dispersed       the positions of the sheets flagged for dispersion
 */
public record PanelScore(List<BigDecimal> indicatorScores, BigDecimal total, Set<Integer> dropped, Set<Integer> dispersed) {

    public static final int MIN_EXPERTS = 3;
    public static final int MAX_EXPERTS = 15;
    public static final int DROP_FROM = 5;
    public static final int DISPERSION_POINTS = 20;

    public PanelScore {
        indicatorScores = List.copyOf(indicatorScores);
        dropped = Set.copyOf(dropped);
        dispersed = Set.copyOf(dispersed);
    }

    /** A panel of 3 to 15 experts; refuses, naming every bad cell at once, sheets that do not fit the template. */
    public static PanelScore of(List<ScoringIndicator> template, List<ExpertSheet> sheets) {
        if (sheets.size() < MIN_EXPERTS || sheets.size() > MAX_EXPERTS) {
            throw new InvalidFormException(List.of(FieldProblem.of("experts", "evaluation.panelSize",
                    MIN_EXPERTS, MAX_EXPERTS, sheets.size())));
        }
        check(template, sheets);
        Set<Integer> dropped = sheets.size() >= DROP_FROM ? highestAndLowest(sheets) : Set.of();
        List<ExpertSheet> kept = IntStream.range(0, sheets.size()).filter(i -> !dropped.contains(i))
                .mapToObj(sheets::get).toList();
        List<BigDecimal> indicatorScores = IntStream.range(0, template.size())
                .mapToObj(i -> mean(kept.stream().map(sheet -> sheet.scores().get(i)).toList())).toList();
        BigDecimal total = indicatorScores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Set<Integer> dispersed = new TreeSet<>();
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).total().subtract(total).abs().compareTo(BigDecimal.valueOf(DISPERSION_POINTS)) > 0) {
                dispersed.add(i);
            }
        }
        return new PanelScore(indicatorScores, total, dropped, dispersed);
    }

    /** 汇总评分表: one sheet the agency consolidated itself, where the call allows it; its scores are the result. */
    public static PanelScore consolidated(List<ScoringIndicator> template, ExpertSheet sheet) {
        check(template, List.of(sheet));
        List<BigDecimal> scores = sheet.scores().stream().map(s -> s.setScale(2, RoundingMode.UNNECESSARY)).toList();
        return new PanelScore(scores, scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add), Set.of(), Set.of());
    }

    public Grade grade(Grade.Bounds bounds) {
        return bounds.gradeOf(total);
    }

    private static void check(List<ScoringIndicator> template, List<ExpertSheet> sheets) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) {
            problems.addAll(sheets.get(i).problems(template, "experts[" + i + "]"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
    }

    /**
     * The one highest and the one lowest sheet by total. Of sheets tied at the top or the bottom the first given is
     * dropped: the mean of the kept totals is the same whichever goes, and a fixed order makes the indicator scores
     * (and so the cents their rounding gives) the same every time the panel is computed.
     */
    private static Set<Integer> highestAndLowest(List<ExpertSheet> sheets) {
        Comparator<Integer> byTotal = Comparator.comparing(i -> sheets.get(i).total());
        List<Integer> positions = IntStream.range(0, sheets.size()).boxed().toList();
        int highest = positions.stream().max(byTotal.thenComparing(Comparator.reverseOrder())).orElseThrow();
        int lowest = positions.stream().filter(i -> i != highest).min(byTotal.thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
        return Set.of(highest, lowest);
    }

    private static BigDecimal mean(List<BigDecimal> scores) {
        return scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    }
}
