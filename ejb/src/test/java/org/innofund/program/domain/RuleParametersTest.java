package org.innofund.program.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The default parameters of each kind are the numbers of SUBSIDY-RULES.md, written out here from the document. */
class RuleParametersTest {

    /**
     * Every kind: the yearly cap of one enterprise (order of a calculation, step 4), the grade thresholds (DOMAIN.md), the
     * publicity period and the hold on a changed bank account (issue 13: 3 days).
     */
    private static final Map<String, String> COMMON = Map.of(
            "declarationsPerEnterprise", "1",
            "enterpriseYearCap", "5000000.00",
            "grade.excellent", "90",
            "grade.good", "80",
            "grade.pass", "60",
            "publicityDays", "7",
            "accountHoldDays", "3");

    /** Kind 1: grade factors and the share of the audited spend. */
    private static final Map<String, String> PRE_APPROVED = Map.of(
            "factor.EXCELLENT", "1.00",
            "factor.GOOD", "0.90",
            "factor.PASS", "0.70",
            "factor.FAIL", "0.00",
            "maxShareOfSpend", "0.30",
            "advanceShare", "0",
            "evaluationDays.MIDTERM", "30",
            "evaluationDays.ACCEPTANCE", "30");

    /** Kind 2: eligibility and the three growth bands. */
    private static final Map<String, String> RD_INVESTMENT = Map.ofEntries(
            Map.entry("minExpense", "2000000.00"),
            Map.entry("minIntensity", "0.03"),
            Map.entry("minValidInventionPatents", "1"),
            Map.entry("minInventionApplications", "1"),
            Map.entry("minRdStaffShare", "0.10"),
            Map.entry("band1.growthAbove", "0.20"),
            Map.entry("band1.rate", "0.06"),
            Map.entry("band1.cap", "3000000.00"),
            Map.entry("band2.rate", "0.05"),
            Map.entry("band2.cap", "2000000.00"),
            Map.entry("band3.growthFrom", "-0.10"),
            Map.entry("band3.rate", "0.03"),
            Map.entry("band3.cap", "2000000.00"));

    /** Kind 3: the reward table. */
    private static final Map<String, String> REWARD = Map.of(
            "reward.TECH_SME", "50000.00",
            "reward.HIGH_TECH_NEW", "200000.00",
            "reward.HIGH_TECH_RENEWED", "100000.00",
            "reward.MUNICIPAL_RD_CENTER", "100000.00",
            "reward.PROVINCIAL_RD_CENTER", "300000.00",
            "reward.SINGLE_CHAMPION", "500000.00");

    /** Kind 4: voucher rate, local bonus and the three caps. */
    private static final Map<String, String> SHARED_SERVICE = Map.of(
            "rate", "0.40",
            "localBonus", "0.20",
            "enterpriseCap", "200000.00",
            "firstYearCap", "50000.00",
            "controllerCap", "650000.00");

    private static Map<String, BigDecimal> expected(SubsidyKind kind) {
        Map<String, BigDecimal> expected = new TreeMap<>();
        COMMON.forEach((k, v) -> expected.put(k, new BigDecimal(v)));
        Map<String, String> own = switch (kind) {
            case PRE_APPROVED -> PRE_APPROVED;
            case RD_INVESTMENT -> RD_INVESTMENT;
            case REWARD -> REWARD;
            case SHARED_SERVICE -> SHARED_SERVICE;
        };
        own.forEach((k, v) -> expected.put(k, new BigDecimal(v)));
        return expected;
    }

    /** Compared by value, so 0.3 and 0.30 count as the same number, and name by name for a readable failure. */
    @ParameterizedTest
    @EnumSource(SubsidyKind.class)
    void theDefaultsAreThoseOfTheRules(SubsidyKind kind) {
        Map<String, BigDecimal> expected = expected(kind);
        Map<String, BigDecimal> actual = RuleParameters.defaults(kind).asMap();
        assertEquals(expected.keySet(), actual.keySet(), kind.name());
        expected.forEach((name, value) -> assertEquals(0, value.compareTo(actual.get(name)),
                kind + " " + name + ": expected " + value + ", found " + actual.get(name)));
    }

    @Test
    void moneyDefaultsAreInFen() {
        for (SubsidyKind kind : SubsidyKind.values()) {
            RuleParameters.defaults(kind).asMap().forEach((name, value) -> {
                if (name.endsWith("Cap") || name.endsWith(".cap") || name.startsWith("reward.") || name.equals("minExpense")) {
                    assertEquals(2, value.scale(), kind + " " + name + " = " + value.toPlainString());
                }
            });
        }
    }

    @Test
    void withChangesOneValueInACopy() {
        RuleParameters defaults = RuleParameters.defaults(SubsidyKind.RD_INVESTMENT);
        RuleParameters changed = defaults.with("band1.rate", new BigDecimal("0.08"));
        assertEquals(new BigDecimal("0.08"), changed.get("band1.rate"));
        assertEquals(new BigDecimal("0.06"), defaults.get("band1.rate"));
        assertNotEquals(defaults, changed);
        Map<String, BigDecimal> others = new TreeMap<>(changed.asMap());
        others.remove("band1.rate");
        Map<String, BigDecimal> before = new TreeMap<>(defaults.asMap());
        before.remove("band1.rate");
        assertEquals(before, others);
        assertEquals(defaults, changed.with("band1.rate", new BigDecimal("0.06")));
    }

