package org.innofund.declaration.domain.kind;

import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SUBSIDY-RULES.md kind 2 to the fen: every band edge, every condition, the caps and the explanation. */
class RdInvestmentCalculationTest {

    static final RuleParameters DEFAULTS = RuleParameters.defaults(SubsidyKind.RD_INVESTMENT);
    static final CalculationContext OK = new CalculationContext(2025, null, null, LocalDate.of(2026, 3, 1), true, false);

    static Money yuan(String s) {
        return Money.of(new BigDecimal(s));
    }

    /** E_tax = E_stat = e1, an eligible enterprise otherwise (revenue 10x, 1 patent, 1 application, 10 of 100 staff). */
    static KindInputs.RdInvestment inputs(String e1, String e0) {
        return new KindInputs.RdInvestment(yuan(e1), yuan(e1), yuan(e0), yuan(e1).times(BigDecimal.TEN, java.math.RoundingMode.UNNECESSARY),
                1, 1, 10, 100, Map.of());
    }

    static Calculation calculate(KindInputs.RdInvestment in) {
        return calculate(in, DEFAULTS, OK);
    }

    static Calculation calculate(KindInputs in, RuleParameters p, CalculationContext c) {
        return KindRules.of(in.kind()).calculate(in, p, c);
    }

    static List<String> codes(Calculation c) {
        return c.reasons().stream().map(Calculation.Reason::code).toList();
    }

    static String zh(Calculation c) {
        return c.steps().stream().map(Calculation.Step::zh).collect(Collectors.joining("；"));
    }

    static String en(Calculation c) {
        return c.steps().stream().map(Calculation.Step::en).collect(Collectors.joining("; "));
    }

    @Test
    void theRulesFileExampleComesOutWordForWord() {
        Calculation c = calculate(new KindInputs.RdInvestment(yuan("5200000.00"), yuan("5000000.00"), yuan("4000000.00"),
                yuan("100000000.00"), 2, 1, 30, 100, Map.of()));
        assertTrue(c.eligible());
        assertTrue(c.computable());
        assertEquals(yuan("300000.00"), c.amount());
        assertEquals(Money.ZERO, c.recovery());
        assertEquals(List.of(), c.reasons());
        assertEquals("研发费用取低值 E1=min(5,200,000.00, 5,000,000.00)=5,000,000.00；增长率 25.00% > 20%，适用比例 6%；"
                + "6% × 5,000,000.00 = 300,000.00，未超过上限 3,000,000.00", zh(c));
        assertEquals("R&D expense, the lower of the two sources: E1=min(5,200,000.00, 5,000,000.00)=5,000,000.00; "
                + "Growth 25.00% > 20%: rate 6%; 6% × 5,000,000.00 = 300,000.00, within the cap of 3,000,000.00", en(c));
    }

    /** Growth edges by cross-multiplying: exactly 20 % is band 2, a fen more band 1; exactly −10 % band 3, a fen less out. */
    @ParameterizedTest(name = "E1 {0}, E0 {1}: {2}")
    @CsvSource({
            // E1, E0, amount, growth step
            "6000000.00, 5000000.00, 300000.00, 增长率 0 ≤ 20.00% ≤ 20%，适用比例 5%",
            "6000000.01, 5000000.00, 360000.00, 增长率 20.0000002% > 20%，适用比例 6%",
            "5000000.00, 5000000.00, 250000.00, 增长率 0 ≤ 0.00% ≤ 20%，适用比例 5%",
            "4999999.99, 5000000.00, 150000.00, 增长率 -10% ≤ -0.0000002% < 0，适用比例 3%",
            "4500000.00, 5000000.00, 135000.00, 增长率 -10% ≤ -10.00% < 0，适用比例 3%",
            "2000000.00, 0.00, 120000.00, 上年研发费用为 0，按最高档，适用比例 6%",
    })
    void growthBandEdges(String e1, String e0, String amount, String growthStep) {
        Calculation c = calculate(inputs(e1, e0));
        assertTrue(c.eligible(), () -> codes(c).toString());
        assertEquals(yuan(amount), c.amount());
        assertEquals(growthStep, c.steps().get(1).zh());
    }

