package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SUBSIDY-RULES.md steps 4 and 5 and the controller cap, in that order, to the fen. */
class CallStepsTest {

    static final Money YEAR_CAP = yuan("5000000.00");
    static final Instant T0 = Instant.parse("2025-06-01T02:00:00Z");

    static Money yuan(String s) {
        return Money.of(new BigDecimal(s));
    }

    static Calculation kind(SubsidyKind kind, String amount) {
        return new Calculation(kind, true, true, yuan(amount), Money.ZERO, List.of(), List.of(new Calculation.Step("核定", "calculated")));
    }

    static CallSteps.Entry entry(long id, String amount) {
        return new CallSteps.Entry(id, "USCC" + id, null, T0.plusSeconds(id), kind(SubsidyKind.RD_INVESTMENT, amount), Money.ZERO, Money.ZERO);
    }

    static CallSteps.Entry service(long id, String uscc, String controller, long second, String amount) {
        return new CallSteps.Entry(id, uscc, controller, T0.plusSeconds(second), kind(SubsidyKind.SHARED_SERVICE, amount), Money.ZERO, Money.ZERO);
    }

    static CallSteps.Parameters budget(String b) {
        return new CallSteps.Parameters(YEAR_CAP, null, yuan(b));
    }

    static List<Money> amounts(CallSteps.Outcome o) {
        return o.lines().stream().map(CallSteps.Line::amount).toList();
    }

    static List<Money> yuans(String... s) {
        return java.util.Arrays.stream(s).map(CallStepsTest::yuan).toList();
    }

    @Test
    void withinTheBudgetNothingChanges() {
        CallSteps.Outcome o = CallSteps.apply(List.of(entry(1, "300000.00"), entry(2, "200000.00")), budget("500000.00"));
        assertEquals(yuans("300000.00", "200000.00"), amounts(o));
        assertEquals(yuan("500000.00"), o.demand());
        assertEquals(yuan("500000.00"), o.total());
        assertNull(o.factor());
        assertNull(o.leftover());
        assertEquals(1, o.lines().get(0).calculation().steps().size(), "no step added when nothing changed");
        assertEquals(yuan("300000.00"), o.lines().get(0).calculation().amount());
    }

    /** Three of 100,000 in a budget of 200,000: each 66,666.66 (rounded DOWN), 0.02 left over and recorded. */
    @Test
    void proRataRoundsDownAndRecordsTheFactorAndTheLeftoverFen() {
        CallSteps.Outcome o = CallSteps.apply(List.of(entry(1, "100000.00"), entry(2, "100000.00"), entry(3, "100000.00")),
                budget("200000.00"));
        assertEquals(yuans("66666.66", "66666.66", "66666.66"), amounts(o));
        assertEquals(yuan("300000.00"), o.demand());
        assertEquals(new BigDecimal("0.6666666666"), o.factor());
        assertEquals(yuan("199999.98"), o.total());
        assertEquals(yuan("0.02"), o.leftover());
        Calculation c = o.lines().get(0).calculation();
        assertEquals(yuan("66666.66"), c.amount());
        assertEquals("申报总额 300,000.00 超过预算 200,000.00，同比例核减（系数 0.6666666666）：100,000.00 × 200,000.00 ÷ "
                + "300,000.00 = 66,666.66（向下取整到分）", c.steps().get(1).zh());
        assertEquals("Total demand 300,000.00 exceeds the budget of 200,000.00, reduced in proportion (factor 0.6666666666): "
                + "100,000.00 × 200,000.00 ÷ 300,000.00 = 66,666.66 (rounded down to the fen)", c.steps().get(1).en());
    }

    /** 1.00 × 1.01 ÷ 2.00 = 0.505: exactly half a fen, still DOWN — the budget is never exceeded. */
    @Test
    void aHalfFenInProRataRoundsDown() {
        CallSteps.Outcome o = CallSteps.apply(List.of(entry(1, "1.00"), entry(2, "1.00")), budget("1.01"));
        assertEquals(yuans("0.50", "0.50"), amounts(o));
        assertEquals(yuan("0.01"), o.leftover());
    }

