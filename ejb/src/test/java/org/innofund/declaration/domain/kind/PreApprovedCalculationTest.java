package org.innofund.declaration.domain.kind;

import org.innofund.program.domain.Grade;
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

import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.OK;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.calculate;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.codes;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.yuan;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.zh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SUBSIDY-RULES.md kind 1: due by grade and by audited spend, the balance paid or recovered. */
class PreApprovedCalculationTest {

    static final RuleParameters DEFAULTS = RuleParameters.defaults(SubsidyKind.PRE_APPROVED);

    static Calculation pre(String a, Grade g, String s, String p) {
        return calculate(new KindInputs.PreApproved(yuan(a), g, yuan(s), yuan(p), Map.of()), DEFAULTS, OK);
    }

    @ParameterizedTest(name = "A {0} {1} S {2} P {3}: amount {4} recovery {5}")
    @CsvSource({
            // by grade lower than 30 % of spend
            "1000000.00, EXCELLENT, 5000000.00, 0.00, 1000000.00, 0.00",
            "1000000.00, GOOD, 5000000.00, 300000.00, 600000.00, 0.00",
            "1000000.00, PASS, 5000000.00, 0.00, 700000.00, 0.00",
            // 30 % of spend lower: 0.30 × 2,000,000 = 600,000
            "1000000.00, EXCELLENT, 2000000.00, 0.00, 600000.00, 0.00",
            // both exactly equal
            "600000.00, EXCELLENT, 2000000.00, 0.00, 600000.00, 0.00",
            // advances exactly the due: nothing more, nothing back
            "1000000.00, GOOD, 5000000.00, 900000.00, 0.00, 0.00",
            // advances above the due: a recovery instead of a payment
            "1000000.00, PASS, 5000000.00, 800000.00, 0.00, 100000.00",
            // FAIL with advances paid: everything paid comes back
            "1000000.00, FAIL, 5000000.00, 400000.00, 0.00, 400000.00",
            "1000000.00, FAIL, 5000000.00, 0.00, 0.00, 0.00",
            // HALF_UP at half a fen: 0.90 × 0.05 = 0.045 → 0.05; 0.30 × 0.15 = 0.045 → 0.05
            "0.05, GOOD, 100.00, 0.00, 0.05, 0.00",
            "100.00, EXCELLENT, 0.15, 0.00, 0.05, 0.00",
            // 0.70 × 0.07 = 0.049 → 0.05; 0.70 × 0.06 = 0.042 → 0.04
            "0.07, PASS, 100.00, 0.00, 0.05, 0.00",
            "0.06, PASS, 100.00, 0.00, 0.04, 0.00",
    })
    void dueAndBalance(String a, Grade g, String s, String p, String amount, String recovery) {
        Calculation c = pre(a, g, s, p);
        assertTrue(c.computable());
        assertTrue(c.eligible());
        assertEquals(List.of(), c.reasons());
        assertEquals(yuan(amount), c.amount());
        assertEquals(yuan(recovery), c.recovery());
    }

    @Test
    void theExplanationOfARecovery() {
        Calculation c = pre("1000000.00", Grade.FAIL, "5000000.00", "400000.00");
        assertEquals("验收等级不合格，系数 0.00：1,000,000.00 × 0.00 = 0.00；审计确认的实际投入 5,000,000.00 × 30% = 1,500,000.00；"
                + "应补助额取低值 min(0.00, 1,500,000.00) = 0.00；已拨付 400,000.00 超过应补助额 0.00，追回 400,000.00，不再拨付", zh(c));
        assertEquals("Acceptance grade fail, factor 0.00: 1,000,000.00 × 0.00 = 0.00", c.steps().get(0).en());
    }

    @Test
    void theExplanationOfAPayment() {
        Calculation c = pre("1000000.00", Grade.GOOD, "5000000.00", "300000.00");
        assertEquals("扣除已拨付 300,000.00：900,000.00 − 300,000.00 = 600,000.00，拨付 600,000.00",
                c.steps().get(c.steps().size() - 1).zh());
    }

    @Test
    void withoutAcceptanceItIsNotComputable() {
        Calculation c = pre("1000000.00", null, "5000000.00", "300000.00");
        assertFalse(c.computable());
        assertFalse(c.eligible());
        assertEquals(List.of("PRE_APPROVED_NO_ACCEPTANCE"), codes(c));
        assertEquals("The project has no acceptance evaluation yet: it cannot be calculated.", c.reasons().get(0).en());
        assertEquals(Money.ZERO, c.amount());
        assertEquals(Money.ZERO, c.recovery());
    }

    @Test
    void aBlacklistedEnterpriseGetsNothing() {
        Calculation c = calculate(new KindInputs.PreApproved(yuan("1000000.00"), Grade.EXCELLENT, yuan("5000000.00"),
                yuan("0.00"), Map.of()), DEFAULTS, new CalculationContext(2025, null, null, LocalDate.of(2026, 1, 5), true, true));
        assertFalse(c.eligible());
        assertEquals(List.of("BLACKLISTED"), codes(c));
        assertEquals(Money.ZERO, c.amount());
    }

    @Test
    void theCallsFactorsAndShareAreUsed() {
        RuleParameters p = DEFAULTS.with(RuleParameter.FACTOR_GOOD, new BigDecimal("0.85"))
                .with(RuleParameter.MAX_SHARE_OF_SPEND, new BigDecimal("0.50"));
        Calculation c = calculate(new KindInputs.PreApproved(yuan("1000000.00"), Grade.GOOD, yuan("1600000.00"), yuan("0.00"),
                Map.of("grade", KindInputs.FigureSource.PROJECT)), p, OK);
        assertEquals(yuan("800000.00"), c.amount());
        assertEquals("数据来源：验收等级取自项目记录", c.steps().get(0).zh());
    }
}
