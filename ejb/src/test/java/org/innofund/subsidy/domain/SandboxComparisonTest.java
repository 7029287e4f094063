package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.innofund.subsidy.domain.CallStepsTest.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The policy sandbox's comparison: changes per enterprise, the order, the counts, both totals and the buckets. */
class SandboxComparisonTest {

    static final Money YEAR_CAP = yuan("5000000.00");

    /** A kind result: "-" not eligible (amount 0), else eligible with that amount. */
    static CallSteps.Entry entry(long id, String amount) {
        boolean eligible = !amount.equals("-");
        Calculation c = new Calculation(SubsidyKind.RD_INVESTMENT, true, eligible, eligible ? yuan(amount) : Money.ZERO,
                Money.ZERO, eligible ? List.of() : List.of(new Calculation.Reason("RD_MIN_EXPENSE", "不足", "too low")),
                List.of());
        return new CallSteps.Entry(id, "USCC" + id, null, CallStepsTest.T0.plusSeconds(id), c, Money.ZERO, Money.ZERO);
    }

    static CallSteps.Outcome outcome(String budget, String... amounts) {
        List<CallSteps.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            entries.add(entry(i + 1, amounts[i]));
        }
        return CallSteps.apply(entries, new CallSteps.Parameters(YEAR_CAP, null, yuan(budget)));
    }

    static SandboxComparison compare(String budgetBefore, String[] before, String budgetAfter, String... after) {
        return SandboxComparison.of(outcome(budgetBefore, before), yuan(budgetBefore), outcome(budgetAfter, after),
                yuan(budgetAfter), Arrays.asList(new String[before.length]));
    }

    static SandboxComparison.Line at(SandboxComparison c, int position) {
        return c.lines().stream().filter(l -> l.position() == position).findFirst().orElseThrow();
    }

    @Test
    void eachEnterpriseGainsLosesGetsMoreLessOrTheSame() {
        SandboxComparison c = compare("9000000.00", new String[]{"-", "100000.00", "200000.00", "300000.00", "50000.00", "-"},
                "9000000.00", "120000.00", "-", "250000.00", "240000.00", "50000.00", "-");
        assertEquals(SandboxComparison.Change.GAINED, at(c, 0).change());
        assertEquals(SandboxComparison.Change.LOST, at(c, 1).change());
        assertEquals(SandboxComparison.Change.MORE, at(c, 2).change());
        assertEquals(SandboxComparison.Change.LESS, at(c, 3).change());
        assertEquals(SandboxComparison.Change.SAME, at(c, 4).change());
        assertEquals(SandboxComparison.Change.SAME, at(c, 5).change(), "not eligible either way");
        assertEquals(new BigDecimal("120000.00"), at(c, 0).difference());
        assertEquals(new BigDecimal("-100000.00"), at(c, 1).difference());
        assertEquals(new BigDecimal("-60000.00"), at(c, 3).difference());
        assertEquals(new BigDecimal("0.00"), at(c, 4).difference());
        assertEquals(yuan("100000.00"), at(c, 1).currentAmount());
        assertEquals(Money.ZERO, at(c, 1).proposedAmount());
        assertEquals(Map.of(SandboxComparison.Change.GAINED, 1, SandboxComparison.Change.LOST, 1,
                SandboxComparison.Change.MORE, 1, SandboxComparison.Change.LESS, 1, SandboxComparison.Change.SAME, 2),
                c.counts());
        assertEquals(4, c.current().eligible());
        assertEquals(4, c.proposed().eligible());
        assertEquals("USCC1", at(c, 0).name(), "an enterprise without a registered name shows its USCC");
    }

    @Test
    void theMostAffectedComeFirstThenTheRunsOrder() {
        SandboxComparison c = compare("9000000.00", new String[]{"100.00", "100.00", "500.00", "100.00"},
                "9000000.00", "100.00", "300.00", "100.00", "100.00");
        assertEquals(List.of(2, 1, 0, 3), c.lines().stream().map(SandboxComparison.Line::position).toList(),
                "|−400| before |+200|, then the unchanged in position order");
    }

    @Test
    void filteringKeepsTheOrderAndNoFilterIsAll() {
        SandboxComparison c = compare("9000000.00", new String[]{"-", "100.00", "200.00"}, "9000000.00", "10.00", "-", "200.00");
        assertEquals(List.of(1, 0), c.linesWith(EnumSet.of(SandboxComparison.Change.GAINED, SandboxComparison.Change.LOST))
                .stream().map(SandboxComparison.Line::position).toList());
        assertEquals(3, c.linesWith(List.of()).size());
        assertEquals(3, c.linesWith(null).size());
    }

    @Test
    void aSmallerBudgetBringsProRataOnTheProposedSideOnly() {
        SandboxComparison c = compare("1000.00", new String[]{"300.00", "300.00", "400.00"}, "999.99",
                "300.00", "300.00", "400.00");
        assertEquals(yuan("1000.00"), c.current().total());
        assertNull(c.current().factor());
        assertNull(c.current().leftover());
        assertEquals(yuan("999.99"), c.proposed().budget());
        assertEquals(yuan("1000.00"), c.proposed().demand());
        assertEquals(new BigDecimal("0.9999900000"), c.proposed().factor());
        // 300 × 999.99 ÷ 1000 = 299.997 → 299.99 (down), twice; 400 → 399.996 → 399.99: 999.97, leftover 0.02
        assertEquals(yuan("999.97"), c.proposed().total());
        assertEquals(yuan("0.02"), c.proposed().leftover());
        assertEquals(new BigDecimal("-0.01"), at(c, 2).difference());
        assertEquals(SandboxComparison.Change.LESS, at(c, 0).change());
    }

    @Test
    void theBucketsAreTheSameForBothSidesAndAnAmountOnAnUpperBoundIsInThatBucket() {
        // largest 1,000.00 → width 100.00 (10 buckets); 100.00 is in (0, 100], 100.01 in (100, 200]
        SandboxComparison c = compare("9000000.00", new String[]{"-", "100.00", "100.01", "1000.00"},
                "9000000.00", "0.01", "-", "999.99", "1000.00");
        List<SandboxComparison.Bucket> b = c.buckets();
        assertEquals(11, b.size());
        assertEquals(new SandboxComparison.Bucket(Money.ZERO, Money.ZERO, 1, 1), b.get(0));
        assertEquals(new SandboxComparison.Bucket(Money.ZERO, yuan("100.00"), 1, 1), b.get(1));
        assertEquals(new SandboxComparison.Bucket(yuan("100.00"), yuan("200.00"), 1, 0), b.get(2));
        assertEquals(new SandboxComparison.Bucket(yuan("900.00"), yuan("1000.00"), 1, 2), b.get(10));
        assertEquals(4, b.stream().mapToInt(SandboxComparison.Bucket::current).sum());
        assertEquals(4, b.stream().mapToInt(SandboxComparison.Bucket::proposed).sum());
    }

    @Test
    void nothingPaidOnEitherSideIsOneBucket() {
        SandboxComparison c = compare("9000000.00", new String[]{"-", "-"}, "9000000.00", "-", "-");
        assertEquals(List.of(new SandboxComparison.Bucket(Money.ZERO, Money.ZERO, 2, 2)), c.buckets());
    }

    @ParameterizedTest(name = "largest {0} fen: width {1} fen")
    @CsvSource({"1, 1", "10, 1", "11, 2", "20, 2", "21, 5", "50, 5", "51, 10", "100000000, 10000000",
            "100000001, 20000000", "30000000000, 5000000000"})
    void theWidthIsOneTwoOrFiveTimesAPowerOfTen(long largest, long width) {
        assertEquals(width, SandboxComparison.width(largest));
    }

    @Test
    void theTwoCalculationsMustBeOfTheSameCandidates() {
        assertThrows(IllegalArgumentException.class, () -> SandboxComparison.of(outcome("1.00", "1.00"), yuan("1.00"),
                outcome("1.00", "1.00", "1.00"), yuan("1.00"), Arrays.asList(null, null)));
    }
}