    @Test
    void aFenBelowMinusTenPercentIsADecline() {
        Calculation c = calculate(inputs("4499999.99", "5000000.00"));
        assertFalse(c.eligible());
        assertEquals(List.of("RD_DECLINE"), codes(c));
        assertEquals(Money.ZERO, c.amount());
        assertEquals("增长率 -10.0000002% < -10%，研发投入下降过多，不予补助。", c.reasons().get(0).zh());
        assertEquals("不符合条件（1 项），补助金额 0.00", c.steps().get(c.steps().size() - 1).zh());
    }

    @Test
    void e1ExactlyTheMinimumIsEligibleAFenLessIsNot() {
        assertTrue(calculate(inputs("2000000.00", "2000000.00")).eligible());
        Calculation below = calculate(inputs("1999999.99", "2000000.00"));
        assertEquals(List.of("RD_BELOW_MINIMUM"), codes(below));
        assertEquals("R&D expense E1=1,999,999.99 is below the minimum of 2,000,000.00.", below.reasons().get(0).en());
    }

    /**
     * E1 >= 0.03 × R exactly: 3,000,000 of 100,000,000 is 3 %; of 100,000,000.01 it needs 3,000,000.0003, a hair more
     * (E1 / R rounded to 0.0300 would not tell them apart); a fen less of E1 fails too.
     */
    @Test
    void intensityExactlyThreePercentAndAFenUnder() {
        assertTrue(calculate(rd("3000000.00", "3000000.00", "3000000.00", "100000000.00")).eligible());
        assertEquals(List.of("RD_INTENSITY"), codes(calculate(rd("3000000.00", "3000000.00", "3000000.00", "100000000.01"))));
        assertEquals(List.of("RD_INTENSITY"), codes(calculate(rd("2999999.99", "2999999.99", "2999999.99", "100000000.00"))));
    }

    static KindInputs.RdInvestment rd(String tax, String stat, String e0, String revenue) {
        return new KindInputs.RdInvestment(yuan(tax), stat == null ? null : yuan(stat), yuan(e0), yuan(revenue), 1, 1, 10, 100,
                Map.of());
    }

    @Test
    void theLowerSourceCountsWhicheverItIs() {
        assertEquals(yuan("150000.00"), calculate(rd("3000000.00", "3500000.00", "3000000.00", "10000000.00")).amount());
        assertEquals(yuan("150000.00"), calculate(rd("3500000.00", "3000000.00", "3000000.00", "10000000.00")).amount());
    }

    @Test
    void withoutAStatisticsReportNotEligibleAndNoAmount() {
        Calculation c = calculate(rd("9000000.00", null, "1000000.00", "10000000.00"));
        assertFalse(c.eligible());
        assertTrue(c.computable());
        assertEquals(List.of("RD_NO_STAT_REPORT"), codes(c));
        assertEquals(Money.ZERO, c.amount());
        assertEquals("No R&D expense on a statistics report for 2025: not eligible.", c.reasons().get(0).en());
    }

    /** Band 1: 6 % of 50,000,000 is exactly the cap; a fen more of E1 is capped. Band 2: 5 % of 40,000,000 exactly 2,000,000. */
    @ParameterizedTest(name = "E1 {0} E0 {1}: {2} {3}")
    @CsvSource({
            "50000000.00, 0.00, 3000000.00, '6% × 50,000,000.00 = 3,000,000.00，未超过上限 3,000,000.00'",
            "50000000.17, 0.00, 3000000.00, '6% × 50,000,000.17 = 3,000,000.01，超过上限，按上限 3,000,000.00'",
            "40000000.00, 40000000.00, 2000000.00, '5% × 40,000,000.00 = 2,000,000.00，未超过上限 2,000,000.00'",
            "40000000.20, 40000000.00, 2000000.00, '5% × 40,000,000.20 = 2,000,000.01，超过上限，按上限 2,000,000.00'",
            "80000000.00, 80000000.01, 2000000.00, '3% × 80,000,000.00 = 2,400,000.00，超过上限，按上限 2,000,000.00'",
    })
    void capsHitExactlyAndExceeded(String e1, String e0, String amount, String step) {
        Calculation c = calculate(inputs(e1, e0));
        assertEquals(yuan(amount), c.amount());
        assertEquals(step, c.steps().get(c.steps().size() - 1).zh());
    }

