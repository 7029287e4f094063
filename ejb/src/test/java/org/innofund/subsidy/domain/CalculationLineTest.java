package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.declaration.domain.kind.KindInputs.FigureSource;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line keeps what it used and said: its inputs of every kind and its explanation read back as they were written. */
class CalculationLineTest {

    private static final List<Calculation.Reason> REASONS = List.of(new Calculation.Reason("RD_INTENSITY",
            "研发投入强度 2.99% 低于 3%", "R&D intensity 2.99% is below 3%"));
    private static final List<Calculation.Step> STEPS = List.of(
            new Calculation.Step("研发费用取低值 E1=min(5,200,000.00, 5,000,000.00)=5,000,000.00",
                    "The lower R&D expense E1 = min(5,200,000.00, 5,000,000.00) = 5,000,000.00"),
            new Calculation.Step("按比例核减 × 0.6666666666 = 199,999.99", "Pro-rata × 0.6666666666 = 199,999.99"));

    private static CalculationLine line(KindInputs inputs, long enterpriseId, Money kindAmount, Money amount, Money recovery) {
        Calculation kindResult = new Calculation(inputs.kind(), true, true, kindAmount, recovery, REASONS, List.of());
        CallSteps.Entry entry = new CallSteps.Entry(enterpriseId, "91330200MA2AAAAA1X", null,
                Instant.parse("2026-04-01T02:00:00Z"), kindResult, Money.ZERO, Money.ZERO);
        Calculation withSteps = new Calculation(inputs.kind(), true, true, amount, recovery, REASONS, STEPS);
        return new CalculationLine(7L, 3, new CallSteps.Line(entry, amount, withSteps), inputs, "宁波甲科技有限公司",
                "declaration:12");
    }

    @Test
    void everyKindsInputsReadBackEqual() {
        List<KindInputs> all = List.of(
                new KindInputs.PreApproved(Money.parse("500000.00"), Grade.GOOD, Money.parse("1200000.00"), Money.ZERO,
                        Map.of("grade", FigureSource.PROJECT)),
                new KindInputs.PreApproved(Money.parse("500000.00"), null, null, Money.ZERO, Map.of()),
                new KindInputs.RdInvestment(Money.parse("5200000.00"), null, Money.parse("4000000.00"),
                        Money.parse("100000000.00"), 3, 2, 30, 200, Map.of("rdExpenseTax", FigureSource.VERIFIED)),
                new KindInputs.Reward(List.of(new KindInputs.AchievementClaim(Achievement.HIGH_TECH_NEW, "GR1",
                        LocalDate.of(2026, 3, 1))), true, Map.of("achievements", FigureSource.DECLARED)),
                new KindInputs.SharedService(true, Money.parse("30000.00"), List.of(new KindInputs.ServiceClaim("91330200MA2BBBBB2Y", "INV-1",
                        LocalDate.of(2026, 6, 1), Money.parse("10000.50"), true, false, false, true)), Map.of()));
        for (KindInputs inputs : all) {
            assertEquals(inputs, line(inputs, 5, Money.parse("300000.00"), Money.parse("199999.99"), null)
                    .inputs(inputs.kind()), inputs.kind().name());
        }
    }

    @Test
    void theExplanationAndAmountsAreWhatTheStepsCameTo() {
        KindInputs inputs = new KindInputs.PreApproved(Money.parse("500000.00"), Grade.FAIL, Money.parse("1.00"),
                Money.ZERO, Map.of());
        CalculationLine l = line(inputs, 5, Money.parse("300000.00"), Money.parse("199999.99"), Money.parse("20.00"));
        assertEquals(REASONS, l.reasons());
        assertEquals(STEPS, l.steps());
        assertEquals(Money.parse("300000.00"), l.getKindAmount());
        assertEquals(Money.parse("199999.99"), l.getAmount());
        assertEquals(Money.parse("20.00"), l.getRecovery());
        assertEquals(5L, l.getEnterpriseId());
        assertEquals("宁波甲科技有限公司", l.getName());
        assertTrue(l.isEligible());
        assertTrue(l.isComputable());
        assertEquals(new CalculationLine.Key(7L, 3), new CalculationLine.Key(l.getRunId(), l.getPosition()));
    }

    @Test
    void anUnregisteredEnterpriseHasNoIdAndItsUsccAsNameAndNoRecoveryIsZero() {
        KindInputs inputs = new KindInputs.Reward(List.of(), false, Map.of());
        Calculation none = new Calculation(SubsidyKind.REWARD, true, false, Money.ZERO, null, REASONS, List.of());
        CallSteps.Entry entry = new CallSteps.Entry(0, "91330200MA2AAAAA1X", null, null, none, Money.ZERO, Money.ZERO);
        CalculationLine l = new CalculationLine(7L, 0, new CallSteps.Line(entry, Money.ZERO, none), inputs, null, "import:1");
        assertNull(l.getEnterpriseId());
        assertEquals("91330200MA2AAAAA1X", l.getName());
        assertEquals(Money.ZERO, l.getRecovery());
        assertFalse(l.isEligible());
    }

    /** A SHARED_SERVICE line stored before the other voucher calls' amount was carried reads it as 0: the same amount. */
    @Test
    void aVoucherLineStoredBeforeTheOtherCallsWereCarriedReadsThemAsNone() {
        KindInputs read = LineJson.inputs("{\"firstYear\":true,\"records\":[],\"sources\":{}}", SubsidyKind.SHARED_SERVICE);
        assertEquals(new KindInputs.SharedService(true, Money.ZERO, List.of(), Map.of()), read);
    }
}