    /** Computed from amount × B ÷ demand, not from the truncated factor: 0.6666666666 × 3,000,000 would lose a fen. */
    @Test
    void eachAmountComesFromTheExactRatioNotTheRecordedFactor() {
        CallSteps.Outcome o = CallSteps.apply(List.of(entry(1, "3000000.00"), entry(2, "1500000.00")), budget("3000000.00"));
        assertEquals(yuans("2000000.00", "1000000.00"), amounts(o));
        assertEquals(Money.ZERO, o.leftover());
    }

    @Test
    void demandExactlyTheBudgetIsNotReduced() {
        CallSteps.Outcome o = CallSteps.apply(List.of(entry(1, "0.01"), entry(2, "99.99")), budget("100.00"));
        assertNull(o.factor());
        assertEquals(yuans("0.01", "99.99"), amounts(o));
    }

    @Test
    void aZeroBudgetPaysNothing() {
        CallSteps.Outcome o = CallSteps.apply(List.of(entry(1, "10.00")), budget("0.00"));
        assertEquals(yuans("0.00"), amounts(o));
        assertEquals(new BigDecimal("0E-10"), o.factor());
        assertEquals(Money.ZERO, o.leftover());
    }

    @Test
    void noEntriesNoDemand() {
        CallSteps.Outcome o = CallSteps.apply(List.of(), budget("100.00"));
        assertEquals(Money.ZERO, o.demand());
        assertEquals(Money.ZERO, o.total());
        assertEquals(List.of(), o.lines());
    }

    /** Step 4 with the year's other calls: what is left of 5,000,000, never below 0. */
    @ParameterizedTest(name = "approved elsewhere {0}: {1}")
    @CsvSource({
            "0.00, 300000.00",
            "4700000.00, 300000.00",
            "4700000.01, 299999.99",
            "4900000.00, 100000.00",
            "5000000.00, 0.00",
            "6000000.00, 0.00",
    })
    void theYearlyCapWithOtherCallsApprovals(String elsewhere, String expected) {
        CallSteps.Entry e = new CallSteps.Entry(1, "U1", null, T0, kind(SubsidyKind.RD_INVESTMENT, "300000.00"), yuan(elsewhere), Money.ZERO);
        CallSteps.Outcome o = CallSteps.apply(List.of(e), budget("10000000.00"));
        assertEquals(yuan(expected), o.lines().get(0).amount());
        assertEquals(o.lines().get(0).amount().equals(yuan("300000.00")) ? 1 : 2, o.lines().get(0).calculation().steps().size());
    }

    @Test
    void theYearlyCapStepSaysWhy() {
        CallSteps.Entry e = new CallSteps.Entry(1, "U1", null, T0, kind(SubsidyKind.RD_INVESTMENT, "300000.00"), yuan("4900000.00"), Money.ZERO);
        Calculation c = CallSteps.apply(List.of(e), budget("10000000.00")).lines().get(0).calculation();
        assertEquals("企业年度补助上限 5,000,000.00，本年度其他项目已核定 4,900,000.00，尚余 100,000.00：300,000.00 核减为 100,000.00",
                c.steps().get(1).zh());
    }

