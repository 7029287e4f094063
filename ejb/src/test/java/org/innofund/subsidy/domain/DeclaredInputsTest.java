package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.declaration.domain.kind.KindInputs.FigureSource;
import org.innofund.evaluation.domain.Conclusion;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclaredInputsTest {

    private static final DeclarationContent.RdFiguresData DECLARED = new DeclarationContent.RdFiguresData(
            new BigDecimal("5200000.00"), new BigDecimal("5000000.00"), new BigDecimal("4000000.00"),
            new BigDecimal("100000000.00"), 3, 2, 30, 200);

    private static final Map<String, FigureSource> ALL_DECLARED = Map.of("rdExpenseTax", FigureSource.DECLARED,
            "rdExpenseStat", FigureSource.DECLARED, "rdExpensePrevYear", FigureSource.DECLARED,
            "revenue", FigureSource.DECLARED, "inventionPatents", FigureSource.DECLARED,
            "inventionApplications", FigureSource.DECLARED, "rdStaff", FigureSource.DECLARED,
            "totalStaff", FigureSource.DECLARED);

    @Test
    void withoutVerificationEveryFigureIsTheDeclaredOne() {
        KindInputs.RdInvestment in = DeclaredInputs.rdInvestment(DECLARED, null);
        assertEquals(Money.parse("5200000.00"), in.rdExpenseTax());
        assertEquals(Money.parse("5000000.00"), in.rdExpenseStat());
        assertEquals(Money.parse("4000000.00"), in.rdExpensePrevYear());
        assertEquals(Money.parse("100000000.00"), in.revenue());
        assertEquals(3, in.inventionPatents());
        assertEquals(2, in.inventionApplications());
        assertEquals(30, in.rdStaff());
        assertEquals(200, in.totalStaff());
        assertEquals(ALL_DECLARED, in.sources());
    }

    @Test
    void aCorrectedFigureReplacesTheDeclaredOneAndSaysSo() {
        Conclusion.VerifiedFigures v = new Conclusion.VerifiedFigures(new BigDecimal("4800000.00"), null, null, null,
                1, null, 25, null);
        KindInputs.RdInvestment in = DeclaredInputs.rdInvestment(DECLARED, v);
        assertEquals(Money.parse("4800000.00"), in.rdExpenseTax());
        assertEquals(FigureSource.VERIFIED, in.sources().get("rdExpenseTax"));
        assertEquals(1, in.inventionPatents());
        assertEquals(FigureSource.VERIFIED, in.sources().get("inventionPatents"));
        assertEquals(25, in.rdStaff());
        assertEquals(FigureSource.VERIFIED, in.sources().get("rdStaff"));
        assertEquals(Money.parse("5000000.00"), in.rdExpenseStat());
        assertEquals(FigureSource.DECLARED, in.sources().get("rdExpenseStat"));
        assertEquals(200, in.totalStaff());
        assertEquals(FigureSource.DECLARED, in.sources().get("totalStaff"));
    }

    @Test
    void aVerifiedFigureEqualToTheDeclaredOneLeavesItDeclared() {
        Conclusion.VerifiedFigures same = new Conclusion.VerifiedFigures(new BigDecimal("5200000"),
                new BigDecimal("5000000.00"), new BigDecimal("4000000.00"), new BigDecimal("100000000.00"), 3, 2, 30, 200);
        KindInputs.RdInvestment in = DeclaredInputs.rdInvestment(DECLARED, same);
        assertEquals(ALL_DECLARED, in.sources());
        assertEquals(Money.parse("5200000.00"), in.rdExpenseTax());
    }

    @Test
    void noStatisticsFigureStaysMissingUnlessTheAgencyGaveOne() {
        DeclarationContent.RdFiguresData noStat = new DeclarationContent.RdFiguresData(new BigDecimal("5200000.00"), null,
                new BigDecimal("4000000.00"), new BigDecimal("100000000.00"), 3, 2, 30, 200);
        assertNull(DeclaredInputs.rdInvestment(noStat, null).rdExpenseStat());
        KindInputs.RdInvestment verified = DeclaredInputs.rdInvestment(noStat, new Conclusion.VerifiedFigures(null,
                new BigDecimal("4900000.00"), null, null, null, null, null, null));
        assertEquals(Money.parse("4900000.00"), verified.rdExpenseStat());
        assertEquals(FigureSource.VERIFIED, verified.sources().get("rdExpenseStat"));
    }

    @Test
    void missingCountsAndAmountsAreZero() {
        KindInputs.RdInvestment in = DeclaredInputs.rdInvestment(null, null);
        assertEquals(Money.ZERO, in.rdExpenseTax());
        assertNull(in.rdExpenseStat());
        assertEquals(0, in.inventionPatents());
        assertEquals(0, in.totalStaff());
    }

    @Test
    void aRewardTakesTheDeclaredAchievementsInOrderAndWhetherHighTechNewWasPaid() {
        List<DeclarationContent.AchievementData> declared = List.of(
                new DeclarationContent.AchievementData(Achievement.HIGH_TECH_NEW, "GR202633000123", LocalDate.of(2026, 3, 1)),
                new DeclarationContent.AchievementData(Achievement.TECH_SME, "TS-9", LocalDate.of(2026, 5, 2)));
        KindInputs.Reward in = DeclaredInputs.reward(declared, true);
        assertEquals(List.of(new KindInputs.AchievementClaim(Achievement.HIGH_TECH_NEW, "GR202633000123",
                        LocalDate.of(2026, 3, 1)), new KindInputs.AchievementClaim(Achievement.TECH_SME, "TS-9",
                        LocalDate.of(2026, 5, 2))), in.achievements());
        assertTrue(in.highTechNewPaidBefore());
        assertFalse(DeclaredInputs.reward(declared, false).highTechNewPaidBefore());
        assertEquals(FigureSource.DECLARED, in.sources().get("achievements"));
    }
}
