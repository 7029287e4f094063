package org.innofund.evaluation.domain;

import org.innofund.program.domain.Grade;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The panel's score: means per indicator, the highest and lowest sheet left out from 5 experts, HALF_UP, dispersion. */
class PanelScoreTest {

    /** 25, 25, 20, 15, 15 */
    private static final List<ScoringIndicator> TEMPLATE = ScoringIndicator.defaultTemplate();

    private static int experts;

    private static ExpertSheet sheet(String... scores) {
        experts++;
        return new ExpertSheet(new ExpertSheet.Expert("专家" + experts, "教授级高工", "某研究院"),
                Arrays.stream(scores).map(BigDecimal::new).toList());
    }

    private static ExpertSheet total80() {
        return sheet("20", "20", "16", "12", "12");
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void threeExpertsAreAveragedIndicatorByIndicator() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(
                total80(), sheet("22", "21", "17", "13", "13"), sheet("24", "22", "18", "14", "14")));
        assertEquals(decimals("22.00", "21.00", "17.00", "13.00", "13.00"), score.indicatorScores());
        assertEquals(new BigDecimal("86.00"), score.total());
        assertEquals(Set.of(), score.dropped());
    }

    /** 80, 80 and 85: the mean of the totals is 81.666…, but the report shows the indicators, and they sum to 81.65. */
    @Test
    void theTotalIsTheSumOfTheRoundedIndicatorScores() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(total80(), total80(), sheet("21", "21", "17", "13", "13")));
        assertEquals(decimals("20.33", "20.33", "16.33", "12.33", "12.33"), score.indicatorScores());
        assertEquals(new BigDecimal("81.65"), score.total());
    }

    /** 40.1 / 4 = 10.025: HALF_UP gives 10.03 (HALF_EVEN, Java's default for some APIs, would give 10.02). */
    @Test
    void aMeanEndingInFiveThousandthsRoundsUp() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(
                sheet("10.1", "20", "16", "12", "12"), sheet("10", "20", "16", "12", "12"),
                sheet("10", "20", "16", "12", "12"), sheet("10", "20", "16", "12", "12")));
        assertEquals(new BigDecimal("10.03"), score.indicatorScores().get(0));
        assertEquals(Set.of(), score.dropped(), "four experts: nobody is left out");
    }

    @Test
    void fromFiveExpertsTheHighestAndTheLowestSheetAreLeftOut() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(
                sheet("24", "24", "19", "14", "14"), sheet("15", "15", "12", "9", "9"), total80(),
                sheet("20.5", "20.5", "16.4", "12.3", "12.3"), sheet("21", "21", "16.8", "12.6", "12.6")));
        assertEquals(Set.of(0, 1), score.dropped());
        assertEquals(decimals("20.50", "20.50", "16.40", "12.30", "12.30"), score.indicatorScores());
        assertEquals(new BigDecimal("82.00"), score.total());
        assertEquals(Set.of(1), score.dispersed(), "60 is 22 points from 82, 95 only 13");
    }

    @Test
    void fifteenExpertsKeepThirteen() {
        List<ExpertSheet> sheets = new ArrayList<>(Collections.nCopies(13, total80()));
        sheets.add(3, sheet("25", "25", "20", "15", "15"));
        sheets.add(9, sheet("10", "10", "10", "10", "10"));
        PanelScore score = PanelScore.of(TEMPLATE, sheets);
        assertEquals(Set.of(3, 9), score.dropped());
        assertEquals(new BigDecimal("80.00"), score.total());
    }

    /** Two sheets of 90: the first is left out, so the indicator scores are the same every time. */
    @Test
    void ofTwoSheetsTiedAtTheTopTheFirstIsLeftOut() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(
                sheet("25", "25", "20", "10", "10"), sheet("20", "20", "20", "15", "15"), total80(), total80(),
                sheet("17.5", "17.5", "14", "10.5", "10.5")));
        assertEquals(Set.of(0, 4), score.dropped());
        assertEquals(decimals("20.00", "20.00", "17.33", "13.00", "13.00"), score.indicatorScores());
        assertEquals(new BigDecimal("83.33"), score.total());
    }

    @Test
    void ofTwoSheetsTiedAtTheBottomTheFirstIsLeftOut() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(
                sheet("24", "24", "19", "14", "14"), sheet("15", "15", "12", "9", "9"), sheet("12", "12", "12", "12", "12"),
                total80(), total80()));
        assertEquals(Set.of(0, 1), score.dropped());
        assertEquals(decimals("17.33", "17.33", "14.67", "12.00", "12.00"), score.indicatorScores());
    }

    @Test
    void whenEverySheetIsEqualTheFirstTwoAreLeftOutAndTheScoreIsTheirs() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(total80(), total80(), total80(), total80(), total80()));
        assertEquals(Set.of(0, 1), score.dropped());
        assertEquals(new BigDecimal("80.00"), score.total());
        assertEquals(Set.of(), score.dispersed());
    }

    /** 100 is exactly 20 points from the panel's 80: not flagged; 59.9 is 20.1 away: flagged, though left out. */
    @Test
    void anExpertMoreThanTwentyPointsFromThePanelIsFlagged() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(
                sheet("25", "25", "20", "15", "15"), total80(), total80(), total80(), sheet("15", "15", "12", "9", "8.9")));
        assertEquals(new BigDecimal("80.00"), score.total());
        assertEquals(Set.of(0, 4), score.dropped());
        assertEquals(Set.of(4), score.dispersed());
    }

    @ParameterizedTest(name = "{0} experts")
    @ValueSource(ints = {0, 1, 2, 16})
    void aPanelHasThreeToFifteenExperts(int size) {
        InvalidFormException e = assertThrows(InvalidFormException.class,
                () -> PanelScore.of(TEMPLATE, Collections.nCopies(size, total80())));
        assertEquals(List.of(FieldProblem.of("experts", "evaluation.panelSize", 3, 15, size)), e.problems());
    }

    @ParameterizedTest(name = "{0} experts")
    @ValueSource(ints = {3, 15})
    void threeAndFifteenExpertsAreAPanel(int size) {
        assertEquals(new BigDecimal("80.00"), PanelScore.of(TEMPLATE, Collections.nCopies(size, total80())).total());
    }

    @Test
    void everyBadCellOfEverySheetIsNamedAtOnce() {
        ExpertSheet nameless = new ExpertSheet(new ExpertSheet.Expert(" ", "", ""), decimals("20", "20", "16", "12", "12"));
        InvalidFormException e = assertThrows(InvalidFormException.class, () -> PanelScore.of(TEMPLATE, List.of(
                sheet("25.1", "-1", "16", "12", "12"), sheet("20", "20", "16.25", "12", "15"), nameless,
                sheet("20", "20", "16"))));
        assertEquals(List.of(
                FieldProblem.of("experts[0].scores[0]", "evaluation.scoreRange", "研发投入强度与研发组织", 25, "25.1"),
                FieldProblem.of("experts[0].scores[1]", "evaluation.scoreRange", "技术与产品先进性", 25, "-1"),
                FieldProblem.of("experts[1].scores[2]", "evaluation.scoreScale", "知识产权价值", "16.25"),
                FieldProblem.of("experts[2].expert", "evaluation.expertNameMissing"),
                FieldProblem.of("experts[3].scores", "evaluation.scoreCount", 5, 3)), e.problems());
    }

    @Test
    void aMissingScoreIsNamed() {
        List<BigDecimal> scores = new ArrayList<>(decimals("20", "20", "16", "12", "12"));
        scores.set(4, null);
        ExpertSheet gap = new ExpertSheet(new ExpertSheet.Expert("王专家", "研究员", "某大学"), Collections.unmodifiableList(scores));
        InvalidFormException e = assertThrows(InvalidFormException.class, () -> PanelScore.of(TEMPLATE, List.of(gap, total80(), total80())));
        assertEquals(List.of(FieldProblem.of("experts[0].scores[4]", "evaluation.scoreMissing", "经济与社会效益")), e.problems());
    }

    @Test
    void theEdgesOfAScoreAreAllowed() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(sheet("0", "25", "0.0", "15.0", "0.5"), total80(), total80()));
        assertEquals(new BigDecimal("13.33"), score.indicatorScores().get(0));
    }

    @Test
    void aConsolidatedSheetIsTheResultAsItIs() {
        PanelScore score = PanelScore.consolidated(TEMPLATE, sheet("22.5", "23", "18", "13.5", "14"));
        assertEquals(decimals("22.50", "23.00", "18.00", "13.50", "14.00"), score.indicatorScores());
        assertEquals(new BigDecimal("91.00"), score.total());
        assertEquals(Grade.EXCELLENT, score.grade(Grade.Bounds.DEFAULT));
        assertEquals(Set.of(), score.dispersed());
    }

    @Test
    void aConsolidatedSheetIsCheckedLikeAnyOther() {
        InvalidFormException e = assertThrows(InvalidFormException.class,
                () -> PanelScore.consolidated(TEMPLATE, sheet("26", "23", "18", "13.5", "14")));
        assertEquals("evaluation.scoreRange", e.messageKey());
    }

    @Test
    void thePanelsGradeFollowsTheCallsBounds() {
        PanelScore score = PanelScore.of(TEMPLATE, List.of(total80(), total80(), sheet("20", "20", "16", "12", "11.9")));
        assertEquals(new BigDecimal("79.97"), score.total());
        assertEquals(Grade.PASS, score.grade(Grade.Bounds.DEFAULT));
        assertEquals(Grade.GOOD, score.grade(new Grade.Bounds(new BigDecimal("90"), new BigDecimal("79.9"), new BigDecimal("60"))));
    }
}