    /** 6 % × 2,000,000.25 = 120,000.015: half a fen rounds up; × 2,000,000.24 = 120,000.0144 rounds down. */
    @Test
    void halfUpAtHalfAFen() {
        assertEquals(yuan("120000.02"), calculate(inputs("2000000.25", "0.00")).amount());
        assertEquals(yuan("120000.01"), calculate(inputs("2000000.24", "0.00")).amount());
        // band 3, 3 % × 2,000,000.50 = 60,000.015 → 60,000.02
        assertEquals(yuan("60000.02"), calculate(inputs("2000000.50", "2100000.00")).amount());
    }

    @Test
    void everyFailedConditionIsListed() {
        KindInputs.RdInvestment in = new KindInputs.RdInvestment(yuan("1000000.00"), yuan("1000000.00"), yuan("2000000.00"),
                yuan("50000000.00"), 0, 0, 9, 100, Map.of());
        Calculation c = calculate(in, DEFAULTS, new CalculationContext(2025, null, null, LocalDate.of(2026, 3, 1), false, true));
        assertEquals(List.of("NOT_REGISTERED", "BLACKLISTED", "RD_PATENTS", "RD_APPLICATIONS", "RD_STAFF_SHARE",
                "RD_BELOW_MINIMUM", "RD_INTENSITY", "RD_DECLINE"), codes(c));
        assertEquals(Money.ZERO, c.amount());
        assertFalse(c.eligible());
        assertEquals("核定日 2026-03-01 企业在诚信黑名单上。", c.reasons().get(1).zh());
        assertEquals("研发人员 9 人，不足职工总数 100 人的 10%。", c.reasons().get(4).zh());
    }

    @Test
    void staffShareExactlyTenPercentIsMet() {
        KindInputs.RdInvestment in = new KindInputs.RdInvestment(yuan("3000000.00"), yuan("3000000.00"), yuan("3000000.00"),
                yuan("10000000.00"), 1, 1, 7, 70, Map.of());
        assertTrue(calculate(in).eligible());
    }

    @Test
    void aBlacklistedEnterpriseGetsNothingEvenIfItsFiguresQualify() {
        Calculation c = calculate(inputs("5000000.00", "4000000.00"), DEFAULTS,
                new CalculationContext(2025, null, null, LocalDate.of(2026, 3, 1), true, true));
        assertEquals(List.of("BLACKLISTED"), codes(c));
        assertEquals(Money.ZERO, c.amount());
    }

    @Test
    void theCallsOwnParametersAreUsed() {
        RuleParameters p = DEFAULTS.with(RuleParameter.BAND1_RATE, new BigDecimal("0.08"))
                .with(RuleParameter.BAND1_GROWTH_ABOVE, new BigDecimal("0.30"))
                .with(RuleParameter.MIN_EXPENSE, new BigDecimal("6000000.00"));
        // 25 % growth is band 2 once band 1 starts above 30 %
        Calculation c = calculate(inputs("6000000.00", "4800000.00"), p, OK);
        assertEquals(yuan("300000.00"), c.amount());
        assertEquals("增长率 0 ≤ 25.00% ≤ 30%，适用比例 5%", c.steps().get(1).zh());
        assertEquals(List.of("RD_BELOW_MINIMUM"), codes(calculate(inputs("5999999.99", "4800000.00"), p, OK)));
    }

    @Test
    void theExplanationSaysWhereEachFigureCameFrom() {
        KindInputs.RdInvestment in = new KindInputs.RdInvestment(yuan("5200000.00"), yuan("5000000.00"), yuan("4000000.00"),
                yuan("100000000.00"), 2, 1, 30, 100, Map.of("rdExpenseStat", KindInputs.FigureSource.VERIFIED,
                "rdExpenseTax", KindInputs.FigureSource.IMPORTED));
        Calculation c = calculate(in);
        assertEquals("数据来源：研发费用（加计扣除口径）取自部门数据，研发费用（统计口径）取自机构核定", c.steps().get(0).zh());
        assertEquals("Where the figures come from: R&D expense (tax super-deduction base): imported from the tax and "
                + "statistics bureaus, R&D expense (statistics report): verified by the agency", c.steps().get(0).en());
        assertEquals(yuan("300000.00"), c.amount());
    }