    /**
     * A controller's four enterprises of 200,000 each, cap 650,000: served by submission time, then USCC on a tie — the
     * last one gets the 50,000 left; the lines stay in the entries' order; an enterprise without a controller is not
     * capped.
     */
    @Test
    void aBindingControllerCapServesBySubmissionTimeThenUscc() {
        List<CallSteps.Entry> entries = List.of(
                service(1, "91330200MA00000004", "C", 30, "200000.00"),
                service(2, "91330200MA00000003", "C", 10, "200000.00"),
                service(3, "91330200MA00000002", "C", 20, "200000.00"),
                service(4, "91330200MA00000001", "C", 20, "200000.00"),
                service(5, "91330200MA00000005", null, 0, "200000.00"),
                service(6, "91330200MA00000006", "D", 0, "200000.00"));
        CallSteps.Outcome o = CallSteps.apply(entries, new CallSteps.Parameters(YEAR_CAP, yuan("650000.00"), yuan("9000000.00")));
        // served: 2 (t10), 4 (t20, ...01), 3 (t20, ...02), 1 (t30)
        assertEquals(yuans("50000.00", "200000.00", "200000.00", "200000.00", "200000.00", "200000.00"), amounts(o));
        assertEquals("同一实际控制人名下企业年度上限 650,000.00，按提交时间（同时按统一社会信用代码）排在前面的企业已占用 600,000.00，"
                + "尚余 50,000.00：200,000.00 核减为 50,000.00", o.lines().get(0).calculation().steps().get(1).zh());
        assertEquals(yuan("1050000.00"), o.demand());
    }

    @Test
    void theControllerCapExactlyReachedChangesNothingAndLaterOnesGetNothing() {
        List<CallSteps.Entry> entries = List.of(
                service(1, "U1", "C", 1, "650000.00"),
                service(2, "U2", "C", 2, "0.01"));
        CallSteps.Outcome o = CallSteps.apply(entries, new CallSteps.Parameters(YEAR_CAP, yuan("650000.00"), yuan("9000000.00")));
        assertEquals(yuans("650000.00", "0.00"), amounts(o));
        assertEquals(1, o.lines().get(0).calculation().steps().size());
    }

    /**
     * The rules file's order: the controller cap is kind 4's own cap (step 2), the yearly cap step 4. U1's 200,000 uses
     * up 200,000 of the controller's 240,000 before its yearly cap (4,950,000 approved elsewhere) cuts it to 50,000; U2,
     * submitted later, gets the 40,000 left.
     */
    @Test
    void theControllerCapAppliesBeforeTheYearlyCap() {
        CallSteps.Entry first = new CallSteps.Entry(1, "U1", "C", T0, kind(SubsidyKind.SHARED_SERVICE, "200000.00"),
                yuan("4950000.00"), Money.ZERO);
        CallSteps.Entry second = new CallSteps.Entry(2, "U2", "C", T0.plusSeconds(1), kind(SubsidyKind.SHARED_SERVICE, "200000.00"),
                Money.ZERO, Money.ZERO);
        CallSteps.Outcome o = CallSteps.apply(List.of(first, second),
                new CallSteps.Parameters(YEAR_CAP, yuan("240000.00"), yuan("9000000.00")));
        assertEquals(yuans("50000.00", "40000.00"), amounts(o));
        assertEquals("企业年度补助上限 5,000,000.00，本年度其他项目已核定 4,950,000.00，尚余 50,000.00：200,000.00 核减为 50,000.00",
                o.lines().get(0).calculation().steps().get(1).zh());
        assertEquals("同一实际控制人名下企业年度上限 240,000.00，按提交时间（同时按统一社会信用代码）排在前面的企业已占用 200,000.00，"
                + "尚余 40,000.00：200,000.00 核减为 40,000.00", o.lines().get(1).calculation().steps().get(1).zh());
    }

