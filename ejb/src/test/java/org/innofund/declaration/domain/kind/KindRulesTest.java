package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.Achievement;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind's sections and typed parameters; its submission checks are tested through {@link SubmissionCheck} in
 * SubmissionCheckTest.
 */
class KindRulesTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Money yuan(String s) {
        return Money.of(d(s));
    }

    @ParameterizedTest
    @EnumSource(SubsidyKind.class)
    void everyKindHasItsOwnRules(SubsidyKind kind) {
        assertEquals(kind, KindRules.of(kind).kind());
        assertFalse(KindRules.of(kind).sections().isEmpty());
    }

    @Test
    void theSectionsOfEachKind() {
        assertEquals(Set.of(FormSection.PROJECT, FormSection.BUDGET), KindRules.of(SubsidyKind.PRE_APPROVED).sections());
        assertEquals(Set.of(FormSection.RD_FIGURES), KindRules.of(SubsidyKind.RD_INVESTMENT).sections());
        assertEquals(Set.of(FormSection.ACHIEVEMENTS), KindRules.of(SubsidyKind.REWARD).sections());
        assertEquals(Set.of(FormSection.SERVICE_RECORDS), KindRules.of(SubsidyKind.SHARED_SERVICE).sections());
        assertTrue(KindRules.of(SubsidyKind.PRE_APPROVED).shows(FormSection.BUDGET));
        assertFalse(KindRules.of(SubsidyKind.REWARD).shows(FormSection.BUDGET));
    }

    @Test
    void everySectionIsShownByOneKindOnly() {
        Set<FormSection> seen = EnumSet.noneOf(FormSection.class);
        for (KindRules rules : KindRules.ALL) {
            for (FormSection s : rules.sections()) {
                assertTrue(seen.add(s), s + " twice");
            }
        }
        assertEquals(EnumSet.allOf(FormSection.class), seen);
    }

    @Test
    void preApprovedParametersAreTheCallsFactorsAndShare() {
        RuleParameters p = RuleParameters.defaults(SubsidyKind.PRE_APPROVED).with("factor.GOOD", d("0.85"))
                .with("maxShareOfSpend", d("0.5"));
        assertEquals(new PreApprovedRules.Parameters(d("1.00"), d("0.85"), d("0.70"), d("0.00"), d("0.5")),
                PreApprovedRules.Parameters.of(p));
    }

    @Test
    void rdInvestmentParametersAreTyped() {
        RuleParameters p = RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).with("band2.cap", d("2500000"))
                .with("minInventionApplications", d("2"));
        RdInvestmentRules.Parameters typed = RdInvestmentRules.Parameters.of(p);
        assertEquals(new RdInvestmentRules.Parameters(yuan("2000000.00"), d("0.03"), 1, 2, d("0.10"), d("0.20"),
                new RdInvestmentRules.Band(d("0.06"), yuan("3000000.00")),
                new RdInvestmentRules.Band(d("0.05"), yuan("2500000.00")), d("-0.10"),
                new RdInvestmentRules.Band(d("0.03"), yuan("2000000.00"))), typed);
    }

    @Test
    void everyAchievementHasItsReward() {
        RuleParameters p = RuleParameters.defaults(SubsidyKind.REWARD).with("reward.SINGLE_CHAMPION", d("600000"));
        Map<Achievement, Money> rewards = RewardRules.Parameters.of(p).rewards();
        assertEquals(EnumSet.allOf(Achievement.class), rewards.keySet());
        assertEquals(yuan("50000.00"), rewards.get(Achievement.TECH_SME));
        assertEquals(yuan("200000.00"), rewards.get(Achievement.HIGH_TECH_NEW));
        assertEquals(yuan("100000.00"), rewards.get(Achievement.HIGH_TECH_RENEWED));
        assertEquals(yuan("100000.00"), rewards.get(Achievement.MUNICIPAL_RD_CENTER));
        assertEquals(yuan("300000.00"), rewards.get(Achievement.PROVINCIAL_RD_CENTER));
        assertEquals(yuan("600000.00"), rewards.get(Achievement.SINGLE_CHAMPION));
    }

    @Test
    void sharedServiceParametersAreTyped() {
        RuleParameters p = RuleParameters.defaults(SubsidyKind.SHARED_SERVICE).with("localBonus", d("0"));
        assertEquals(new SharedServiceRules.Parameters(d("0.40"), d("0"), yuan("200000.00"), yuan("50000.00"),
                yuan("650000.00")), SharedServiceRules.Parameters.of(p));
    }
}