    /** A bound may move up to just below the next one, never onto it: 79.9 is a good "good", 80 a pass twice over. */
    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource({
            "grade.pass, 79.9, true", "grade.pass, 80, false", "grade.pass, 95, false",
            "grade.good, 60.1, true", "grade.good, 60, false", "grade.good, 89.9, true", "grade.good, 90, false",
            "grade.excellent, 80.1, true", "grade.excellent, 80, false", "grade.excellent, 100, true"})
    void theGradeBoundsMustRise(String name, BigDecimal value, boolean allowed) {
        RuleParameters defaults = RuleParameters.defaults(SubsidyKind.PRE_APPROVED);
        if (allowed) {
            assertEquals(value, defaults.with(name, value).get(name));
        } else {
            BusinessException e = assertThrows(BusinessException.class, () -> defaults.with(name, value));
            assertEquals("call.gradeBoundsOrder", e.messageKey());
        }
    }

    @Test
    void allBoundsMoveUpOneAfterTheOther() {
        RuleParameters strict = RuleParameters.defaults(SubsidyKind.REWARD).with("grade.excellent", new BigDecimal("95"))
                .with("grade.good", new BigDecimal("85")).with("grade.pass", new BigDecimal("70"));
        assertEquals(new BigDecimal("70"), strict.get("grade.pass"));
    }

    @Test
    void zeroIsAllowed() {
        assertEquals(BigDecimal.ZERO, RuleParameters.defaults(SubsidyKind.SHARED_SERVICE)
                .with("localBonus", BigDecimal.ZERO).get("localBonus"));
    }

    @Test
    void theMapCannotBeChangedFromOutside() {
        RuleParameters p = RuleParameters.defaults(SubsidyKind.REWARD);
        assertThrows(UnsupportedOperationException.class, () -> p.asMap().put("reward.TECH_SME", BigDecimal.ONE));
        assertThrows(UnsupportedOperationException.class, () -> p.asMap().remove("reward.TECH_SME"));
    }

    @Test
    void anUnknownNameIsRefused() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).with("band4.rate", BigDecimal.ONE));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("call.parameterUnknown", e.messageKey());
        assertArrayEquals(new Object[] {"band4.rate"}, e.arguments());
    }

    /** A name of another kind does not exist in this one. */
    @Test
    void aNameOfAnotherKindIsUnknown() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> RuleParameters.defaults(SubsidyKind.REWARD).with("minExpense", BigDecimal.ONE));
        assertEquals("call.parameterUnknown", e.messageKey());
    }

    /** Below the range is refused with the range named: for these, 0 is the lowest value. */
    @ParameterizedTest
    @ValueSource(strings = {"enterpriseYearCap", "band1.growthAbove", "band1.rate", "band3.rate", "band3.cap", "minIntensity"})
    void aNegativeValueIsRefused(String name) {
        BusinessException e = assertThrows(BusinessException.class,
                () -> RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).with(name, new BigDecimal("-0.01")));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("call.parameterRange", e.messageKey());
        assertEquals("0", e.arguments()[1], name);
    }

    @Test
    void aMissingValueIsRefused() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).with("band1.rate", null));
        assertEquals("call.parameterRange", e.messageKey());
    }

    /** The lower bound of band 3 is a decline (g >= -0.10): the one parameter that may be negative. */
    @Test
    void theBand3GrowthFloorMayBeNegative() {
        RuleParameters p = RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).with("band3.growthFrom", new BigDecimal("-0.25"));
        assertEquals(new BigDecimal("-0.25"), p.get("band3.growthFrom"));
    }

    @ParameterizedTest
    @EnumSource(SubsidyKind.class)
    void formatAndParseRoundTrip(SubsidyKind kind) {
        RuleParameters p = RuleParameters.defaults(kind).with("enterpriseYearCap", new BigDecimal("4999999.99"));
        RuleParameters back = RuleParameters.parse(p.format());
        assertEquals(p, back);
        assertEquals(p.asMap(), back.asMap());
        // the scale survives: 0.30 stays 0.30
        back.asMap().forEach((name, value) -> assertEquals(p.get(name).scale(), value.scale(), name));
    }

    @Test
    void theStoredFormIsOneSortedPlainLinePerName() {
        RuleParameters p = RuleParameters.defaults(SubsidyKind.SHARED_SERVICE).with("controllerCap", new BigDecimal("1E+6"));
        assertEquals("""
                accountHoldDays=3
                controllerCap=1000000
                declarationsPerEnterprise=1
                enterpriseCap=200000.00
                enterpriseYearCap=5000000.00
                firstYearCap=50000.00
                grade.excellent=90
                grade.good=80
                grade.pass=60
                localBonus=0.20
                publicityDays=7
                rate=0.40""", p.format());
    }

    @Test
    void parseIgnoresBlankLinesSpacesAndCarriageReturns() {
        RuleParameters p = RuleParameters.parse("rate = 0.40\r\n\r\n  localBonus=0.20 \n");
        assertEquals(new BigDecimal("0.40"), p.get("rate"));
        assertEquals(new BigDecimal("0.20"), p.get("localBonus"));
        assertEquals(2, p.asMap().size());
    }

    @Test
    void getOfAMissingNameFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleParameters.defaults(SubsidyKind.REWARD).get("rate"));
        assertEquals("no rule parameter rate", e.getMessage());
    }

    @Test
    void theConverterStoresTheFormattedText() {
        RuleParametersConverter converter = new RuleParametersConverter();
        RuleParameters p = RuleParameters.defaults(SubsidyKind.PRE_APPROVED);
        assertEquals(p.format(), converter.convertToDatabaseColumn(p));
        assertEquals(p, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(p)));
        assertEquals(null, converter.convertToDatabaseColumn(null));
        assertEquals(null, converter.convertToEntityAttribute(null));
    }
}
