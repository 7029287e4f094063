package org.innofund.subsidy.application;

import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.CallSteps;
import org.innofund.subsidy.domain.SandboxComparison;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calculation a run and the sandbox share, over one gathering: each candidate by its kind's rules with the
 * blacklist and the year's other approvals, then the call-level steps with the parameters and budget given.
 */
class GatheredTest {

    static final RuleParameters DEFAULTS = RuleParameters.defaults(SubsidyKind.RD_INVESTMENT);
    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    static Money yuan(String s) {
        return Money.of(new BigDecimal(s));
    }

    /** E_tax = E_stat = e1, prior year e0, otherwise eligible (revenue 10 × e1, 1 patent, 1 application, 10 of 100 staff). */
    static InputSource.Candidate candidate(long id, String e1, String e0) {
        return new InputSource.Candidate(id, "USCC" + id, null, T0.plusSeconds(id), new KindInputs.RdInvestment(yuan(e1),
                yuan(e1), yuan(e0), Money.of(yuan(e1).amount().multiply(BigDecimal.TEN)), 1, 1, 10, 100, Map.of()),
                "declaration:" + id);
    }

    static Gathered gathered(Set<String> blacklisted, Map<String, Money> elsewhere, InputSource.Candidate... candidates) {
        return new Gathered(SubsidyKind.RD_INVESTMENT, 2025, LocalDate.of(2026, 3, 1), List.of(candidates), blacklisted,
                elsewhere, Map.of(), Map.of(1L, "甲公司"));
    }

    static List<Money> amounts(CallSteps.Outcome o) {
        return o.lines().stream().map(CallSteps.Line::amount).toList();
    }

    @Test
    void aChangedRateGivesTheNewAmountsOverTheSameGathering() {
        // growth 25 % (band 1): 6 % × 5,000,000 = 300,000; at 7 %: 350,000. Growth 5 % (band 2, 5 %): unchanged.
        Gathered g = gathered(Set.of(), Map.of(), candidate(1, "5000000.00", "4000000.00"),
                candidate(2, "4200000.00", "4000000.00"));
        Money budget = yuan("10000000.00");
        CallSteps.Outcome before = g.calculate(DEFAULTS, budget);
        CallSteps.Outcome after = g.calculate(DEFAULTS.with("band1.rate", new BigDecimal("0.07")), budget);
        assertEquals(List.of(yuan("300000.00"), yuan("210000.00")), amounts(before));
        assertEquals(List.of(yuan("350000.00"), yuan("210000.00")), amounts(after));
        SandboxComparison c = SandboxComparison.of(before, budget, after, budget,
                g.candidates().stream().map(g::name).toList());
        assertEquals(yuan("510000.00"), c.current().total());
        assertEquals(yuan("560000.00"), c.proposed().total());
        assertEquals(new BigDecimal("50000.00"), c.lines().get(0).difference());
        assertEquals("甲公司", c.lines().get(0).name());
        assertEquals("USCC2", c.lines().get(1).name());
    }

    @Test
    void aHigherMinimumExpenseLosesEligibilityAndALowerOneGainsIt() {
        Gathered g = gathered(Set.of(), Map.of(), candidate(1, "2100000.00", "2000000.00"),
                candidate(2, "1900000.00", "1800000.00"));
        Money budget = yuan("10000000.00");
        CallSteps.Outcome before = g.calculate(DEFAULTS, budget);
        CallSteps.Outcome higher = g.calculate(DEFAULTS.with("minExpense", new BigDecimal("2500000.00")), budget);
        CallSteps.Outcome lower = g.calculate(DEFAULTS.with("minExpense", new BigDecimal("1500000.00")), budget);
        List<String> names = g.candidates().stream().map(g::name).toList();
        SandboxComparison up = SandboxComparison.of(before, budget, higher, budget, names);
        SandboxComparison down = SandboxComparison.of(before, budget, lower, budget, names);
        assertEquals(Map.of(SandboxComparison.Change.GAINED, 0, SandboxComparison.Change.LOST, 1,
                SandboxComparison.Change.MORE, 0, SandboxComparison.Change.LESS, 0, SandboxComparison.Change.SAME, 1), up.counts());
        assertEquals(Map.of(SandboxComparison.Change.GAINED, 1, SandboxComparison.Change.LOST, 0,
                SandboxComparison.Change.MORE, 0, SandboxComparison.Change.LESS, 0, SandboxComparison.Change.SAME, 1), down.counts());
        // 1,900,000 growing 5.56 % (band 2, 5 %) = 95,000.00
        assertEquals(yuan("95000.00"), down.lines().get(0).proposedAmount());
    }

    @Test
    void theBlacklistAndTheYearsOtherApprovalsApplyOnBothSides() {
        Gathered g = gathered(Set.of("USCC2"), Map.of("USCC1", yuan("4900000.00")),
                candidate(1, "5000000.00", "4000000.00"), candidate(2, "5000000.00", "4000000.00"));
        CallSteps.Outcome o = g.calculate(DEFAULTS.with("band1.rate", new BigDecimal("0.07")), yuan("10000000.00"));
        assertEquals(List.of(yuan("100000.00"), Money.ZERO), amounts(o), "5,000,000 year cap less 4,900,000 elsewhere");
        assertTrue(o.lines().get(0).calculation().eligible());
        assertFalse(o.lines().get(1).calculation().eligible());
    }

    @Test
    void theBudgetGivenIsTheOneProRataUses() {
        Gathered g = gathered(Set.of(), Map.of(), candidate(1, "5000000.00", "4000000.00"),
                candidate(2, "5000000.00", "4000000.00"));
        CallSteps.Outcome o = g.calculate(DEFAULTS, yuan("300000.00"));
        assertEquals(List.of(yuan("150000.00"), yuan("150000.00")), amounts(o));
        assertEquals(yuan("600000.00"), o.demand());
    }
}