    /**
     * A call that takes two declarations of one enterprise: each line alone is within its voucher cap (200,000.00 left
     * this year), together they are not; the earlier submission is served first and the later gets what is left. The
     * lines of another enterprise and a line without a voucher cap are not touched.
     */
    @Test
    void theDeclarationsOfOneEnterpriseShareItsVoucherCap() {
        CallSteps.Entry later = new CallSteps.Entry(1, "U1", null, T0.plusSeconds(5), kind(SubsidyKind.SHARED_SERVICE,
                "200000.00"), Money.ZERO, Money.ZERO, yuan("200000.00"));
        CallSteps.Entry earlier = new CallSteps.Entry(1, "U1", null, T0, kind(SubsidyKind.SHARED_SERVICE, "150000.00"),
                Money.ZERO, Money.ZERO, yuan("200000.00"));
        CallSteps.Entry other = new CallSteps.Entry(2, "U2", null, T0, kind(SubsidyKind.SHARED_SERVICE, "200000.00"),
                Money.ZERO, Money.ZERO, yuan("200000.00"));
        CallSteps.Outcome o = CallSteps.apply(List.of(later, earlier, other), budget("9000000.00"));
        assertEquals(yuans("50000.00", "150000.00", "200000.00"), amounts(o));
        assertEquals("本通知中该企业的多份申报共享其本年度创新券剩余上限 200,000.00，提交在前的申报已占用 150,000.00，尚余 50,000.00："
                + "200,000.00 核减为 50,000.00", o.lines().get(0).calculation().steps().get(1).zh());
        assertEquals(1, o.lines().get(1).calculation().steps().size(), "the earlier one is whole");
        // the cap left after other voucher calls (here 80,000.00) is what the two share; exactly used up
        CallSteps.Outcome tight = CallSteps.apply(List.of(
                new CallSteps.Entry(1, "U1", null, T0, kind(SubsidyKind.SHARED_SERVICE, "30000.00"), Money.ZERO, Money.ZERO,
                        yuan("80000.00")),
                new CallSteps.Entry(1, "U1", null, T0.plusSeconds(1), kind(SubsidyKind.SHARED_SERVICE, "50000.00"), Money.ZERO,
                        Money.ZERO, yuan("80000.00"))), budget("9000000.00"));
        assertEquals(yuans("30000.00", "50000.00"), amounts(tight));
        // two PRE_APPROVED projects of one enterprise have no voucher cap: only the yearly cap binds them
        CallSteps.Outcome projects = CallSteps.apply(List.of(project(1, 0, "200000.00", Money.ZERO),
                project(1, 1, "200000.00", Money.ZERO)), budget("9000000.00"));
        assertEquals(yuans("200000.00", "200000.00"), amounts(projects));
    }

    static CallSteps.Entry project(long enterprise, long second, String amount, Money elsewhere) {
        return new CallSteps.Entry(enterprise, "U" + enterprise, null, T0.plusSeconds(second),
                kind(SubsidyKind.PRE_APPROVED, amount), elsewhere, Money.ZERO);
    }

    /**
     * A PRE_APPROVED call holds several projects of one enterprise: its lines share one yearly cap, the earliest
     * submission served first (the later one listed first here), 3,000,000 + 2,000,000 — never 6,000,000.
     */
    @Test
    void theLinesOfOneEnterpriseShareItsYearlyCap() {
        CallSteps.Outcome o = CallSteps.apply(List.of(project(7, 5, "3000000.00", Money.ZERO),
                project(7, 1, "3000000.00", Money.ZERO), project(8, 1, "3000000.00", Money.ZERO)), budget("90000000.00"));
        assertEquals(yuans("2000000.00", "3000000.00", "3000000.00"), amounts(o));
        assertEquals(yuan("8000000.00"), o.demand());
        assertEquals("企业年度补助上限 5,000,000.00，本年度其他项目已核定 0.00，本批次该企业排在前面的申报已占用 3,000,000.00，"
                + "尚余 2,000,000.00：3,000,000.00 核减为 2,000,000.00", o.lines().get(0).calculation().steps().get(1).zh());
        assertEquals("The enterprise year cap of 5,000,000.00, less 0.00 approved in other calls this year and 3,000,000.00 "
                + "taken by its earlier lines in this call, leaves 2,000,000.00: 3,000,000.00 reduced to 2,000,000.00",
                o.lines().get(0).calculation().steps().get(1).en());
        assertEquals(1, o.lines().get(1).calculation().steps().size());
    }