    /** The sources step is written once per combination met (Explanation): each combination still says its own. */
    @Test
    void eachCombinationOfSourcesIsSaidAsItIs() {
        Map<String, KindInputs.FigureSource> verifiedStat = Map.of("rdExpenseStat", KindInputs.FigureSource.VERIFIED,
                "rdExpenseTax", KindInputs.FigureSource.IMPORTED);
        Map<String, KindInputs.FigureSource> verifiedTax = Map.of("rdExpenseStat", KindInputs.FigureSource.IMPORTED,
                "rdExpenseTax", KindInputs.FigureSource.VERIFIED);
        for (int round = 0; round < 2; round++) {
            for (Map<String, KindInputs.FigureSource> sources : List.of(verifiedStat, verifiedTax,
                    Map.<String, KindInputs.FigureSource>of())) {
                Calculation c = calculate(new KindInputs.RdInvestment(yuan("5200000.00"), yuan("5000000.00"),
                        yuan("4000000.00"), yuan("100000000.00"), 2, 1, 30, 100, new java.util.HashMap<>(sources)));
                String first = c.steps().get(0).zh();
                if (sources.isEmpty()) {
                    assertFalse(first.startsWith("数据来源"), first);
                } else {
                    assertEquals(sources == verifiedStat
                            ? "数据来源：研发费用（加计扣除口径）取自部门数据，研发费用（统计口径）取自机构核定"
                            : "数据来源：研发费用（加计扣除口径）取自机构核定，研发费用（统计口径）取自部门数据", first);
                }
            }
        }
    }

    static KindInputs.RdInvestment counts(int patents, int applications, int rdStaff, int totalStaff) {
        return new KindInputs.RdInvestment(yuan("5000000.00"), yuan("5000000.00"), yuan("4000000.00"), yuan("100000000.00"),
                patents, applications, rdStaff, totalStaff, Map.of());
    }

    /** Impossible counts are refused as the declaration check refuses them: never an amount (0 of 0 staff was 300,000). */
    @ParameterizedTest(name = "patents {0} applications {1} staff {2} of {3}: {4}")
    @CsvSource({
            "1, 1, 0, 0, RD_STAFF_COUNTS",
            "1, 1, 11, 10, RD_STAFF_COUNTS",
            "1, 1, -1, 10, RD_STAFF_COUNTS",
            "1, 1, 5, -10, RD_STAFF_COUNTS",
            "-1, 1, 10, 10, RD_PATENT_COUNTS",
            "1, -1, 10, 10, RD_PATENT_COUNTS",
            "-3, -2, 0, 0, RD_PATENT_COUNTS RD_STAFF_COUNTS",
    })
    void impossibleCountsAreRefused(int patents, int applications, int rdStaff, int totalStaff, String expected) {
        RuleParameters lenient = DEFAULTS.with(RuleParameter.MIN_VALID_INVENTION_PATENTS, BigDecimal.ZERO)
                .with(RuleParameter.MIN_INVENTION_APPLICATIONS, BigDecimal.ZERO)
                .with(RuleParameter.MIN_RD_STAFF_SHARE, BigDecimal.ZERO);
        for (RuleParameters p : List.of(DEFAULTS, lenient)) {
            Calculation c = calculate(counts(patents, applications, rdStaff, totalStaff), p, OK);
            assertFalse(c.eligible());
            assertEquals(List.of(expected.split(" ")), codes(c));
            assertEquals(Money.ZERO, c.amount());
        }
    }

    @Test
    void allStaffInRdIsPossible() {
        assertTrue(calculate(counts(1, 1, 10, 10)).eligible());
    }

    @Test
    void theCountsReasonsSayWhatIsWrong() {
        Calculation c = calculate(counts(-1, 1, 11, 10));
        assertEquals("Impossible staff counts: 11 R&D staff of 10 total staff (total staff above 0, R&D staff from 0 to the "
                + "total): not eligible.", c.reasons().get(1).en());
        assertEquals("专利数不合理：有效发明专利 -1 件、发明专利申请 1 件（不能为负数），不予补助。", c.reasons().get(0).zh());
    }

    /** A new enterprise has no Y−1 figure: the top band, as for E0 = 0 (not a NullPointerException). */
    @Test
    void noFigureForTheYearBeforeIsTheTopBand() {
        Calculation c = calculate(new KindInputs.RdInvestment(yuan("2000000.00"), yuan("2000000.00"), null,
                yuan("20000000.00"), 1, 1, 10, 100, Map.of()));
        assertTrue(c.eligible(), () -> codes(c).toString());
        assertEquals(yuan("120000.00"), c.amount());
        assertEquals("没有上年研发费用记录（新企业），与上年为 0 同样按最高档，适用比例 6%", c.steps().get(1).zh());
    }
}
