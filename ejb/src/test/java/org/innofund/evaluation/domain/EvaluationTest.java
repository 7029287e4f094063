package org.innofund.evaluation.domain;

import org.innofund.program.domain.Grade;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An evaluation recorded against its call's terms: drafts, submission, the stage's conclusion, corrections. */
class EvaluationTest {

    private static final Instant NOW = Instant.parse("2025-06-01T02:00:00Z");
    /** 25, 25, 20, 15, 15 */
    private static final List<ScoringIndicator> TEMPLATE = ScoringIndicator.defaultTemplate();
    private static final Money REQUESTED = Money.of(new BigDecimal("300000.00"));

    private static Evaluation.Terms terms(EvaluationStage stage, SubsidyKind kind) {
        return new Evaluation.Terms(TEMPLATE, Grade.Bounds.DEFAULT, stage, kind, REQUESTED, false);
    }

    private static final Evaluation.Terms APPROVAL = terms(EvaluationStage.APPROVAL, SubsidyKind.PRE_APPROVED);

    private static Assignment cleared(EvaluationStage stage) {
        Assignment a = Assignment.offer(new Assignment.Subject(100L, 2L, "宁波某电器有限公司", "智能温控"), 3L, stage,
                LocalDate.of(2025, 6, 30), "reviewer", NOW);
        try {
            Field id = BaseEntity.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(a, 31L);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        a.declareNoConflict("agency1", NOW);
        return a;
    }

    private static ExpertSheet sheet(String name, String... scores) {
        return new ExpertSheet(new ExpertSheet.Expert(name, "教授级高工", "某研究院"),
                Arrays.stream(scores).map(s -> s == null ? null : new BigDecimal(s)).toList());
    }

    /** 86, 80, 93, 40 and 100: the 100 and the 40 are left out; the 40 is 46.33 from the panel's 86.33. */
    private static List<ExpertSheet> fivePanel() {
        return List.of(sheet("甲", "22", "21", "17", "13", "13"), sheet("乙", "20", "20", "16", "12", "12"),
                sheet("丙", "24", "23", "18", "14", "14"), sheet("丁", "10", "10", "8", "6", "6"),
                sheet("戊", "25", "25", "20", "15", "15"));
    }

    private static Conclusion recommend(String amount) {
        return new Conclusion(Verdict.RECOMMEND, amount == null ? null : new BigDecimal(amount), null, null);
    }

    private static EvaluationInput complete() {
        return new EvaluationInput(fivePanel(), false, recommend("250000.00"), "技术路线清晰，建议立项。");
    }

    private static List<String> fields(Runnable attempt) {
        InvalidFormException e = assertThrows(InvalidFormException.class, attempt::run);
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    private static List<String> keys(Runnable attempt) {
        InvalidFormException e = assertThrows(InvalidFormException.class, attempt::run);
        return e.problems().stream().map(FieldProblem::messageKey).toList();
    }

    private static void assertRefused(BusinessException.Kind kind, String key, Runnable attempt) {
        BusinessException e = assertThrows(BusinessException.class, attempt::run);
        assertEquals(kind, e.kind());
        assertEquals(key, e.messageKey());
    }

    private static Evaluation draft(Assignment a) {
        return Evaluation.first(a, NOW);
    }

    private static Evaluation submitted(Assignment a) {
        Evaluation e = draft(a);
        e.record(complete(), APPROVAL);
        e.attachReport("报告.pdf", 1536, "ab".repeat(32), "agency1", NOW);
        e.submit(a, APPROVAL, "agency1", NOW);
        return e;
    }

    @Test
    void aFivePanelIsScoredGradedAndFlaggedWhenRecorded() {
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        Evaluation.Outcome outcome = e.record(complete(), APPROVAL);
        assertEquals(new BigDecimal("86.33"), outcome.panel().total());
        assertEquals(Grade.GOOD, outcome.grade());
        assertEquals(new BigDecimal("86.33"), e.getTotal());
        assertEquals(Grade.GOOD, e.getGrade());
        List<Boolean> dropped = e.getSheets().stream().map(EvaluationSheet::isDropped).toList();
        List<Boolean> dispersed = e.getSheets().stream().map(EvaluationSheet::isDispersed).toList();
        assertEquals(List.of(false, false, false, true, true), dropped);
        assertEquals(List.of(false, false, false, true, false), dispersed);
        assertEquals(complete().sheets(), e.input().sheets());
        assertEquals(Verdict.RECOMMEND, e.getVerdict());
        assertEquals(new BigDecimal("250000.00"), e.conclusion().recommendedAmount());
        assertEquals(Evaluation.State.DRAFT, e.getState());
    }

    @Test
    void aDraftStoresWhatIsGivenEvenIncomplete() {
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        EvaluationInput half = new EvaluationInput(List.of(sheet("甲", "22", null, "17"), sheet(" ", "20")), false, null, null);
        Evaluation.Outcome outcome = e.record(half, APPROVAL);
        assertFalse(outcome.complete());
        assertNull(e.getTotal());
        assertNull(e.getGrade());
        assertEquals(2, e.getSheets().size());
        assertEquals(Arrays.asList(new BigDecimal("22"), null, new BigDecimal("17")),
                e.input().sheets().get(0).scores(), "the cells not given stay empty (up to the last one given)");
        assertNull(e.input().sheets().get(1).expert().name());
        assertNull(e.getVerdict());
    }

    @Test
    void aLaterDraftReplacesTheSheetsAndClearsTheFlags() {
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        e.record(complete(), APPROVAL);
        e.record(new EvaluationInput(fivePanel().subList(0, 2), false, null, null), APPROVAL);
        assertEquals(2, e.getSheets().size());
        assertNull(e.getTotal());
        assertTrue(e.getSheets().stream().noneMatch(s -> s.isDropped() || s.isDispersed()));
    }

    @Test
    void whatIsGivenWronglyIsRefusedFieldByFieldAtOnce() {
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        List<ExpertSheet> sheets = new ArrayList<>(fivePanel());
        sheets.set(1, sheet("乙", "25.5", "20", "16", "12", "12"));
        sheets.set(2, sheet("丙", "24", "23.25", "18", "14", "14"));
        EvaluationInput input = new EvaluationInput(sheets, false,
                new Conclusion(Verdict.PASSED, new BigDecimal("300000.01"), null, null), "意".repeat(Evaluation.OPINION_MAX + 1));
        assertEquals(List.of("experts[1].scores[0]", "experts[2].scores[1]", "conclusion.verdict",
                "conclusion.recommendedAmount", "opinion"), fields(() -> e.record(input, APPROVAL)));
        assertNull(e.getTotal(), "a refused draft changes nothing");
        assertTrue(e.getSheets().isEmpty());
    }

    @Test
    void sixteenExpertsAreTooManyEvenInADraft() {
        List<ExpertSheet> sixteen = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add(sheet("专家" + i, "20", "20", "16", "12", "12"));
        }
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        assertEquals(List.of("evaluation.panelSize"),
                keys(() -> e.record(new EvaluationInput(sixteen, false, null, null), APPROVAL)));
        EvaluationInput fifteen = new EvaluationInput(sixteen.subList(0, 15), false, recommend("1"), "意见");
        assertEquals(new BigDecimal("80.00"), e.record(fifteen, APPROVAL).panel().total());
    }

    @Test
    void moreScoresThanIndicatorsAreRefused() {
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        assertEquals(List.of("experts[0].scores"), fields(() -> e.record(new EvaluationInput(
                List.of(sheet("甲", "1", "1", "1", "1", "1", "1")), false, null, null), APPROVAL)));
    }

    @Test
    void anExpertsNameTitleAndEmployerHaveTheirLengths() {
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        ExpertSheet longName = new ExpertSheet(new ExpertSheet.Expert("名".repeat(Evaluation.EXPERT_NAME_MAX + 1), null, null),
                List.of());
        ExpertSheet longEmployer = new ExpertSheet(new ExpertSheet.Expert("甲", null, "院".repeat(Evaluation.EMPLOYER_MAX + 1)),
                List.of());
        ExpertSheet justRight = new ExpertSheet(new ExpertSheet.Expert("名".repeat(Evaluation.EXPERT_NAME_MAX),
                "职".repeat(Evaluation.EXPERT_NAME_MAX), "院".repeat(Evaluation.EMPLOYER_MAX)), List.of());
        assertEquals(List.of("experts[0].expert", "experts[1].expert"), fields(() -> e.record(
                new EvaluationInput(List.of(longName, longEmployer, justRight), false, null, null), APPROVAL)));
        e.record(new EvaluationInput(List.of(justRight), false, null, null), APPROVAL);
    }

    @Test
    void submissionAsksForEverythingAndChangesNothingWhenRefused() {
        Assignment a = cleared(EvaluationStage.APPROVAL);
        Evaluation e = draft(a);
        e.record(new EvaluationInput(List.of(sheet("甲", "22", null, "17", "13", "13"), sheet(null, "1", "1", "1", "1", "1")),
                false, new Conclusion(Verdict.RECOMMEND, null, null, null), " "), APPROVAL);
        assertEquals(List.of("experts", "experts[0].scores[1]", "experts[1].expert", "conclusion.recommendedAmount",
                "opinion", "report"), fields(() -> e.submit(a, APPROVAL, "agency1", NOW)));
        assertEquals(Evaluation.State.DRAFT, e.getState());
        assertEquals(AssignmentState.IN_EVALUATION, a.getState());
    }

    @Test
    void aSubmittedEvaluationIsFinalAndTheAssignmentSubmitted() {
        Assignment a = cleared(EvaluationStage.APPROVAL);
        Evaluation e = submitted(a);
        assertEquals(Evaluation.State.SUBMITTED, e.getState());
        assertEquals("agency1", e.getSubmittedBy());
        assertEquals(NOW, e.getSubmittedAt());
        assertEquals(AssignmentState.SUBMITTED, a.getState());
        assertEquals(new BigDecimal("86.33"), e.getTotal());
        assertRefused(BusinessException.Kind.CONFLICT, "evaluation.final", () -> e.record(complete(), APPROVAL));
        assertRefused(BusinessException.Kind.CONFLICT, "evaluation.final", () -> e.submit(a, APPROVAL, "agency2", NOW));
        assertRefused(BusinessException.Kind.CONFLICT, "evaluation.final",
                () -> e.attachReport("x.pdf", 1, "cd".repeat(32), "agency1", NOW));
    }

    @Test
    void anEvaluationStartsOnlyOnceNoConflictIsDeclared() {
        Assignment offered = Assignment.offer(new Assignment.Subject(100L, 2L, "E", "P"), 3L, EvaluationStage.APPROVAL,
                LocalDate.of(2025, 6, 30), "reviewer", NOW);
        assertRefused(BusinessException.Kind.CONFLICT, "assignment.notEditable", () -> Evaluation.first(offered, NOW));
    }

    @ParameterizedTest
    @CsvSource({"300000.00, ", "300000, ", "0, ", "0.01, ", "300000.01, evaluation.aboveRequested",
            "-0.01, money.invalid", "1.005, money.invalid", "100000000000000, money.invalid"})
    void theRecommendedAmountIsMoneyUpToTheRequestedSubsidy(String amount, String refusal) {
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        EvaluationInput input = new EvaluationInput(fivePanel(), false, recommend(amount), "意见");
        if (refusal == null) {
            e.record(input, APPROVAL);
            assertEquals(0, new BigDecimal(amount).compareTo(e.conclusion().recommendedAmount()));
        } else {
            assertEquals(List.of(refusal), keys(() -> e.record(input, APPROVAL)));
        }
    }

    @Test
    void aRecommendedAmountBelongsToTheApprovalOfAPreApprovedProjectOnly() {
        EvaluationInput midterm = new EvaluationInput(List.of(), false,
                new Conclusion(Verdict.ON_TRACK, BigDecimal.ONE, null, null), null);
        assertEquals(List.of("conclusion.recommendedAmount"), fields(() -> Evaluation.preview(midterm,
                terms(EvaluationStage.MIDTERM, SubsidyKind.PRE_APPROVED))));
        assertEquals(List.of("evaluation.notAsked"), keys(() -> Evaluation.preview(
                new EvaluationInput(List.of(), false, recommend("1"), null), terms(EvaluationStage.APPROVAL, SubsidyKind.REWARD))));
    }

    @Test
    void notRecommendedHasNoAmountButZero() {
        Evaluation.Terms t = APPROVAL;
        assertEquals(List.of("evaluation.amountNotRecommended"), keys(() -> Evaluation.preview(new EvaluationInput(List.of(),
                false, new Conclusion(Verdict.NOT_RECOMMEND, new BigDecimal("0.01"), null, null), null), t)));
        Evaluation.preview(new EvaluationInput(List.of(), false,
                new Conclusion(Verdict.NOT_RECOMMEND, BigDecimal.ZERO, null, null), null), t);
        assertTrue(Evaluation.problems(new EvaluationInput(fivePanel(), false,
                new Conclusion(Verdict.NOT_RECOMMEND, null, null, null), "意见"), t, true).isEmpty(), "no amount needed");
    }

    @ParameterizedTest
    @EnumSource(Verdict.class)
    void aVerdictBelongsToItsStage(Verdict verdict) {
        for (EvaluationStage stage : EvaluationStage.values()) {
            List<FieldProblem> problems = Evaluation.problems(new EvaluationInput(List.of(), false,
                    new Conclusion(verdict, null, null, null), null), terms(stage, SubsidyKind.RD_INVESTMENT), false);
            assertEquals(verdict.stage() == stage, problems.isEmpty(), verdict + " at " + stage + ": " + problems);
        }
    }

    @Test
    void verifiedFiguresBelongToTheApprovalOfAPostSubsidyAndAreChecked() {
        Evaluation.Terms rd = terms(EvaluationStage.APPROVAL, SubsidyKind.RD_INVESTMENT);
        Conclusion.VerifiedFigures good = new Conclusion.VerifiedFigures(new BigDecimal("1200000.00"),
                new BigDecimal("1100000"), new BigDecimal("900000"), new BigDecimal("30000000"), 3, 5, 12, 80);
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        e.record(new EvaluationInput(fivePanel(), false, new Conclusion(Verdict.RECOMMEND, null, good, null), "核定"), rd);
        assertEquals(new BigDecimal("1200000.00"), e.conclusion().verifiedFigures().expenseTax());
        assertEquals(12, e.conclusion().verifiedFigures().rdStaff());
        assertTrue(Evaluation.problems(e.input(), rd, true).isEmpty(), "all eight given and right");

        Conclusion.VerifiedFigures bad = new Conclusion.VerifiedFigures(new BigDecimal("-1"), null, new BigDecimal("0.001"),
                null, -1, null, 81, 80);
        assertEquals(List.of("conclusion.verifiedFigures.expenseTax", "conclusion.verifiedFigures.expensePrior",
                "conclusion.verifiedFigures.validInventionPatents", "conclusion.verifiedFigures.rdStaff"),
                fields(() -> Evaluation.preview(new EvaluationInput(List.of(), false,
                        new Conclusion(Verdict.RECOMMEND, null, bad, null), null), rd)));
        assertEquals(List.of("conclusion.verifiedFigures"), fields(() -> Evaluation.preview(new EvaluationInput(List.of(),
                false, new Conclusion(Verdict.RECOMMEND, null, good, null), null), APPROVAL)));
    }

    @Test
    void aRecommendingRdInvestmentEvaluationGivesEveryVerifiedFigureTheRuleReads() {
        Evaluation.Terms rd = terms(EvaluationStage.APPROVAL, SubsidyKind.RD_INVESTMENT);
        Conclusion.VerifiedFigures partial = new Conclusion.VerifiedFigures(new BigDecimal("1200000.00"),
                new BigDecimal("1100000"), null, new BigDecimal("30000000"), 3, null, 12, 80);
        assertEquals(List.of("conclusion.verifiedFigures.expensePrior", "conclusion.verifiedFigures.inventionApplications"),
                Evaluation.problems(new EvaluationInput(fivePanel(), false, new Conclusion(Verdict.RECOMMEND, null, partial,
                        null), "核定"), rd, true).stream().map(FieldProblem::field).toList());
        assertEquals(8, Evaluation.problems(new EvaluationInput(fivePanel(), false, new Conclusion(Verdict.RECOMMEND, null,
                null, null), "核定"), rd, true).size(), "none given: each of the eight named");
        assertTrue(Evaluation.problems(new EvaluationInput(fivePanel(), false, new Conclusion(Verdict.RECOMMEND, null,
                partial, null), "核定"), rd, false).isEmpty(), "a draft may leave them for later");
        assertTrue(Evaluation.problems(new EvaluationInput(fivePanel(), false, new Conclusion(Verdict.NOT_RECOMMEND, null,
                null, null), "不予核定"), rd, true).isEmpty(), "not recommended: nothing to verify");
        for (SubsidyKind optional : List.of(SubsidyKind.REWARD, SubsidyKind.SHARED_SERVICE)) {
            assertTrue(Evaluation.problems(new EvaluationInput(fivePanel(), false, new Conclusion(Verdict.RECOMMEND, null,
                    null, null), "核定"), terms(EvaluationStage.APPROVAL, optional), true).isEmpty(), optional.name());
        }
    }

    @Test
    void aVerifiedCountFitsItsColumn() {
        Evaluation.Terms rd = terms(EvaluationStage.APPROVAL, SubsidyKind.RD_INVESTMENT);
        java.util.function.IntFunction<List<String>> keysFor = staff -> Evaluation.problems(new EvaluationInput(List.of(),
                false, new Conclusion(Verdict.RECOMMEND, null, new Conclusion.VerifiedFigures(null, null, null, null, null,
                null, null, staff), null), null), rd, false).stream().map(FieldProblem::messageKey).toList();
        assertEquals(List.of(), keysFor.apply(Evaluation.COUNT_MAX));
        assertEquals(List.of("evaluation.countTooLarge"), keysFor.apply(Evaluation.COUNT_MAX + 1));
    }

    @Test
    void theAuditedSpendIsAskedAtAcceptanceOnly() {
        Evaluation.Terms acceptance = terms(EvaluationStage.ACCEPTANCE, SubsidyKind.PRE_APPROVED);
        EvaluationInput without = new EvaluationInput(fivePanel(), false, new Conclusion(Verdict.PASSED, null, null, null), "通过");
        assertEquals(List.of("conclusion.auditedActualSpend"),
                Evaluation.problems(without, acceptance, true).stream().map(FieldProblem::field).toList());
        assertTrue(Evaluation.problems(without, acceptance, false).isEmpty(), "a draft may leave it out");
        assertTrue(Evaluation.problems(new EvaluationInput(fivePanel(), false,
                new Conclusion(Verdict.PASSED, null, null, new BigDecimal("0")), "通过"), acceptance, true).isEmpty());
        assertEquals(List.of("money.invalid"), keys(() -> Evaluation.preview(new EvaluationInput(List.of(), false,
                new Conclusion(Verdict.FAILED, null, null, new BigDecimal("1.234")), null), acceptance)));
        assertEquals(List.of("evaluation.notAsked"), keys(() -> Evaluation.preview(new EvaluationInput(List.of(), false,
                new Conclusion(Verdict.ON_TRACK, null, null, BigDecimal.TEN), null),
                terms(EvaluationStage.MIDTERM, SubsidyKind.PRE_APPROVED))));
    }

    @Test
    void theOpinionHasItsLength() {
        Evaluation.preview(new EvaluationInput(List.of(), false, null, "意".repeat(Evaluation.OPINION_MAX)), APPROVAL);
        assertEquals(List.of("evaluation.opinionTooLong"), keys(() -> Evaluation.preview(
                new EvaluationInput(List.of(), false, null, "意".repeat(Evaluation.OPINION_MAX + 1)), APPROVAL)));
    }

    @Test
    void aConsolidatedSheetIsTakenOnlyWhereTheCallAllowsIt() {
        EvaluationInput one = new EvaluationInput(List.of(sheet("专家组", "22.5", "21", "17", "13", "13")), true,
                recommend("1"), "意见");
        assertEquals(List.of("consolidated"), fields(() -> Evaluation.preview(one, APPROVAL)));
        Evaluation.Terms allowing = new Evaluation.Terms(TEMPLATE, Grade.Bounds.DEFAULT, EvaluationStage.APPROVAL,
                SubsidyKind.PRE_APPROVED, REQUESTED, true);
        Evaluation.Outcome outcome = Evaluation.preview(one, allowing);
        assertEquals(new BigDecimal("86.50"), outcome.panel().total());
        assertEquals(Grade.GOOD, outcome.grade());
        assertEquals(List.of("evaluation.consolidatedOneSheet"), keys(() -> Evaluation.preview(new EvaluationInput(
                fivePanel().subList(0, 2), true, null, null), allowing)));
        assertEquals(List.of("experts"), Evaluation.problems(new EvaluationInput(List.of(), true, recommend("1"), "意见"),
                allowing, true).stream().map(FieldProblem::field).toList());
    }

    @ParameterizedTest
    @CsvSource({"90, 80, 60, GOOD", "90, 86.33, 60, GOOD", "90, 86.34, 60, PASS", "86.33, 80, 60, EXCELLENT",
            "95, 90, 86.34, FAIL"})
    void theGradeFollowsTheCallsBounds(String excellent, String good, String pass, Grade expected) {
        Evaluation.Terms t = new Evaluation.Terms(TEMPLATE, new Grade.Bounds(new BigDecimal(excellent), new BigDecimal(good),
                new BigDecimal(pass)), EvaluationStage.APPROVAL, SubsidyKind.PRE_APPROVED, REQUESTED, false);
        assertEquals(expected, Evaluation.preview(complete(), t).grade());
    }

    @Test
    void thePreviewIsTheRecordsComputationWithoutStoring() {
        Evaluation.Outcome preview = Evaluation.preview(complete(), APPROVAL);
        Evaluation e = draft(cleared(EvaluationStage.APPROVAL));
        assertEquals(preview, e.record(complete(), APPROVAL));
    }

    @Test
    void aCorrectionIsANewVersionAllowedByTheReviewerWithAReason() {
        Assignment a = cleared(EvaluationStage.APPROVAL);
        Evaluation draft = draft(a);
        assertRefused(BusinessException.Kind.CONFLICT, "evaluation.notSubmitted",
                () -> draft.allowCorrection(a, "专家姓名有误", "reviewer", NOW));
        Evaluation first = draft;
        first.record(complete(), APPROVAL);
        first.attachReport("报告.pdf", 1536, "ab".repeat(32), "agency1", NOW);
        first.submit(a, APPROVAL, "agency1", NOW);
        assertRefused(BusinessException.Kind.INVALID, "assignment.reasonRequired",
                () -> first.allowCorrection(a, " ", "reviewer", NOW));
        assertEquals(AssignmentState.SUBMITTED, a.getState(), "a refusal changes nothing");

        Instant later = NOW.plusSeconds(86400);
        Evaluation second = first.allowCorrection(a, " 专家姓名有误 ", "reviewer", later);
        assertEquals(AssignmentState.IN_CORRECTION, a.getState());
        assertEquals(2, second.getVersionNo());
        assertEquals(Evaluation.State.DRAFT, second.getState());
        assertEquals("专家姓名有误", second.getCorrectionReason());
        assertEquals("reviewer", second.getCorrectionAllowedBy());
        assertEquals(later, second.getCorrectionAllowedAt());
        assertEquals(first.input(), second.input(), "the new version starts as a copy");
        assertEquals(first.getReportSha256(), second.getReportSha256());
        assertEquals(first.getTotal(), second.getTotal());
        assertNull(second.getSubmittedAt());
        assertRefused(BusinessException.Kind.CONFLICT, "assignment.notSubmitted",
                () -> first.allowCorrection(a, "again", "reviewer", later));

        List<ExpertSheet> corrected = new ArrayList<>(fivePanel());
        corrected.set(0, sheet("甲（更正）", "25", "25", "20", "15", "15"));
        second.record(new EvaluationInput(corrected, false, recommend("280000"), "更正后意见"), APPROVAL);
        second.submit(a, APPROVAL, "agency2", later);
        assertEquals(AssignmentState.SUBMITTED, a.getState());
        assertEquals(Evaluation.State.SUBMITTED, first.getState(), "the old version is kept as it was");
        assertEquals(new BigDecimal("86.33"), first.getTotal());
        assertEquals("甲", first.input().sheets().get(0).expert().name());
        assertEquals(new BigDecimal("91.01"), second.getTotal(), "100, 80, 93, 40, 100: the first 100 and the 40 dropped");
        assertEquals(Grade.EXCELLENT, second.getGrade());
    }
}