    /** With the year's other approvals, three lines of one enterprise; same submission time: the entries' order. */
    @ParameterizedTest(name = "elsewhere {0}: {1} {2} {3}")
    @CsvSource({
            "0.00, 2000000.00, 2000000.00, 1000000.00",
            "1500000.00, 2000000.00, 1500000.00, 0.00",
            "4999999.99, 0.01, 0.00, 0.00",
            "5000000.00, 0.00, 0.00, 0.00",
    })
    void threeLinesOfOneEnterpriseWithOtherCallsApprovals(String elsewhere, String a, String b, String c) {
        CallSteps.Outcome o = CallSteps.apply(List.of(project(7, 1, "2000000.00", yuan(elsewhere)),
                project(7, 1, "2000000.00", yuan(elsewhere)), project(7, 1, "2000000.00", yuan(elsewhere))), budget("90000000.00"));
        assertEquals(yuans(a, b, c), amounts(o));
    }

    /** Nothing recorded for the other calls: none (not a NullPointerException). */
    @Test
    void noFigureForOtherCallsIsNone() {
        CallSteps.Outcome o = CallSteps.apply(List.of(project(7, 1, "6000000.00", null)), budget("90000000.00"));
        assertEquals(yuans("5000000.00"), amounts(o));
    }

    /** A controller's enterprise without a USCC or a submission time is served after those with one, never an exception. */
    @Test
    void aMissingSubmissionTimeOrUsccIsServedLast() {
        List<CallSteps.Entry> entries = List.of(
                new CallSteps.Entry(1, "U1", "C", null, kind(SubsidyKind.SHARED_SERVICE, "200000.00"), Money.ZERO, Money.ZERO),
                new CallSteps.Entry(2, null, "C", T0, kind(SubsidyKind.SHARED_SERVICE, "200000.00"), Money.ZERO, Money.ZERO),
                new CallSteps.Entry(3, "U3", "C", T0, kind(SubsidyKind.SHARED_SERVICE, "200000.00"), Money.ZERO, Money.ZERO),
                new CallSteps.Entry(4, null, "C", null, kind(SubsidyKind.SHARED_SERVICE, "200000.00"), Money.ZERO, Money.ZERO));
        CallSteps.Outcome o = CallSteps.apply(entries, new CallSteps.Parameters(YEAR_CAP, yuan("650000.00"), yuan("9000000.00")));
        // served: 3 (T0, U3), 2 (T0, no USCC), 1 (no time, U1), 4 (neither)
        assertEquals(yuans("200000.00", "200000.00", "200000.00", "50000.00"), amounts(o));
    }

    /** Pro-rata comes last, over the capped amounts. */
    @Test
    void proRataIsOverTheCappedAmounts() {
        List<CallSteps.Entry> entries = List.of(service(1, "U1", "C", 1, "200000.00"), service(2, "U2", "C", 2, "200000.00"),
                service(3, "U3", null, 3, "100000.00"));
        CallSteps.Outcome o = CallSteps.apply(entries, new CallSteps.Parameters(YEAR_CAP, yuan("300000.00"), yuan("200000.00")));
        assertEquals(yuan("400000.00"), o.demand());
        assertEquals(yuans("100000.00", "50000.00", "50000.00"), amounts(o));
        assertEquals(3, o.lines().get(1).calculation().steps().size(), "the controller cap and pro-rata both recorded");
        assertEquals(new BigDecimal("0.5000000000"), o.factor());
    }

    /** A recovery (PRE_APPROVED) is not money paid: no demand, no pro-rata, kept on its line. */
    @Test
    void aRecoveryIsNotInTheDemand() {
        Calculation recovery = new Calculation(SubsidyKind.PRE_APPROVED, true, true, Money.ZERO, yuan("80000.00"), List.of(),
                List.of());
        CallSteps.Entry r = new CallSteps.Entry(1, "U1", null, T0, recovery, Money.ZERO, Money.ZERO);
        CallSteps.Entry paid = new CallSteps.Entry(2, "U2", null, T0, kind(SubsidyKind.PRE_APPROVED, "150000.00"), Money.ZERO, Money.ZERO);
        CallSteps.Outcome o = CallSteps.apply(List.of(r, paid), budget("100000.00"));
        assertEquals(yuan("150000.00"), o.demand());
        assertEquals(yuans("0.00", "100000.00"), amounts(o));
        assertEquals(yuan("80000.00"), o.lines().get(0).calculation().recovery());
        assertEquals(List.of(), o.lines().get(0).calculation().steps());
        assertTrue(o.lines().get(0).calculation().eligible());
    }

