package org.innofund.evaluation.domain;

import org.innofund.program.domain.Grade;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.evaluation.domain.EvaluationBatch.Columns;
import org.innofund.evaluation.domain.EvaluationBatch.Entry;
import org.innofund.evaluation.domain.EvaluationBatch.Problem;
import org.innofund.evaluation.domain.EvaluationBatch.Reading;
import org.innofund.evaluation.domain.EvaluationBatch.Row;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationBatchTest {

    private static final List<ScoringIndicator> TEMPLATE = ScoringIndicator.defaultTemplate();
    private static final Columns COLUMNS = new Columns(TEMPLATE);
    private static final String SHEET = "评分表";

    /** A PRE_APPROVED project asking 800,000: the recommended amount is asked at APPROVAL. */
    private static Evaluation.Terms terms(EvaluationStage stage) {
        return new Evaluation.Terms(TEMPLATE, Grade.Bounds.DEFAULT, stage, SubsidyKind.PRE_APPROVED,
                Money.of(new BigDecimal("800000")), false);
    }

    /**
     * A filled row: id, 5 scores, then verdict, amount, spend, opinion, report, the verified figures (those given), and
     * the version the template wrote on every row.
     */
    private static Row row(int number, String id, String expert, String[] scores, String... evaluation) {
        List<String> cells = new ArrayList<>(List.of(id, "企业", "项目", "立项评估", expert, "教授", "大学"));
        cells.addAll(Arrays.asList(scores));
        cells.addAll(Arrays.asList(evaluation));
        while (cells.size() < COLUMNS.version()) {
            cells.add("");
        }
        cells.add(COLUMNS.version(), "3");
        return new Row(SHEET, number, cells);
    }

    private static String[] scores(String... s) {
        return s;
    }

    private static final String[] GOOD = {"20", "20.5", "16", "12", "12"};

    private static List<Row> panel(int firstRow, String id, int experts) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(firstRow, id, "专家1", GOOD, "建议立项", "500000", "", "同意", id + ".pdf"));
        for (int i = 2; i <= experts; i++) {
            rows.add(row(firstRow + i - 1, id, "专家" + i, GOOD));
        }
        return rows;
    }

    private static List<String> cells(List<Problem> problems) {
        return problems.stream().map(p -> p.cell() + " " + p.messageKey()).toList();
    }

    @Test
    void theHeaderNamesEachIndicatorWithItsWeightAndReadsBackToTheSameColumns() {
        List<String> header = COLUMNS.header();
        assertEquals("技术与产品先进性 (25)", header.get(8));
        assertEquals(EvaluationBatch.REPORT, header.get(COLUMNS.report()));
        List<Problem> problems = new ArrayList<>();
        assertEquals(COLUMNS, Columns.of(new Row(SHEET, 1, header), problems));
        assertTrue(problems.isEmpty());
    }

    @Test
    void aHeaderThatIsNotTheTemplatesIsNamedByItsCell() {
        List<String> header = new ArrayList<>(COLUMNS.header());
        header.set(9, "知识产权价值");
        List<Problem> problems = new ArrayList<>();
        assertNull(Columns.of(new Row(SHEET, 1, header), problems));
        assertEquals(List.of("J1 batch.header"), cells(problems));
    }

    @Test
    void rowsOfOneAssignmentMakeOneEvaluationWithTheFirstRowsConclusion() {
        Reading r = EvaluationBatch.read(COLUMNS, panel(2, "17", 5));
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
        Entry e = r.entries().get(0);
        assertEquals(17L, e.assignmentId());
        assertEquals(List.of(2, 3, 4, 5, 6), e.rows());
        assertEquals(5, e.input().sheets().size());
        assertEquals(new BigDecimal("20.5"), e.input().sheets().get(1).scores().get(1));
        assertEquals(Verdict.RECOMMEND, e.input().conclusion().verdict());
        assertEquals(new BigDecimal("500000"), e.input().conclusion().recommendedAmount());
        assertNull(e.input().conclusion().auditedActualSpend());
        assertEquals("17.pdf", e.reportFile());
        assertTrue(e.problems(terms(EvaluationStage.APPROVAL)).isEmpty());
    }

    @Test
    void preFilledRowsLeftEmptyAreSkipped() {
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        rows.add(new Row(SHEET, 5, List.of("18", "企业", "项目", "立项评估")));
        Reading r = EvaluationBatch.read(COLUMNS, rows);
        assertEquals(1, r.entries().size());
        assertTrue(r.problems().isEmpty());
    }

    @ParameterizedTest(name = "{0} in the second indicator is named at I3 as {1}")
    @CsvSource({
            "26, evaluation.scoreRange",
            "-1, evaluation.scoreRange",
            "12.25, evaluation.scoreScale",
            "abc, batch.notANumber",
            "'', evaluation.scoreMissing"})
    void aBadScoreIsNamedByItsCell(String score, String key) {
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        String[] bad = GOOD.clone();
        bad[1] = score;
        rows.set(1, row(3, "17", "专家2", bad));
        Reading r = EvaluationBatch.read(COLUMNS, rows);
        List<Problem> all = new ArrayList<>(r.problems());
        all.addAll(r.entries().get(0).problems(terms(EvaluationStage.APPROVAL)));
        assertEquals(List.of("I3 " + key), cells(all));
        assertEquals(3, all.get(0).row());
    }

    @Test
    void theScoreAtExactlyTheWeightAndZeroAreTaken() {
        Reading r = EvaluationBatch.read(COLUMNS, List.of(
                row(2, "1", "甲", scores("25", "25", "20", "15", "15"), "建议立项", "1", "", "同意", "a.pdf"),
                row(3, "1", "乙", scores("0", "0", "0", "0", "0")),
                row(4, "1", "丙", scores("0.1", "24.9", "19.9", "14.9", "15.0"))));
        assertTrue(r.problems().isEmpty());
        assertTrue(r.entries().get(0).problems(terms(EvaluationStage.APPROVAL)).isEmpty());
    }

    @Test
    void anAssignmentThatComesBackFurtherDownIsARowTwice() {
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        rows.addAll(panel(5, "18", 3));
        rows.add(row(8, "17", "专家4", GOOD));
        Reading r = EvaluationBatch.read(COLUMNS, rows);
        assertEquals(List.of("A8 batch.rowTwice"), cells(r.problems()));
        assertEquals(List.of(17L, 2), r.problems().get(0).arguments());
    }

    @Test
    void theSameExpertTwiceInOnePanelIsNamed() {
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        rows.set(2, row(4, "17", "专家1", GOOD));
        assertEquals(List.of("E4 batch.expertTwice"), cells(EvaluationBatch.read(COLUMNS, rows).problems()));
    }

    @Test
    void aPanelOfTwoOrSixteenIsNamedAtTheFirstRow() {
        for (int size : new int[]{2, 16}) {
            Entry e = EvaluationBatch.read(COLUMNS, panel(2, "17", size)).entries().get(0);
            assertEquals(List.of("E2 evaluation.panelSize"), cells(e.problems(terms(EvaluationStage.APPROVAL))));
        }
        for (int size : new int[]{3, 15}) {
            Entry e = EvaluationBatch.read(COLUMNS, panel(2, "17", size)).entries().get(0);
            assertTrue(e.problems(terms(EvaluationStage.APPROVAL)).isEmpty());
        }
    }

    @Test
    void aConclusionNotOfTheStageOrUnknownIsNamed() {
        Entry e = EvaluationBatch.read(COLUMNS, panel(2, "17", 3)).entries().get(0);
        // the evaluation's own check, as at submission, put back on the cells: verdict, amount not asked, spend missing
        assertEquals(List.of("M2 evaluation.verdictStage", "N2 evaluation.notAsked", "O2 evaluation.spendRequired"),
                cells(e.problems(terms(EvaluationStage.ACCEPTANCE))));

        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        rows.set(0, row(2, "17", "专家1", GOOD, "很好", "", "", "", "a.pdf"));
        assertEquals(List.of("M2 batch.verdictUnknown"), cells(EvaluationBatch.read(COLUMNS, rows).problems()));
        rows.set(0, row(2, "17", "专家1", GOOD, "", "", "", "", ""));
        assertEquals(List.of("M2 batch.verdictMissing", "Q2 batch.reportMissing"),
                cells(EvaluationBatch.read(COLUMNS, rows).problems()));
    }

    @Test
    void aLaterRowMayRepeatTheConclusionButNotContradictIt() {
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        rows.set(1, row(3, "17", "专家2", GOOD, "建议立项"));
        assertTrue(EvaluationBatch.read(COLUMNS, rows).problems().isEmpty());
        rows.set(2, row(4, "17", "专家3", GOOD, "不建议立项"));
        assertEquals(List.of("M4 batch.differsFromFirstRow"), cells(EvaluationBatch.read(COLUMNS, rows).problems()));
    }

    @ParameterizedTest
    @CsvSource({"-1, N2 batch.amountInvalid", "10.005, N2 batch.amountInvalid", "x, N2 batch.notANumber"})
    void aBadAmountIsNamed(String amount, String expected) {
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        rows.set(0, row(2, "17", "专家1", GOOD, "建议立项", amount, "", "", "a.pdf"));
        assertEquals(List.of(expected), cells(EvaluationBatch.read(COLUMNS, rows).problems()));
    }

    @ParameterizedTest
    @CsvSource({"'', batch.idMissing", "abc, batch.idInvalid", "0, batch.idInvalid", "1.5, batch.idInvalid"})
    void aRowWithoutAValidAssignmentNumberIsNamedAtColumnA(String id, String key) {
        List<Row> rows = List.of(row(2, id, "专家1", GOOD, "建议立项", "", "", "", "a.pdf"));
        assertEquals(List.of("A2 " + key), cells(EvaluationBatch.read(COLUMNS, rows).problems()));
    }

    @Test
    void aMissingOpinionAndAnAmountAboveTheRequestAreNamedOnTheFirstRow() {
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        rows.set(0, row(2, "17", "专家1", GOOD, "建议立项", "900000", "", "", "a.pdf"));
        Entry e = EvaluationBatch.read(COLUMNS, rows).entries().get(0);
        assertEquals(List.of("N2 evaluation.aboveRequested", "P2 evaluation.opinionRequired"),
                cells(e.problems(terms(EvaluationStage.APPROVAL))));
    }

    @Test
    void aTemplateOtherThanTheCallsIsNamedAtTheAssignment() {
        Entry e = EvaluationBatch.read(COLUMNS, panel(2, "17", 3)).entries().get(0);
        List<ScoringIndicator> other = List.of(new ScoringIndicator("综合", 100));
        assertEquals(List.of("A2 batch.templateMismatch"), cells(e.problems(new Evaluation.Terms(other, Grade.Bounds.DEFAULT, EvaluationStage.APPROVAL, SubsidyKind.PRE_APPROVED, Money.of(new BigDecimal("800000")), false))));
    }

    @Test
    void theSameAssignmentOnTwoSheetsIsNamedOnTheSecondWithTheFirstsSheetAndRow() {
        Entry first = EvaluationBatch.read(COLUMNS, panel(2, "17", 3)).entries().get(0);
        List<Row> other = panel(2, "17", 3).stream().map(r -> new Row("评分表2", r.number(), r.cells())).toList();
        Entry second = EvaluationBatch.read(COLUMNS, other).entries().get(0);
        Entry third = EvaluationBatch.read(COLUMNS, panel(5, "18", 3)).entries().get(0);
        List<Problem> problems = EvaluationBatch.acrossSheets(List.of(first, third, second));
        assertEquals(List.of("A2 batch.assignmentTwice"), cells(problems));
        assertEquals("评分表2", problems.get(0).sheet());
        assertEquals(List.of(17L, SHEET, 2), problems.get(0).arguments());
        assertTrue(EvaluationBatch.acrossSheets(List.of(first, third)).isEmpty());
    }

    @Test
    void everyProblemNamesItsSheetForRowNumbersRepeatFromSheetToSheet() {
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        String[] bad = GOOD.clone();
        bad[0] = "x";
        rows.set(1, row(3, "17", "专家2", bad));
        List<Row> onSecond = rows.stream().map(r -> new Row("评分表2", r.number(), r.cells())).toList();
        Reading r = EvaluationBatch.read(COLUMNS, onSecond);
        assertEquals("评分表2", r.problems().get(0).sheet());
        assertEquals("评分表2", r.entries().get(0).sheet());
        assertEquals("评分表2", r.entries().get(0).problems(terms(EvaluationStage.ACCEPTANCE)).get(0).sheet());
    }

    @Test
    void theVersionTheTemplateWroteIsReadFromTheFirstRowAndAMissingOrChangedOneIsNamed() {
        Entry e = EvaluationBatch.read(COLUMNS, panel(2, "17", 3)).entries().get(0);
        assertEquals(3L, e.version());
        for (String version : new String[]{"", "x", "-1", "2.5"}) {
            List<Row> rows = panel(2, "17", 3).stream().map(row -> {
                List<String> cells = new ArrayList<>(row.cells());
                cells.set(COLUMNS.version(), version);
                return new Row(SHEET, row.number(), cells);
            }).toList();
            Reading r = EvaluationBatch.read(COLUMNS, rows);
            assertEquals(List.of("Z2 batch.versionInvalid"), cells(r.problems()), version);
            assertNull(r.entries().get(0).version());
        }
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        List<String> cells = new ArrayList<>(rows.get(2).cells());
        cells.set(COLUMNS.version(), "4");
        rows.set(2, new Row(SHEET, 4, cells));
        assertEquals(List.of("Z4 batch.differsFromFirstRow"), cells(EvaluationBatch.read(COLUMNS, rows).problems()));
    }

    /** An RD_INVESTMENT project at APPROVAL: the verified figures are asked. */
    private static Evaluation.Terms postSubsidy() {
        return new Evaluation.Terms(TEMPLATE, Grade.Bounds.DEFAULT, EvaluationStage.APPROVAL, SubsidyKind.RD_INVESTMENT,
                null, false);
    }

    private static List<Row> withFigures(String... figures) {
        List<Row> rows = new ArrayList<>(panel(2, "17", 3));
        List<String> evaluation = new ArrayList<>(List.of("建议立项", "", "", "同意", "17.pdf"));
        evaluation.addAll(Arrays.asList(figures));
        rows.set(0, row(2, "17", "专家1", GOOD, evaluation.toArray(String[]::new)));
        return rows;
    }

    @Test
    void theVerifiedFiguresAreReadFromTheirColumnsOnTheFirstRow() {
        Reading r = EvaluationBatch.read(COLUMNS, withFigures("1200000.50", "1100000", "900000", "30000000",
                "4", "2", "25", "120"));
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
        Entry e = r.entries().get(0);
        assertEquals(new Conclusion.VerifiedFigures(new BigDecimal("1200000.50"), new BigDecimal("1100000"),
                new BigDecimal("900000"), new BigDecimal("30000000"), 4, 2, 25, 120), e.input().conclusion().verifiedFigures());
        assertTrue(e.problems(postSubsidy()).isEmpty(), () -> e.problems(postSubsidy()).toString());
        assertEquals(List.of("R1 核定研发费用（加计扣除口径，元）", "Y1 核定职工总数（人）", "Z1 " + EvaluationBatch.VERSION),
                List.of("R1 " + COLUMNS.header().get(COLUMNS.figure(0)), "Y1 " + COLUMNS.header().get(COLUMNS.figure(7)),
                        "Z1 " + COLUMNS.header().get(COLUMNS.version())));
    }

    @Test
    void badVerifiedFiguresAreNamedByTheirCellsAndFiguresAStageDoesNotAskAreNamedAtTheFirst() {
        Reading r = EvaluationBatch.read(COLUMNS, withFigures("-1", "", "", "1.005", "2.5", "x", "", ""));
        assertEquals(List.of("R2 batch.amountInvalid", "U2 batch.amountInvalid", "V2 batch.countInvalid",
                "W2 batch.countInvalid"), cells(r.problems()));
        Entry staff = EvaluationBatch.read(COLUMNS, withFigures("1", "1", "1", "1", "0", "0", "30", "20"))
                .entries().get(0);
        assertEquals(List.of("X2 evaluation.rdStaffAboveTotal"), cells(staff.problems(postSubsidy())));
        // a PRE_APPROVED project is not verified: the figures are named where they begin
        Entry given = EvaluationBatch.read(COLUMNS, withFigures("1", "1", "1", "1", "0", "0", "3", "20"))
                .entries().get(0);
        assertEquals(List.of("N2 evaluation.amountRequired", "R2 evaluation.notAsked"),
                cells(given.problems(terms(EvaluationStage.APPROVAL))));
        assertNull(EvaluationBatch.read(COLUMNS, panel(2, "17", 3)).entries().get(0).input().conclusion().verifiedFigures(),
                "none typed: none given");
    }
}
