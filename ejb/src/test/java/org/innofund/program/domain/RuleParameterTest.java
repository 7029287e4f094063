package org.innofund.program.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.MessageKey;
import org.innofund.shared.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue of rule parameters: defaults inside their ranges, the ranges' edges, and refusals that name the range. */
class RuleParameterTest {

    private static final BigDecimal STEP = new BigDecimal("0.01");

    /** A call of a kind that has the parameter, with the parameter set to the value. */
    private static RuleParameters set(RuleParameter p, String value) {
        SubsidyKind kind = Arrays.stream(SubsidyKind.values()).filter(p::belongsTo).findFirst().orElseThrow();
        return RuleParameters.defaults(kind).with(p.storedName(), value == null ? null : new BigDecimal(value));
    }

    private static BusinessException refused(RuleParameter p, BigDecimal value) {
        return assertThrows(BusinessException.class, () -> set(p, value.toPlainString()), p + " = " + value);
    }

    @ParameterizedTest
    @EnumSource(RuleParameter.class)
    void everyDefaultIsInsideItsRange(RuleParameter p) {
        assertTrue(p.min().compareTo(p.max()) < 0, p.toString());
        assertTrue(p.defaultValue().compareTo(p.min()) >= 0 && p.defaultValue().compareTo(p.max()) <= 0,
                p + " default " + p.defaultValue() + " outside " + p.min() + ".." + p.max());
        assertEquals(p.defaultValue(), p.check(p.defaultValue()));
    }

    /**
     * Both edges of each range are values of the parameter. Checked on the parameter itself: a call also keeps its grade
     * bounds in order, so grade.pass = 100 is refused there for another reason (RuleParametersTest#theGradeBoundsMustRise).
     */
    @ParameterizedTest
    @EnumSource(RuleParameter.class)
    void bothEdgesAreAllowed(RuleParameter p) {
        assertEquals(0, p.check(p.min()).compareTo(p.min()), p.toString());
        assertEquals(0, p.check(p.max()).compareTo(p.max()), p.toString());
    }

    /** One fen or one hundredth outside, and for a count one more or one less. */
    @ParameterizedTest
    @EnumSource(RuleParameter.class)
    void justOutsideIsRefusedWithTheRangeNamed(RuleParameter p) {
        BigDecimal step = p.unit() == RuleParameter.Unit.COUNT ? BigDecimal.ONE : STEP;
        for (BigDecimal outside : new BigDecimal[] {p.min().subtract(step), p.max().add(step)}) {
            BusinessException e = refused(p, outside);
            assertEquals(BusinessException.Kind.INVALID, e.kind());
            assertEquals("call.parameterRange", e.messageKey());
            assertArrayEquals(new Object[] {new MessageKey("ruleParameter." + p.storedName()), p.min().toPlainString(),
                    p.max().toPlainString(), new MessageKey("ruleParameter.unit." + p.unit().name())}, e.arguments());
        }
    }

