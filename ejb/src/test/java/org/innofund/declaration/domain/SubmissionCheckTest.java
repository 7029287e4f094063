package org.innofund.declaration.domain;

import org.innofund.declaration.domain.kind.SubmissionCheck;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.MoneyFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.innofund.declaration.domain.Fixtures.BUDGET_SHEET;
import static org.innofund.declaration.domain.Fixtures.LICENCE;
import static org.innofund.declaration.domain.Fixtures.OWN_USCC;
import static org.innofund.declaration.domain.Fixtures.PROVIDER_USCC;
import static org.innofund.declaration.domain.Fixtures.REPORT;
import static org.innofund.declaration.domain.Fixtures.attached;
import static org.innofund.declaration.domain.Fixtures.call;
import static org.innofund.declaration.domain.Fixtures.line;
import static org.innofund.declaration.domain.Fixtures.service;
import static org.innofund.declaration.domain.Fixtures.valid;
import static org.innofund.declaration.domain.Fixtures.withAchievements;
import static org.innofund.declaration.domain.Fixtures.withLines;
import static org.innofund.declaration.domain.Fixtures.withRd;
import static org.innofund.declaration.domain.Fixtures.withServices;
import static org.innofund.declaration.domain.Fixtures.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule of a submission, each at its edge: the fixtures' declarations pass every check, and each test breaks
 * one thing and expects exactly the problem it causes (so a rule that also fires elsewhere shows).
 */
class SubmissionCheckTest {

