package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.CalculationContext;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ISSUE-12's property: over random calls of every kind (random inputs, parameters, budgets, other calls' approvals,
 * controllers), the total never exceeds the budget, no amount is negative, every line's amount is at most its kind's
 * amount, and each line's kind result is the one a fresh {@link KindRules#calculate} gives for the same inputs and
 * parameters (the calculator's path): the call-level steps only ever append steps and lower the amount.
 * <p>
 * Seeded random calls in plain JUnit (repetition r uses seed {@code SEED + r}, so a failure is reproduced by its
 * repetition number); no property-testing library, one test dependency fewer.
 */
class CallStepsPropertyTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 15);

    private static final long SEED = 20251130L;

    @RepeatedTest(300)
    void aRunNeverExceedsItsBudgetAndEveryLineIsTheCalculatorsResult(RepetitionInfo repetition) {
        Random random = new Random(SEED + repetition.getCurrentRepetition());
        // a budget below the demand as often as above it: up to 30,000,000.00, or a few fen
        long budgetFen = random.nextBoolean() ? (long) (random.nextDouble() * 3_000_000_000L) : random.nextInt(1000);
        SubsidyKind kind = SubsidyKind.values()[random.nextInt(SubsidyKind.values().length)];
        RuleParameters parameters = parameters(kind, random);
        CalculationContext context = new CalculationContext(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 3, 1), random.nextInt(20) > 0, random.nextInt(20) == 0);
        int n = random.nextInt(40);
        List<KindInputs> inputs = new ArrayList<>();
        List<CallSteps.Entry> entries = new ArrayList<>();
        // what the year's other calls gave each controller's enterprises: now and then up to 800,000.00, beyond its cap
        Map<String, Money> controllerElsewhere = new HashMap<>();
        for (int c = 0; c < 4; c++) {
            controllerElsewhere.put("C" + c, Money.ofFen(random.nextInt(3) == 0 ? (long) (random.nextDouble() * 80_000_000L) : 0));
        }
        for (int i = 0; i < n; i++) {
            KindInputs in = inputs(kind, random);
            inputs.add(in);
            Calculation result = KindRules.of(kind).calculate(in, parameters, context);
            String controller = random.nextInt(3) == 0 ? null : "C" + random.nextInt(4);
            // now and then a second line of an earlier enterprise (several PRE_APPROVED projects of one enterprise)
            long enterprise = i > 0 && random.nextInt(4) == 0 ? random.nextInt(i) : i;
            entries.add(new CallSteps.Entry(enterprise, "U" + random.nextInt(1000), controller,
                    Instant.parse("2025-03-01T00:00:00Z").plusSeconds(random.nextInt(1000)), result,
                    Money.ofFen(random.nextInt(4) == 0 ? (long) (random.nextDouble() * 600_000_000L) : 0),
                    controller == null ? Money.ZERO : controllerElsewhere.get(controller)));
        }
        Money budget = Money.ofFen(budgetFen);
        Money yearCap = parameters.money(RuleParameter.ENTERPRISE_YEAR_CAP);
        Money controllerCap = kind == SubsidyKind.SHARED_SERVICE ? parameters.money(RuleParameter.CONTROLLER_CAP) : null;
        CallSteps.Outcome o = CallSteps.apply(entries, new CallSteps.Parameters(yearCap, controllerCap, budget));

        // an enterprise's lines together stay within what its yearly cap leaves; a controller's within its cap
        Map<Long, Money> byEnterprise = new HashMap<>();
        Map<Long, Money> elsewhere = new HashMap<>();
        Map<String, Money> byController = new HashMap<>();
        for (CallSteps.Line line : o.lines()) {
            byEnterprise.merge(line.entry().enterpriseId(), line.amount(), Money::plus);
            elsewhere.merge(line.entry().enterpriseId(), line.entry().approvedElsewhereThisYear(),
                    (a, b) -> a.compareTo(b) >= 0 ? a : b);
            if (line.entry().controller() != null) {
                byController.merge(line.entry().controller(), line.amount(), Money::plus);
            }
        }
        byEnterprise.forEach((id, sum) -> assertFalse(sum.plus(elsewhere.get(id)).isGreaterThan(yearCap)
                && !sum.isZero(), () -> "enterprise " + id + ": " + sum + " + " + elsewhere.get(id) + " > " + yearCap));
        if (controllerCap != null) {
            byController.forEach((c, sum) -> assertFalse(sum.plus(controllerElsewhere.get(c)).isGreaterThan(controllerCap)
                    && !sum.isZero(), () -> c + ": " + sum + " + " + controllerElsewhere.get(c)));
        }

        assertFalse(o.total().isGreaterThan(budget), () -> o.total() + " > " + budget);
        assertEquals(o.total(), Money.sum(o.lines().stream().map(CallSteps.Line::amount)));
        if (o.factor() != null) {
            assertEquals(budget, o.total().plus(o.leftover()));
            assertTrue(o.leftover().fen() < Math.max(1, n), "less than a fen per line is left over");
        } else {
            assertEquals(o.demand(), o.total());
        }
        for (int i = 0; i < n; i++) {
            CallSteps.Line line = o.lines().get(i);
            Calculation fresh = KindRules.of(kind).calculate(inputs.get(i), parameters, context);
            assertTrue(line.amount().amount().signum() >= 0);
            assertFalse(line.amount().isGreaterThan(fresh.amount()));
            assertEquals(line.amount(), line.calculation().amount());
            assertEquals(fresh.eligible(), line.calculation().eligible());
            assertEquals(fresh.computable(), line.calculation().computable());
            assertEquals(fresh.recovery(), line.calculation().recovery());
            assertEquals(fresh.reasons(), line.calculation().reasons());
            assertEquals(fresh.steps(), line.calculation().steps().subList(0, fresh.steps().size()));
            assertEquals(line.amount().equals(fresh.amount()), line.calculation().steps().size() == fresh.steps().size(),
                    "a step is added exactly when the amount changed");
            if (!fresh.eligible()) {
                assertEquals(Money.ZERO, line.amount());
            }
        }
    }

    private static RuleParameters parameters(SubsidyKind kind, Random random) {
        RuleParameters p = RuleParameters.defaults(kind);
        if (random.nextBoolean()) {
            p = p.with(RuleParameter.ENTERPRISE_YEAR_CAP, new BigDecimal(random.nextInt(6_000_000) + ".00"));
        }
        if (kind == SubsidyKind.RD_INVESTMENT && random.nextBoolean()) {
            p = p.with(RuleParameter.BAND1_RATE, BigDecimal.valueOf(random.nextInt(101), 2));
        }
        if (kind == SubsidyKind.SHARED_SERVICE && random.nextBoolean()) {
            p = p.with(RuleParameter.CONTROLLER_CAP, new BigDecimal(random.nextInt(700_000) + ".00"));
        }
        return p;
    }

    /** Figures around the thresholds as often as far from them. */
    private static Money money(Random random, long aroundFen) {
        long fen = switch (random.nextInt(3)) {
            case 0 -> aroundFen + random.nextInt(201) - 100;
            case 1 -> (long) (random.nextDouble() * aroundFen * 3);
            default -> random.nextInt(1_000_000);
        };
        return Money.ofFen(Math.max(0, fen));
    }

    private static KindInputs inputs(SubsidyKind kind, Random random) {
        return switch (kind) {
            case PRE_APPROVED -> new KindInputs.PreApproved(money(random, 100_000_000L),
                    random.nextInt(6) == 0 ? null : Grade.values()[random.nextInt(4)], money(random, 300_000_000L),
                    money(random, 50_000_000L), Map.of());
            case RD_INVESTMENT -> {
                Money e0 = money(random, 400_000_000L);
                yield new KindInputs.RdInvestment(money(random, 500_000_000L),
                        random.nextInt(10) == 0 ? null : money(random, 500_000_000L), random.nextInt(5) == 0 ? Money.ZERO : e0,
                        money(random, 10_000_000_000L), random.nextInt(3), random.nextInt(3), random.nextInt(30), 30 + random.nextInt(100),
                        Map.of());
            }
            case REWARD -> {
                List<KindInputs.AchievementClaim> claims = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    claims.add(new KindInputs.AchievementClaim(Achievement.values()[random.nextInt(Achievement.values().length)],
                            "C" + i, random.nextInt(8) == 0 ? DAY.minusYears(1) : DAY));
                }
                yield new KindInputs.Reward(claims, random.nextInt(4) == 0, Map.of());
            }
            case SHARED_SERVICE -> {
                List<KindInputs.ServiceClaim> records = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    records.add(new KindInputs.ServiceClaim("P" + random.nextInt(3), "F" + random.nextInt(8),
                            random.nextInt(8) == 0 ? DAY.plusYears(1) : DAY, money(random, 20_000_000L), random.nextInt(8) > 0,
                            random.nextBoolean(), random.nextInt(8) == 0, random.nextInt(8) == 0));
                }
                yield new KindInputs.SharedService(random.nextInt(3) == 0,
                        Money.ofFen(random.nextInt(3) == 0 ? (long) (random.nextDouble() * 30_000_000L) : 0), records, Map.of());
            }
        };
    }
}
