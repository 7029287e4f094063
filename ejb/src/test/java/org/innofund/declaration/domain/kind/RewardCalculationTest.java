package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.Achievement;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.innofund.declaration.domain.Achievement.HIGH_TECH_NEW;
import static org.innofund.declaration.domain.Achievement.HIGH_TECH_RENEWED;
import static org.innofund.declaration.domain.Achievement.MUNICIPAL_RD_CENTER;
import static org.innofund.declaration.domain.Achievement.PROVINCIAL_RD_CENTER;
import static org.innofund.declaration.domain.Achievement.SINGLE_CHAMPION;
import static org.innofund.declaration.domain.Achievement.TECH_SME;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.OK;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.calculate;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.codes;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SUBSIDY-RULES.md kind 3: fixed rewards, the highest of a group only, groups stacking, HIGH_TECH_NEW once ever. */
class RewardCalculationTest {

    static final RuleParameters DEFAULTS = RuleParameters.defaults(SubsidyKind.REWARD);

    static KindInputs.AchievementClaim a(Achievement type, String cert) {
        return new KindInputs.AchievementClaim(type, cert, LocalDate.of(2025, 5, 20));
    }

    static Calculation reward(boolean paidBefore, KindInputs.AchievementClaim... claims) {
        return calculate(new KindInputs.Reward(List.of(claims), paidBefore, Map.of()), DEFAULTS, OK);
    }

    @ParameterizedTest
    @EnumSource(Achievement.class)
    void eachAchievementAloneEarnsItsReward(Achievement type) {
        Calculation c = reward(false, a(type, "C-1"));
        assertTrue(c.eligible());
        assertEquals(DEFAULTS.money(RuleParameter.named("reward." + type.name()).orElseThrow()), c.amount());
    }

    @Test
    void twoInOneGroupPayOnlyTheHigher() {
        Calculation c = reward(false, a(MUNICIPAL_RD_CENTER, "M-1"), a(PROVINCIAL_RD_CENTER, "P-1"));
        assertEquals(yuan("300000.00"), c.amount());
        assertEquals(List.of(), c.reasons());
        assertEquals(List.of("省级企业研发中心（证书 P-1）：奖励 300,000.00",
                "市级企业研发中心（证书 M-1）与省级企业研发中心同属研发平台类，就高不重复，不另计"),
                c.steps().stream().map(Calculation.Step::zh).toList());
    }

    @Test
    void twoGroupsStack() {
        Calculation c = reward(false, a(TECH_SME, "T-1"), a(SINGLE_CHAMPION, "S-1"));
        assertEquals(yuan("550000.00"), c.amount());
        assertEquals("Rewards of 2 groups add up to 550,000.00", c.steps().get(2).en());
    }

    @Test
    void allGroupsAtOnceTakeTheHighestOfEach() {
        Calculation c = reward(false, a(HIGH_TECH_RENEWED, "R"), a(HIGH_TECH_NEW, "N"), a(TECH_SME, "T"),
                a(PROVINCIAL_RD_CENTER, "P"), a(MUNICIPAL_RD_CENTER, "M"), a(SINGLE_CHAMPION, "S"));
        // 50,000 + 200,000 + 300,000 + 500,000
        assertEquals(yuan("1050000.00"), c.amount());
    }

    @Test
    void highTechNewASecondTimeIsExcludedAndTheRenewalDoesNotStandIn() {
        Calculation c = reward(true, a(HIGH_TECH_NEW, "N-2"));
        assertFalse(c.eligible());
        assertEquals(List.of("REWARD_HIGH_TECH_NEW_AGAIN"), codes(c));
        assertEquals(Money.ZERO, c.amount());
        Calculation withOther = reward(true, a(HIGH_TECH_NEW, "N-2"), a(TECH_SME, "T-1"));
        assertTrue(withOther.eligible());
        assertEquals(List.of("REWARD_HIGH_TECH_NEW_AGAIN"), codes(withOther));
        assertEquals(yuan("50000.00"), withOther.amount());
        // not paid before: counts
        assertEquals(yuan("200000.00"), reward(false, a(HIGH_TECH_NEW, "N-1")).amount());
    }

    @Test
    void highTechNewTwiceInOneCallIsPaidOnce() {
        assertEquals(yuan("200000.00"), reward(false, a(HIGH_TECH_NEW, "N-1"), a(HIGH_TECH_NEW, "N-1b")).amount());
    }

    @Test
    void anAchievementOfAnotherYearIsExcluded() {
        Calculation c = reward(false, new KindInputs.AchievementClaim(TECH_SME, "T-0", LocalDate.of(2024, 12, 31)),
                a(SINGLE_CHAMPION, "S-1"));
        assertEquals(List.of("REWARD_OUTSIDE_YEAR"), codes(c));
        assertEquals("科技型中小企业入库（证书 T-0）认定日期 2024-12-31 不在 2025 年度，不予奖励。", c.reasons().get(0).zh());
        assertEquals(yuan("500000.00"), c.amount());
    }

    @Test
    void equalRewardsInAGroupPayTheFirstListed() {
        RuleParameters p = DEFAULTS.with(RuleParameter.REWARD_MUNICIPAL_RD_CENTER, new BigDecimal("300000.00"));
        Calculation c = calculate(new KindInputs.Reward(List.of(a(MUNICIPAL_RD_CENTER, "M"), a(PROVINCIAL_RD_CENTER, "P")), false,
                Map.of()), p, OK);
        assertEquals(yuan("300000.00"), c.amount());
        assertTrue(c.steps().get(0).zh().startsWith("市级企业研发中心（证书 M）"));
    }

    @Test
    void nothingClaimedIsNotEligible() {
        Calculation c = reward(false);
        assertEquals(List.of("REWARD_NONE"), codes(c));
        assertFalse(c.eligible());
    }

    @Test
    void notRegisteredGetsNothing() {
        Calculation c = calculate(new KindInputs.Reward(List.of(a(TECH_SME, "T")), false, Map.of()), DEFAULTS,
                new CalculationContext(2025, null, null, LocalDate.of(2026, 1, 5), false, false));
        assertEquals(List.of("NOT_REGISTERED"), codes(c));
        assertEquals(Money.ZERO, c.amount());
    }
}