    /** Issue 9: a subsidy of 150 % of the spend was saved and published. */
    @Test
    void maxShareOfSpendOfOnePointFiveIsRefusedInBothLanguages() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> RuleParameters.defaults(SubsidyKind.PRE_APPROVED).with("maxShareOfSpend", new BigDecimal("1.5")));
        assertEquals("最高补助比例应在 0 至 1 之间（比例，1 即 100%）。", Messages.get(Locale.SIMPLIFIED_CHINESE, e));
        assertEquals("Highest share of the audited spend must be between 0 and 1 (a ratio, 1 = 100 %).",
                Messages.get(Locale.ENGLISH, e));
        assertEquals(new BigDecimal("1"),
                RuleParameters.defaults(SubsidyKind.PRE_APPROVED).with("maxShareOfSpend", BigDecimal.ONE).get("maxShareOfSpend"));
    }

    @Test
    void onlyTheBand3GrowthFloorMayBeNegative() {
        Set<RuleParameter> negativeAllowed = Arrays.stream(RuleParameter.values()).filter(p -> p.min().signum() < 0)
                .collect(Collectors.toSet());
        assertEquals(Set.of(RuleParameter.BAND3_GROWTH_FROM), negativeAllowed);
        assertEquals(new BigDecimal("-1"), set(RuleParameter.BAND3_GROWTH_FROM, "-1").get("band3.growthFrom"));
        for (RuleParameter p : EnumSet.complementOf(EnumSet.of(RuleParameter.BAND3_GROWTH_FROM))) {
            refused(p, new BigDecimal("-1"));
        }
    }

    /** Band 3 is a decline: a floor above 0 would overlap band 2, which starts at no growth. */
    @Test
    void theBand3GrowthFloorIsNotAGrowth() {
        refused(RuleParameter.BAND3_GROWTH_FROM, new BigDecimal("0.01"));
        assertEquals(0, set(RuleParameter.BAND3_GROWTH_FROM, "0").get("band3.growthFrom").signum());
    }

    @ParameterizedTest
    @CsvSource({"minValidInventionPatents, 1.5", "minInventionApplications, 0.1", "declarationsPerEnterprise, 2.5"})
    void aCountIsAWholeNumber(String name, String value) {
        RuleParameter p = RuleParameter.named(name).orElseThrow();
        assertEquals("call.parameterRange", assertThrows(BusinessException.class, () -> p.check(new BigDecimal(value))).messageKey());
        assertEquals(0, p.check(new BigDecimal("2.00")).compareTo(new BigDecimal("2")));
    }

    @Test
    void anAmountIsMoney() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> RuleParameters.defaults(SubsidyKind.REWARD).with("reward.TECH_SME", new BigDecimal("50000.005")));
        assertEquals("money.invalid", e.messageKey());
        assertEquals(new BigDecimal("50000.5"),
                RuleParameters.defaults(SubsidyKind.REWARD).with("reward.TECH_SME", new BigDecimal("50000.5")).get("reward.TECH_SME"));
    }

    @Test
    void aRatioMayHaveMoreDecimalsThanMoney() {
        assertEquals(new BigDecimal("0.055"), set(RuleParameter.BAND2_RATE, "0.055").get("band2.rate"));
    }

    @Test
    void anUnknownNameIsRefused() {
        for (String name : new String[] {"band4.rate", "", "MAX_SHARE_OF_SPEND", "maxshareofspend"}) {
            BusinessException e = assertThrows(BusinessException.class,
                    () -> RuleParameters.defaults(SubsidyKind.PRE_APPROVED).with(name, BigDecimal.ONE));
            assertEquals("call.parameterUnknown", e.messageKey(), name);
        }
        assertFalse(RuleParameter.named("band4.rate").isPresent());
    }

    @Test
    void aParameterOfAnotherKindIsRefusedEvenByItsConstant() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> RuleParameters.defaults(SubsidyKind.REWARD).with(RuleParameter.MIN_EXPENSE, BigDecimal.ONE));
        assertEquals("call.parameterUnknown", e.messageKey());
        assertArrayEquals(new Object[] {"minExpense"}, e.arguments());
    }

    /** A kind's parameters are its defaults; the ones every kind has come first. */
    @ParameterizedTest
    @EnumSource(SubsidyKind.class)
    void aKindListsItsParameters(SubsidyKind kind) {
        assertEquals(kind.parameters().stream().map(RuleParameter::storedName).collect(Collectors.toSet()),
                RuleParameters.defaults(kind).asMap().keySet());
        assertEquals(RuleParameter.DECLARATIONS_PER_ENTERPRISE, kind.parameters().get(0));
        assertTrue(kind.parameters().contains(RuleParameter.ENTERPRISE_YEAR_CAP));
    }

    @Test
    void everyParameterBelongsToAKindAndHasAUniqueName() {
        for (RuleParameter p : RuleParameter.values()) {
            assertTrue(Arrays.stream(SubsidyKind.values()).anyMatch(p::belongsTo), p.toString());
            assertEquals(p, RuleParameter.named(p.storedName()).orElseThrow());
        }
    }

    /** Messages.get answers the key itself when a text is missing. */
    @Test
    void everyLabelAndUnitHasATextInBothLanguages() {
        Set<MessageKey> keys = Arrays.stream(RuleParameter.values()).map(RuleParameter::label).collect(Collectors.toSet());
        Arrays.stream(RuleParameter.Unit.values()).map(RuleParameter.Unit::label).forEach(keys::add);
        for (MessageKey k : keys) {
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                assertNotEquals(k.key(), Messages.get(locale, k.key()), locale + " " + k.key());
            }
        }
    }

    /** Stored rows stay readable: an old name is left out, a value stored before the ranges were checked is kept. */
    @Test
    void parsingStaysTolerant() {
        RuleParameters p = RuleParameters.parse("maxShareOfSpend=1.5\nretiredName=7\nfactor.GOOD=0.90");
        assertEquals(new BigDecimal("1.5"), p.get("maxShareOfSpend"));
        assertEquals(Set.of("maxShareOfSpend", "factor.GOOD"), p.asMap().keySet());
        assertNotEquals(p, RuleParameters.defaults(SubsidyKind.PRE_APPROVED));
    }

    @Test
    void typedReadings() {
        RuleParameters p = RuleParameters.defaults(SubsidyKind.RD_INVESTMENT);
        assertEquals("2000000.00", p.money(RuleParameter.MIN_EXPENSE).toString());
        assertEquals(1, p.count(RuleParameter.MIN_VALID_INVENTION_PATENTS));
        // a minimum of 1.5 stored before counts were checked: at least 2
        assertEquals(2, RuleParameters.parse("minInventionApplications=1.5").count(RuleParameter.MIN_INVENTION_APPLICATIONS));
    }
}