    /** Many lines of odd amounts: the rounded-down total never exceeds B and the leftover is B − total, under a fen a line. */
    @Test
    void roundedDownAmountsNeverExceedTheBudget() {
        List<CallSteps.Entry> entries = new java.util.ArrayList<>();
        for (int i = 1; i <= 97; i++) {
            entries.add(entry(i, BigDecimal.valueOf(i * 1237L + 7, 2).toPlainString()));
        }
        CallSteps.Outcome o = CallSteps.apply(entries, budget("1000.00"));
        assertTrue(!o.total().isGreaterThan(yuan("1000.00")));
        assertEquals(yuan("1000.00"), o.total().plus(o.leftover()));
        assertTrue(o.leftover().fen() < entries.size(), o.leftover().toString());
        assertTrue(o.leftover().fen() > 0);
    }

    static CallSteps.Entry serviceAfter(long id, String controller, long second, String amount, String controllerElsewhere) {
        return new CallSteps.Entry(id, "U" + id, controller, T0.plusSeconds(second), kind(SubsidyKind.SHARED_SERVICE, amount),
                Money.ZERO, yuan(controllerElsewhere));
    }

    /**
     * 640,000.00 of the controller's 650,000.00 approved in the year's other voucher calls: of its two enterprises here,
     * the one submitted first (listed second) gets the 10,000.00 left, the other nothing; another controller's is untouched.
     */
    @Test
    void whatOtherCallsGaveTheControllersEnterprisesIsTakenFirst() {
        List<CallSteps.Entry> entries = List.of(serviceAfter(1, "C", 2, "30000.00", "640000.00"),
                serviceAfter(2, "C", 1, "30000.00", "640000.00"), serviceAfter(3, "D", 0, "30000.00", "0.00"));
        CallSteps.Outcome o = CallSteps.apply(entries, new CallSteps.Parameters(YEAR_CAP, yuan("650000.00"), yuan("9000000.00")));
        assertEquals(yuans("0.00", "10000.00", "30000.00"), amounts(o));
        assertEquals("同一实际控制人名下企业年度上限 650,000.00，本年度其他创新券批次已核定 640,000.00，本批次按提交时间（同时按统一社会信用代码）"
                + "排在前面的企业已占用 0.00，尚余 10,000.00：30,000.00 核减为 10,000.00", o.lines().get(1).calculation().steps().get(1).zh());
        assertEquals("The cap of 650,000.00 for the enterprises of one actual controller, less 640,000.00 approved in other "
                + "voucher calls this year and 10,000.00 taken by those submitted earlier in this call (then by USCC), leaves "
                + "0.00: 30,000.00 reduced to 0.00", o.lines().get(0).calculation().steps().get(1).en());
        assertEquals(1, o.lines().get(2).calculation().steps().size());
    }

    /** The controller's cap reached exactly elsewhere leaves nothing; a fen under leaves a fen; more (the cap lowered) 0. */
    @ParameterizedTest(name = "elsewhere {0}: {1}")
    @CsvSource({
            "650000.00, 0.00",
            "649999.99, 0.01",
            "700000.00, 0.00",
            "0.00, 30000.00",
    })
    void theControllerCapReachedElsewhere(String elsewhere, String expected) {
        CallSteps.Outcome o = CallSteps.apply(List.of(serviceAfter(1, "C", 1, "30000.00", elsewhere)),
                new CallSteps.Parameters(YEAR_CAP, yuan("650000.00"), yuan("9000000.00")));
        assertEquals(yuans(expected), amounts(o));
    }
}