    private static List<Problem> check(SubsidyKind kind, DeclarationContent c) {
        return SubmissionCheck.problems(c, call(kind), OWN_USCC, attached(), null);
    }

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::messageKey).toList();
    }

    private static void assertOnly(List<Problem> problems, String key, Object... arguments) {
        assertEquals(List.of(Problem.of(key, arguments)), problems);
    }

    @ParameterizedTest
    @EnumSource(SubsidyKind.class)
    void aCompleteDeclarationOfEachKindHasNoProblem(SubsidyKind kind) {
        assertEquals(List.of(), check(kind, valid(kind)));
    }

    @ParameterizedTest
    @EnumSource(SubsidyKind.class)
    void anEmptyDeclarationHasProblemsOfEachKind(SubsidyKind kind) {
        List<String> keys = keys(check(kind, DeclarationContent.empty()));
        assertTrue(keys.contains("submit.projectName"), keys.toString());
        String own = switch (kind) {
            case PRE_APPROVED -> "submit.budgetLines";
            case RD_INVESTMENT -> "submit.rdFiguresIncomplete";
            case REWARD -> "submit.achievements";
            case SHARED_SERVICE -> "submit.services";
        };
        assertTrue(keys.contains(own), keys.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\t\n"})
    void aProjectNameIsRequired(String name) {
        for (SubsidyKind kind : SubsidyKind.values()) {
            DeclarationContent c = valid(kind);
            DeclarationContent unnamed = new DeclarationContent(name, c.field(), c.periodStart(), c.periodEnd(), c.summary(),
                    c.keyIndicators(), c.totalBudget(), c.budgetLines(), c.rdFigures(), c.achievements(), c.serviceRecords());
            assertOnly(check(kind, unnamed), "submit.projectName");
        }
    }

    @Test
    void aBlacklistEntryIsListedWithItsDescription() {
        List<Problem> problems = SubmissionCheck.problems(valid(SubsidyKind.REWARD), call(SubsidyKind.REWARD), OWN_USCC,
                attached(), "#7 (2025-01-01 ~ 2027-12-31): 提供虚假材料");
        assertOnly(problems, "submit.blacklisted", "#7 (2025-01-01 ~ 2027-12-31): 提供虚假材料");
    }

    @Nested
    class Attachments {

        @Test
        void aMissingRequiredAttachmentIsListedByName() {
            List<Problem> problems = SubmissionCheck.problems(valid(SubsidyKind.REWARD), call(SubsidyKind.REWARD), OWN_USCC,
                    Set.of(LICENCE), null);
            assertOnly(problems, "submit.attachmentMissing", REPORT);
        }

        @Test
        void everyMissingRequiredAttachmentIsListedInTheCallsOrder() {
            List<Problem> problems = SubmissionCheck.problems(valid(SubsidyKind.REWARD), call(SubsidyKind.REWARD), OWN_USCC,
                    Set.of(), null);
            assertEquals(List.of(Problem.of("submit.attachmentMissing", LICENCE), Problem.of("submit.attachmentMissing", REPORT)),
                    problems);
        }

        @Test
        void aMissingOptionalAttachmentIsNotAProblem() {
            assertTrue(!attached().contains(BUDGET_SHEET));
            assertEquals(List.of(), check(SubsidyKind.REWARD, valid(SubsidyKind.REWARD)));
        }

        @Test
        void anAttachmentForANameTheCallDoesNotAskForDoesNotStandInForARequiredOne() {
            List<Problem> problems = SubmissionCheck.problems(valid(SubsidyKind.REWARD), call(SubsidyKind.REWARD), OWN_USCC,
                    Set.of(LICENCE, BUDGET_SHEET, "其他"), null);
            assertOnly(problems, "submit.attachmentMissing", REPORT);
        }
    }

    @Nested
    class ProjectPart {

        private final DeclarationContent valid = valid(SubsidyKind.PRE_APPROVED);

        private List<Problem> check(DeclarationContent c) {
            return SubmissionCheckTest.check(SubsidyKind.PRE_APPROVED, c);
        }

        private DeclarationContent with(ProjectField field, LocalDate start, LocalDate end, String summary, String indicators) {
            return new DeclarationContent(valid.projectName(), field, start, end, summary, indicators, valid.totalBudget(),
                    valid.budgetLines(), null, List.of(), List.of());
        }

        @Test
        void theFieldIsRequired() {
            assertOnly(check(with(null, valid.periodStart(), valid.periodEnd(), "s", "k")), "submit.field");
        }

        @Test
        void bothDatesOfThePeriodAreRequired() {
            assertOnly(check(with(ProjectField.OTHER, null, valid.periodEnd(), "s", "k")), "submit.period");
            assertOnly(check(with(ProjectField.OTHER, valid.periodStart(), null, "s", "k")), "submit.period");
            assertOnly(check(with(ProjectField.OTHER, null, null, "s", "k")), "submit.period");
        }

        @Test
        void thePeriodEndsAfterItStarts() {
            LocalDate start = LocalDate.of(2025, 7, 1);
            assertOnly(check(with(ProjectField.OTHER, start, start, "s", "k")), "submit.periodOrder");
            assertOnly(check(with(ProjectField.OTHER, start, start.minusDays(1), "s", "k")), "submit.periodOrder");
            assertEquals(List.of(), check(with(ProjectField.OTHER, start, start.plusDays(1), "s", "k")));
        }

        /** The call's year is 2025 (fixtures); periods are written with both ends included. */
        @ParameterizedTest
        @CsvSource(delimiter = '|', nullValues = "-", value = {
                "2025-01-01|2025-01-02|-",
                "2025-01-01|2029-12-31|-",
                "2025-07-01|2030-06-30|-",
                "2026-03-01|2031-02-28|-",
                "2024-12-31|2025-06-30|submit.periodBeforeCallYear",
                "2020-01-01|2021-01-01|submit.periodBeforeCallYear",
                "2025-07-01|2030-07-01|submit.periodTooLong",
                "2025-01-01|2030-01-01|submit.periodTooLong",
                "2025-01-01|2099-12-31|submit.periodTooLong",
                "2024-06-30|2029-07-01|submit.periodBeforeCallYear,submit.periodTooLong"})
        void thePeriodStartsNoEarlierThanTheCallYearAndLastsAtMostFiveYears(LocalDate start, LocalDate end, String expected) {
            List<String> keys = keys(check(with(ProjectField.OTHER, start, end, "s", "k")));
            assertEquals(expected == null ? List.of() : List.of(expected.split(",")), keys, start + " ~ " + end);
        }

        @Test
        void theRefusalsNameTheYearAndTheLimit() {
            assertEquals(List.of(Problem.of("submit.periodBeforeCallYear", "2024-12-31", "2025")),
                    check(with(ProjectField.OTHER, LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31), "s", "k")));
            assertEquals(List.of(Problem.of("submit.periodTooLong", 5)),
                    check(with(ProjectField.OTHER, LocalDate.of(2025, 1, 1), LocalDate.of(2031, 1, 1), "s", "k")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "-0.01", "-1000000.00"})
        void theTotalBudgetIsPositive(String total) {
            List<String> keys = keys(check(withLines(valid, total, valid.budgetLines())));
            assertTrue(keys.contains("submit.totalBudgetPositive"), keys.toString());
            assertTrue(!keys.contains("submit.totalMismatch"), "one reason is enough: " + keys);
        }

        @Test
        void theSmallestPositiveTotalPasses() {
            assertEquals(List.of(), check(withLines(valid, "0.01",
                    List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "0.01")))));
        }

        @Test
        void theSummaryAndTheKeyIndicatorsAreRequired() {
            assertOnly(check(with(ProjectField.OTHER, valid.periodStart(), valid.periodEnd(), " ", "k")), "submit.summary");
            assertOnly(check(with(ProjectField.OTHER, valid.periodStart(), valid.periodEnd(), null, "k")), "submit.summary");
            assertOnly(check(with(ProjectField.OTHER, valid.periodStart(), valid.periodEnd(), "s", "")), "submit.keyIndicators");
            assertOnly(check(with(ProjectField.OTHER, valid.periodStart(), valid.periodEnd(), "s", null)), "submit.keyIndicators");
        }

        @Test
        void theTotalBudgetIsRequired() {
            assertOnly(check(withLines(valid, null, valid.budgetLines())), "submit.totalBudget");
        }

        @Test
        void budgetLinesAreRequired() {
            assertEquals(List.of(Problem.of("submit.budgetLines"), Problem.of("submit.totalBudgetPositive")),
                    check(withLines(valid, "0.00", List.of())));
            assertEquals(List.of(Problem.of("submit.budgetLines"), Problem.of("submit.totalMismatch", "1,000,000.00", "0.00")),
                    check(withLines(valid, "1000000.00", List.of())));
        }

        @Test
        void linesThatAddUpBeyondTheLargestAmountAreRefusedNotFailed() {
            String max = "99999999999999.99";
            List<DeclarationContent.BudgetLineData> lines = List.of(
                    line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, max),
                    line(BudgetCategory.MATERIALS, FundingSource.SUBSIDY, "0.01"));
            assertOnly(check(withLines(valid, max, lines)), "submit.linesTooLarge");
        }

        @Test
        void theTotalEqualsTheSumOfTheLinesWhateverTheScale() {
            assertEquals(List.of(), check(withLines(valid, "1000000", valid.budgetLines())));
            assertEquals(List.of(), check(withLines(valid, "1000000.0", valid.budgetLines())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1000000.01", "999999.99", "0.01", "2000000.00"})
        void aTotalOtherThanTheSumOfTheLinesIsRefused(String total) {
            assertOnly(check(withLines(valid, total, valid.budgetLines())), "submit.totalMismatch",
                    MoneyFormat.figure(new BigDecimal(total)), "1,000,000.00");
        }

        @Test
        void aLineWithoutCategorySourceOrAmountIsIncomplete() {
            for (DeclarationContent.BudgetLineData incomplete : List.of(
                    line(null, FundingSource.SELF_FUNDED, "0.00"),
                    line(BudgetCategory.OTHER, null, "0.00"),
                    line(BudgetCategory.OTHER, FundingSource.SELF_FUNDED, null),
                    line(null, null, null))) {
                List<DeclarationContent.BudgetLineData> lines = new ArrayList<>(valid.budgetLines());
                int first = lines.size() + 1;
                lines.add(incomplete);
                lines.add(incomplete);
                // each incomplete line by its number, as the checklist names it (a draft keeps them, issue 9 item 7)
                assertEquals(List.of(Problem.of("submit.budgetLineIncomplete", first),
                        Problem.of("submit.budgetLineIncomplete", first + 1)), check(withLines(valid, "1000000.00", lines)));
            }
        }

        @Test
        void theRequestedSubsidyMayEqualTheLimit() {
            assertEquals(List.of(), check(withLines(valid, "2500000.00", List.of(
                    line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "1500000.00"),
                    line(BudgetCategory.TESTING, FundingSource.SUBSIDY, "500000.00"),
                    line(BudgetCategory.MATERIALS, FundingSource.SELF_FUNDED, "500000.00")))));
        }

        @Test
        void oneFenAboveTheLimitIsRefused() {
            assertOnly(check(withLines(valid, "2500000.01", List.of(
                            line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "1500000.01"),
                            line(BudgetCategory.TESTING, FundingSource.SUBSIDY, "500000.00"),
                            line(BudgetCategory.MATERIALS, FundingSource.SELF_FUNDED, "500000.00")))),
                    "submit.requestAboveLimit", "2,000,000.01", "2,000,000.00");
        }

        @Test
        void selfFundedLinesDoNotCountTowardsTheRequest() {
            assertEquals(List.of(), check(withLines(valid, "30000000.00", List.of(
                    line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "2000000.00"),
                    line(BudgetCategory.EQUIPMENT, FundingSource.SELF_FUNDED, "28000000.00")))));
        }

        @Test
        void withoutALimitTheRequestMayEqualTheBudgetOfTheCallButNotExceedIt() {
            FundingCall noLimit = call(SubsidyKind.PRE_APPROVED, null);
            DeclarationContent atBudget = withLines(valid, "50000000.00",
                    List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "50000000.00")));
            assertEquals(List.of(), SubmissionCheck.problems(atBudget, noLimit, OWN_USCC, attached(), null));
            DeclarationContent above = withLines(valid, "50000000.01",
                    List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "50000000.01")));
            assertOnly(SubmissionCheck.problems(above, noLimit, OWN_USCC, attached(), null),
                    "submit.requestAboveBudget", "50,000,000.01", "50,000,000.00");
        }

        /** The project part (field, period, budget lines, limit) belongs to PRE_APPROVED calls only. */
        @ParameterizedTest
        @EnumSource(value = SubsidyKind.class, names = "PRE_APPROVED", mode = EnumSource.Mode.EXCLUDE)
        void otherKindsNeedNoProjectPart(SubsidyKind kind) {
            DeclarationContent c = valid(kind);
            assertEquals(null, c.field());
            assertEquals(List.of(), c.budgetLines());
            assertEquals(List.of(), SubmissionCheckTest.check(kind, c));
        }
    }

    @Nested
    class Money {

        private final DeclarationContent valid = valid(SubsidyKind.PRE_APPROVED);

        @Test
        void aNegativeLineIsRefused() {
            List<Problem> problems = check(SubsidyKind.PRE_APPROVED, withLines(valid, "999999.99", List.of(
                    line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "1000000.00"),
                    line(BudgetCategory.OTHER, FundingSource.SELF_FUNDED, "-0.01"))));
            assertOnly(problems, "submit.money", "-0.01");
        }

        @Test
        void threeDecimalsAreRefused() {
            List<Problem> problems = check(SubsidyKind.PRE_APPROVED, withLines(valid, "1000000.001", List.of(
                    line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "1000000.000"),
                    line(BudgetCategory.OTHER, FundingSource.SELF_FUNDED, "0.001"))));
            assertEquals(List.of(Problem.of("submit.money", "1000000.001"), Problem.of("submit.money", "0.001")), problems);
        }

        @Test
        void aNegativeOrFractionalTotalIsRefused() {
            List<Problem> negative = check(SubsidyKind.PRE_APPROVED, withLines(valid, "-1000000.00", valid.budgetLines()));
            assertTrue(negative.contains(Problem.of("submit.money", "-1000000.00")), negative.toString());
        }

        @Test
        void theRdFiguresAreMoneyToo() {
            DeclarationContent.RdFiguresData f = Fixtures.rdFigures();
            List<Problem> problems = check(SubsidyKind.RD_INVESTMENT, withRd(new DeclarationContent.RdFiguresData(
                    f.expenseTax(), f.expenseStat(), f.expensePrior(), yuan("100000000.005"), 2, 1, 20, 100)));
            assertOnly(problems, "submit.money", "100000000.005");
        }

        @Test
        void aServiceAmountIsMoneyToo() {
            List<Problem> problems = check(SubsidyKind.SHARED_SERVICE,
                    withServices(List.of(service("INV-1", LocalDate.of(2025, 5, 1), "100.001"))));
            assertOnly(problems, "submit.money", "100.001");
        }

        @ParameterizedTest
        @CsvSource({"0, true", "0.01, true", "1.10, true", "1E+3, true", "-0.01, false", "0.001, false", "-0, true"})
        void whatIsMoney(String amount, boolean money) {
            assertEquals(money, org.innofund.shared.Money.isValid(new BigDecimal(amount)), amount);
        }
    }

    @Nested
    class RdInvestment {

        private List<Problem> check(String tax, String stat, String prior, String revenue, Integer patents,
                                    Integer applications, Integer rdStaff, Integer totalStaff) {
            return SubmissionCheckTest.check(SubsidyKind.RD_INVESTMENT, withRd(new DeclarationContent.RdFiguresData(
                    tax == null ? null : yuan(tax), stat == null ? null : yuan(stat), prior == null ? null : yuan(prior),
                    revenue == null ? null : yuan(revenue), patents, applications, rdStaff, totalStaff)));
        }

        /** A figure set that passes, with E1 and revenue given. */
        private List<Problem> withE1(String tax, String stat, String revenue) {
            return check(tax, stat, "0.00", revenue, 1, 1, 10, 100);
        }

        @Test
        void noFiguresAtAll() {
            assertOnly(SubmissionCheckTest.check(SubsidyKind.RD_INVESTMENT, withRd(null)), "submit.rdFiguresIncomplete");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
        void eachMissingFigureMakesThemIncompleteAndNothingElseIsChecked(int missing) {
            Object[] v = {"5200000.00", "5000000.00", "4000000.00", "100000000.00", 2, 1, 20, 100};
            v[missing] = null;
            // no statistics report (E_stat missing) means not eligible: listed as incomplete
            assertOnly(check((String) v[0], (String) v[1], (String) v[2], (String) v[3], (Integer) v[4], (Integer) v[5],
                    (Integer) v[6], (Integer) v[7]), "submit.rdFiguresIncomplete");
        }

        @Test
        void e1IsTheLowerOfTheTwoSources() {
            assertOnly(withE1("2000000.00", "1999999.99", "1000000.00"), "submit.rdBelowMinimum", "1,999,999.99", "2,000,000.00");
            assertOnly(withE1("1999999.99", "2000000.00", "1000000.00"), "submit.rdBelowMinimum", "1,999,999.99", "2,000,000.00");
            assertOnly(withE1("1999999.99", "9000000.00", "1000000.00"), "submit.rdBelowMinimum", "1,999,999.99", "2,000,000.00");
        }

        @Test
        void e1OfExactlyTwoMillionIsEnough() {
            assertEquals(List.of(), withE1("2000000.00", "2000000.00", "1000000.00"));
            assertEquals(List.of(), withE1("2000000", "2500000.00", "1000000.00"));
        }

        @Test
        void e1OfThreePercentOfRevenueIsEnough() {
            assertEquals(List.of(), withE1("3000000.00", "3100000.00", "100000000.00"));
        }

        /**
         * E1 / R = 0.0299999999 rounds to 0.03 (and to 0.0300), so a rounded ratio would pass; the rule compares
         * E1 >= 0.03 * R exactly, and 2,999,999.99 < 3,000,000.00.
         */
        @Test
        void theIntensityIsComparedExactlyNotAsARoundedRatio() {
            BigDecimal e1 = yuan("2999999.99");
            BigDecimal revenue = yuan("100000000.00");
            assertEquals(0, e1.divide(revenue, 2, RoundingMode.HALF_UP).compareTo(new BigDecimal("0.03")));
            assertEquals(0, e1.divide(revenue, 4, RoundingMode.HALF_UP).compareTo(new BigDecimal("0.03")));
            assertOnly(withE1("2999999.99", "3100000.00", "100000000.00"),
                    "submit.rdIntensity", "2,999,999.99", "100,000,000.00", "3%");
        }

        /** 0.03 * 100,000,000.01 = 3,000,000.0003: an E1 of 3,000,000.00 falls short by three hundredths of a fen. */
        @Test
        void evenAFractionOfAFenBelowThreePercentIsRefused() {
            assertOnly(withE1("3000000.00", "3000000.00", "100000000.01"),
                    "submit.rdIntensity", "3,000,000.00", "100,000,000.01", "3%");
        }

        @Test
        void theIntensityUsesE1NotTheHigherSource() {
            // E_tax alone would be 3% of the revenue; E1 = E_stat is not
            assertOnly(withE1("3000000.00", "2999999.99", "100000000.00"),
                    "submit.rdIntensity", "2,999,999.99", "100,000,000.00", "3%");
        }

        @Test
        void patentsAndApplicationsAreCountedAgainstTheirMinimum() {
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", 0, 1, 10, 100), "submit.patents", "1");
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 0, 10, 100), "submit.applications", "1");
            assertEquals(List.of(), check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, 10, 100));
        }

        @Test
        void negativePatentCountsAreInvalid() {
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", -1, 1, 10, 100), "submit.patentCounts");
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, -1, 10, 100), "submit.patentCounts");
        }

        @Test
        void aStaffShareOfExactlyTenPercentIsEnough() {
            assertEquals(List.of(), check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, 10, 100));
            assertEquals(List.of(), check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, 1, 10));
            assertEquals(List.of(), check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, 3, 3));
        }

        @Test
        void aStaffShareBelowTenPercentIsRefused() {
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, 9, 100), "submit.rdStaffShare", 9, 100, "10%");
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, 0, 1), "submit.rdStaffShare", 0, 1, "10%");
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, 100, 1001), "submit.rdStaffShare",
                    100, 1001, "10%");
        }

        @Test
        void impossibleStaffCountsAreInvalid() {
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, 0, 0), "submit.staffCounts");
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, -1, 10), "submit.staffCounts");
            assertOnly(check("5000000.00", "5000000.00", "0.00", "1000000.00", 1, 1, 11, 10), "submit.staffCounts");
        }

        /** g = (2,250,000 - 2,500,000) / 2,500,000 = -0.10 exactly: the lowest band still applies. */
        @Test
        void aDeclineOfExactlyTenPercentIsEligible() {
            assertEquals(List.of(), check("2250000.00", "2250000.00", "2500000.00", "1000000.00", 1, 1, 10, 100));
        }

        @Test
        void aDeclineOfMoreThanTenPercentIsRefused() {
            assertOnly(check("2249999.99", "2250000.00", "2500000.00", "1000000.00", 1, 1, 10, 100),
                    "submit.rdDecline", "2,249,999.99", "2,500,000.00", "10%");
        }

        @Test
        void growthIsMeasuredOnE1() {
            // E_tax grew, E_stat fell by more than 10%: E1 = E_stat counts
            assertOnly(check("3000000.00", "2249999.99", "2500000.00", "1000000.00", 1, 1, 10, 100),
                    "submit.rdDecline", "2,249,999.99", "2,500,000.00", "10%");
        }

        @Test
        void withNoExpenseTheYearBeforeThereIsNoDecline() {
            assertEquals(List.of(), check("2000000.00", "2000000.00", "0.00", "1000000.00", 1, 1, 10, 100));
            assertEquals(List.of(), check("2000000.00", "2000000.00", "0", "1000000.00", 1, 1, 10, 100));
        }

        @Test
        void theCallsOwnParametersAreUsed() {
            FundingCall strict = FundingCall.draft(call(SubsidyKind.RD_INVESTMENT).getProgram(), "T", 2025, Fixtures.OPENS,
                    Fixtures.CLOSES, yuan("1000.00"), null, null, "reviewer", Fixtures.CREATED);
            strict.changeParameter("minExpense", yuan("6000000.00"));
            strict.changeParameter("minRdStaffShare", yuan("0.25"));
            strict.changeParameter("band3.growthFrom", yuan("-0.05"));
            strict.publish("approver", Fixtures.CREATED);
            // E1 5,000,000.00; staff 20 of 100; growth +25%: fine by the defaults, not by these
            List<Problem> problems = SubmissionCheck.problems(valid(SubsidyKind.RD_INVESTMENT), strict, OWN_USCC, Set.of(), null);
            assertEquals(List.of(Problem.of("submit.rdBelowMinimum", "5,000,000.00", "6,000,000.00"),
                    Problem.of("submit.rdStaffShare", 20, 100, "25%")), problems);
            List<Problem> decline = SubmissionCheck.problems(withRd(new DeclarationContent.RdFiguresData(yuan("9400000.00"),
                    yuan("9400000.00"), yuan("10000000.00"), yuan("1000000.00"), 1, 1, 25, 100)), strict, OWN_USCC, Set.of(), null);
            assertOnly(decline, "submit.rdDecline", "9,400,000.00", "10,000,000.00", "5%");
        }
    }

    @Nested
    class Reward {

        private static DeclarationContent.AchievementData claim(Achievement a, String certificate, LocalDate on) {
            return new DeclarationContent.AchievementData(a, certificate, on);
        }

        @Test
        void atLeastOneAchievementIsRequired() {
            assertOnly(check(SubsidyKind.REWARD, withAchievements(List.of())), "submit.achievements");
        }

        @Test
        void anAchievementOfTheCallsYearCounts() {
            assertEquals(List.of(), check(SubsidyKind.REWARD, withAchievements(List.of(
                    claim(Achievement.TECH_SME, "C-1", LocalDate.of(2025, 1, 1)),
                    claim(Achievement.SINGLE_CHAMPION, "C-2", LocalDate.of(2025, 12, 31))))));
        }

        @Test
        void anAchievementOfAnotherYearIsRefused() {
            assertOnly(check(SubsidyKind.REWARD, withAchievements(List.of(claim(Achievement.TECH_SME, "C-1",
                    LocalDate.of(2024, 12, 31))))), "submit.achievementYear", "C-1", 2025);
            assertOnly(check(SubsidyKind.REWARD, withAchievements(List.of(claim(Achievement.TECH_SME, "C-9",
                    LocalDate.of(2026, 1, 1))))), "submit.achievementYear", "C-9", 2025);
        }

        @Test
        void anAchievementNeedsItsKindCertificateAndDate() {
            for (DeclarationContent.AchievementData incomplete : List.of(
                    claim(null, "C-1", LocalDate.of(2025, 5, 1)),
                    claim(Achievement.TECH_SME, null, LocalDate.of(2025, 5, 1)),
                    claim(Achievement.TECH_SME, "  ", LocalDate.of(2025, 5, 1)),
                    claim(Achievement.TECH_SME, "C-1", null))) {
                assertOnly(check(SubsidyKind.REWARD, withAchievements(List.of(incomplete))), "submit.achievementIncomplete", 1);
            }
        }
    }

    @Nested
    class SharedService {

        private static final LocalDate IN_2025 = LocalDate.of(2025, 6, 1);

        private List<Problem> check(DeclarationContent.ServiceRecordData... records) {
            return SubmissionCheckTest.check(SubsidyKind.SHARED_SERVICE, withServices(Arrays.asList(records)));
        }

        private static DeclarationContent.ServiceRecordData from(String uscc, String invoiceNo) {
            return new DeclarationContent.ServiceRecordData("某服务机构", uscc, invoiceNo, IN_2025, yuan("1000.00"));
        }

        @Test
        void atLeastOneServiceIsRequired() {
            assertOnly(check(), "submit.services");
        }

        @Test
        void aServiceFromTheEnterpriseItselfIsRefused() {
            assertOnly(check(from(OWN_USCC, "INV-1")), "submit.serviceFromItself", "INV-1");
            assertOnly(check(from("  " + OWN_USCC + " ", "INV-2")), "submit.serviceFromItself", "INV-2");
            assertOnly(check(from(OWN_USCC.toLowerCase(java.util.Locale.ROOT), "INV-3")), "submit.serviceFromItself", "INV-3");
        }

        @Test
        void anInvalidProviderCodeIsRefused() {
            String wrongCheck = PROVIDER_USCC.substring(0, 17) + (PROVIDER_USCC.endsWith("B") ? "C" : "B");
            assertOnly(check(from(wrongCheck, "INV-1")), "submit.serviceProviderUscc", "INV-1");
            assertOnly(check(from("", "INV-2")), "submit.serviceProviderUscc", "INV-2");
            assertOnly(check(from("12345", "INV-3")), "submit.serviceProviderUscc", "INV-3");
        }

        @Test
        void theSameInvoiceTwiceIsRefusedOnce() {
            assertOnly(check(from(PROVIDER_USCC, "INV-1"), from(PROVIDER_USCC, " INV-1 "), from(PROVIDER_USCC, "INV-2")),
                    "submit.serviceInvoiceTwice", " INV-1 ");
        }

        /** As the calculation compares them: trimmed and regardless of case. */
        @Test
        void theSameInvoiceInAnotherCaseIsRefused() {
            assertOnly(check(from(PROVIDER_USCC, "inv-1"), from(PROVIDER_USCC, " INV-1")), "submit.serviceInvoiceTwice", " INV-1");
        }

        @Test
        void anInvoiceOfAnotherYearIsRefused() {
            assertOnly(check(service("INV-1", LocalDate.of(2024, 12, 31), "10.00")), "submit.serviceYear", "INV-1", 2025);
            assertOnly(check(service("INV-2", LocalDate.of(2026, 1, 1), "10.00")), "submit.serviceYear", "INV-2", 2025);
            assertEquals(List.of(), check(service("INV-3", LocalDate.of(2025, 1, 1), "10.00"),
                    service("INV-4", LocalDate.of(2025, 12, 31), "10.00")));
        }

        @Test
        void aZeroAmountIsRefused() {
            assertOnly(check(service("INV-1", IN_2025, "0.00")), "submit.serviceAmount", "INV-1");
            assertEquals(List.of(), check(service("INV-1", IN_2025, "0.01")));
        }

        @Test
        void aNegativeAmountIsNeitherMoneyNorAService() {
            assertEquals(List.of(Problem.of("submit.money", "-5.00"), Problem.of("submit.serviceAmount", "INV-1")),
                    check(service("INV-1", IN_2025, "-5.00")));
        }

        @Test
        void aServiceNeedsItsProviderInvoiceDateAndAmount() {
            for (DeclarationContent.ServiceRecordData incomplete : List.of(
                    new DeclarationContent.ServiceRecordData(null, PROVIDER_USCC, "INV-1", IN_2025, yuan("1.00")),
                    new DeclarationContent.ServiceRecordData(" ", PROVIDER_USCC, "INV-1", IN_2025, yuan("1.00")),
                    new DeclarationContent.ServiceRecordData("P", null, "INV-1", IN_2025, yuan("1.00")),
                    new DeclarationContent.ServiceRecordData("P", PROVIDER_USCC, null, IN_2025, yuan("1.00")),
                    new DeclarationContent.ServiceRecordData("P", PROVIDER_USCC, "", IN_2025, yuan("1.00")),
                    new DeclarationContent.ServiceRecordData("P", PROVIDER_USCC, "INV-1", null, yuan("1.00")),
                    new DeclarationContent.ServiceRecordData("P", PROVIDER_USCC, "INV-1", IN_2025, null))) {
                assertOnly(check(incomplete), "submit.serviceIncomplete", 1);
            }
        }
    }

    @Nested
    class AllAtOnce {

        @Test
        void everyProblemOfAProjectDeclarationIsListedTogether() {
            DeclarationContent c = new DeclarationContent(" ", null, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 6, 30),
                    null, " ", yuan("1.00"),
                    List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "2000000.01"),
                            line(BudgetCategory.OTHER, FundingSource.SELF_FUNDED, "-0.01"),
                            line(null, FundingSource.SELF_FUNDED, "1.005")),
                    null, List.of(), List.of());
            List<Problem> problems = SubmissionCheck.problems(c, call(SubsidyKind.PRE_APPROVED), OWN_USCC, Set.of(),
                    "#3 (2025-01-01 ~ 2025-12-31): 违规");
            assertEquals(List.of(
                    Problem.of("submit.blacklisted", "#3 (2025-01-01 ~ 2025-12-31): 违规"),
                    Problem.of("submit.projectName"),
                    Problem.of("submit.field"),
                    Problem.of("submit.periodOrder"),
                    Problem.of("submit.summary"),
                    Problem.of("submit.keyIndicators"),
                    // no totalMismatch: a sum of lines that are not money (-0.01, 1.005) is no sum to report
                    Problem.of("submit.requestAboveLimit", "2,000,000.01", "2,000,000.00"),
                    Problem.of("submit.money", "-0.01"),
                    Problem.of("submit.money", "1.005"),
                    Problem.of("submit.budgetLineIncomplete", 3),
                    Problem.of("submit.attachmentMissing", LICENCE),
                    Problem.of("submit.attachmentMissing", REPORT)), problems);
        }

        @Test
        void everyUnmetRdConditionIsListedTogether() {
            List<Problem> problems = SubmissionCheck.problems(withRd(new DeclarationContent.RdFiguresData(yuan("1500000.00"),
                            yuan("1600000.00"), yuan("2000000.00"), yuan("60000000.00"), 0, 0, 5, 100)),
                    call(SubsidyKind.RD_INVESTMENT), OWN_USCC, Set.of(REPORT), "#1");
            assertEquals(List.of("submit.blacklisted", "submit.rdBelowMinimum", "submit.rdIntensity", "submit.patents",
                    "submit.applications", "submit.rdStaffShare", "submit.rdDecline", "submit.attachmentMissing"), keys(problems));
        }

        @Test
        void everyProblemOfTheServicesIsListedTogether() {
            LocalDate in2025 = LocalDate.of(2025, 6, 1);
            List<Problem> problems = check(SubsidyKind.SHARED_SERVICE, withServices(List.of(
                    new DeclarationContent.ServiceRecordData("自己", OWN_USCC, "A", in2025, yuan("10.00")),
                    new DeclarationContent.ServiceRecordData("乱码", "not-a-code", "B", in2025, yuan("10.00")),
                    new DeclarationContent.ServiceRecordData("重复", PROVIDER_USCC, "A", LocalDate.of(2024, 6, 1), yuan("0.00")),
                    new DeclarationContent.ServiceRecordData("缺", PROVIDER_USCC, "C", null, yuan("10.00")))));
            assertEquals(List.of(
                    Problem.of("submit.serviceFromItself", "A"),
                    Problem.of("submit.serviceProviderUscc", "B"),
                    Problem.of("submit.serviceInvoiceTwice", "A"),
                    Problem.of("submit.serviceYear", "A", 2025),
                    Problem.of("submit.serviceAmount", "A"),
                    Problem.of("submit.serviceIncomplete", 4)), problems);
        }
    }
}
