package org.innofund.program.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.MessageKey;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.innofund.program.domain.SubsidyKind.PRE_APPROVED;
import static org.innofund.program.domain.SubsidyKind.RD_INVESTMENT;
import static org.innofund.program.domain.SubsidyKind.REWARD;
import static org.innofund.program.domain.SubsidyKind.SHARED_SERVICE;

/**
 * 规则参数: the catalogue of a call's rule parameters (SUBSIDY-RULES.md), each with the name it is stored and sent
 * under, its unit, its published default, the range the bureau may set it to and the kinds that have it.
 * <p>
 * The ranges: a ratio of an amount (a rate, a factor, a share, an intensity) is 0 to 1; a growth threshold is a ratio
 * too, band 1's from 0 (band 2 starts at no growth) and band 3's a decline of at most 100 %; a grade score is 0 to 100
 * (DOMAIN.md); the declarations one enterprise may make, 1 to {@link FundingCall#MAX_DECLARATIONS_PER_ENTERPRISE}; a
 * minimum count of patents or applications 0 (no such condition) to {@link #MAX_COUNT}. An amount is valid money up to
 * {@link #MAX_YUAN} (一亿元): the policies' largest figure is 5,000,000, and more than twenty times that is a typing slip.
 */
public enum RuleParameter {

    DECLARATIONS_PER_ENTERPRISE("declarationsPerEnterprise", Unit.COUNT, "1", "1",
            String.valueOf(FundingCall.MAX_DECLARATIONS_PER_ENTERPRISE), SubsidyKind.values()),
    ENTERPRISE_YEAR_CAP("enterpriseYearCap", Unit.YUAN, "5000000.00", SubsidyKind.values()),
    GRADE_EXCELLENT("grade.excellent", Unit.SCORE, "90", SubsidyKind.values()),
    GRADE_GOOD("grade.good", Unit.SCORE, "80", SubsidyKind.values()),
    GRADE_PASS("grade.pass", Unit.SCORE, "60", SubsidyKind.values()),
    /** 公示期: the calendar days an approved list stays under publicity, open to objections (ISSUE-11). */
    PUBLICITY_DAYS("publicityDays", Unit.DAYS, "7", SubsidyKind.values()),
    /**
     * 账户变更冻结期: the calendar days payments to an enterprise's changed bank account wait (issue 13), from the change,
     * unless finance releases the hold after calling the company: the swapped-account fraud. 1 to 30.
     */
    ACCOUNT_HOLD_DAYS("accountHoldDays", Unit.DAYS, "3", SubsidyKind.values()),

    FACTOR_EXCELLENT("factor.EXCELLENT", Unit.RATIO, "1.00", PRE_APPROVED),
    FACTOR_GOOD("factor.GOOD", Unit.RATIO, "0.90", PRE_APPROVED),
    FACTOR_PASS("factor.PASS", Unit.RATIO, "0.70", PRE_APPROVED),
    FACTOR_FAIL("factor.FAIL", Unit.RATIO, "0.00", PRE_APPROVED),
    MAX_SHARE_OF_SPEND("maxShareOfSpend", Unit.RATIO, "0.30", PRE_APPROVED),
    /**
     * 预拨比例: the share of the approved amount paid as an advance once the task agreement is signed (issue 13); 0, the
     * default, pays everything after acceptance (SUBSIDY-RULES.md: advances P are then 0).
     */
    ADVANCE_SHARE("advanceShare", Unit.RATIO, "0", PRE_APPROVED),
    /**
     * 评估期限: the calendar days an agency has for a project's MIDTERM / ACCEPTANCE evaluation, counted from the day it
     * is assigned (ISSUE-11); up to half a year, as an acceptance audit may take months.
     */
    EVALUATION_DAYS_MIDTERM("evaluationDays.MIDTERM", Unit.DAYS, "30", "1", "180", PRE_APPROVED),
    EVALUATION_DAYS_ACCEPTANCE("evaluationDays.ACCEPTANCE", Unit.DAYS, "30", "1", "180", PRE_APPROVED),

    MIN_EXPENSE("minExpense", Unit.YUAN, "2000000.00", RD_INVESTMENT),
    MIN_INTENSITY("minIntensity", Unit.RATIO, "0.03", RD_INVESTMENT),
    MIN_VALID_INVENTION_PATENTS("minValidInventionPatents", Unit.COUNT, "1", RD_INVESTMENT),
    MIN_INVENTION_APPLICATIONS("minInventionApplications", Unit.COUNT, "1", RD_INVESTMENT),
    MIN_RD_STAFF_SHARE("minRdStaffShare", Unit.RATIO, "0.10", RD_INVESTMENT),
    BAND1_GROWTH_ABOVE("band1.growthAbove", Unit.GROWTH, "0.20", "0", "1", RD_INVESTMENT),
    BAND1_RATE("band1.rate", Unit.RATIO, "0.06", RD_INVESTMENT),
    BAND1_CAP("band1.cap", Unit.YUAN, "3000000.00", RD_INVESTMENT),
    BAND2_RATE("band2.rate", Unit.RATIO, "0.05", RD_INVESTMENT),
    BAND2_CAP("band2.cap", Unit.YUAN, "2000000.00", RD_INVESTMENT),
    BAND3_GROWTH_FROM("band3.growthFrom", Unit.GROWTH, "-0.10", "-1", "0", RD_INVESTMENT),
    BAND3_RATE("band3.rate", Unit.RATIO, "0.03", RD_INVESTMENT),
    BAND3_CAP("band3.cap", Unit.YUAN, "2000000.00", RD_INVESTMENT),

    REWARD_TECH_SME("reward.TECH_SME", Unit.YUAN, "50000.00", REWARD),
    REWARD_HIGH_TECH_NEW("reward.HIGH_TECH_NEW", Unit.YUAN, "200000.00", REWARD),
    REWARD_HIGH_TECH_RENEWED("reward.HIGH_TECH_RENEWED", Unit.YUAN, "100000.00", REWARD),
    REWARD_MUNICIPAL_RD_CENTER("reward.MUNICIPAL_RD_CENTER", Unit.YUAN, "100000.00", REWARD),
    REWARD_PROVINCIAL_RD_CENTER("reward.PROVINCIAL_RD_CENTER", Unit.YUAN, "300000.00", REWARD),
    REWARD_SINGLE_CHAMPION("reward.SINGLE_CHAMPION", Unit.YUAN, "500000.00", REWARD),

    RATE("rate", Unit.RATIO, "0.40", SHARED_SERVICE),
    LOCAL_BONUS("localBonus", Unit.RATIO, "0.20", SHARED_SERVICE),
    ENTERPRISE_CAP("enterpriseCap", Unit.YUAN, "200000.00", SHARED_SERVICE),
    FIRST_YEAR_CAP("firstYearCap", Unit.YUAN, "50000.00", SHARED_SERVICE),
    CONTROLLER_CAP("controllerCap", Unit.YUAN, "650000.00", SHARED_SERVICE);

    /** The highest amount a parameter may be set to (一亿元). */
    public static final BigDecimal MAX_YUAN = Unit.YUAN.max;
    /** The highest minimum count of patents or applications. */
    public static final int MAX_COUNT = Unit.COUNT.max.intValueExact();

    /** What a parameter's number means; the unit's own range applies unless the parameter names another. */
    public enum Unit {
        /** 元: valid money. */
        YUAN("0", "100000000.00"),
        /** A share of an amount, 1 = 100 %. */
        RATIO("0", "1"),
        /** A growth rate, 0.20 = 20 % more, -0.10 = 10 % less than the year before. */
        GROWTH("-1", "1"),
        /** A whole number. */
        COUNT("0", "100"),
        /** 分: an evaluation score. */
        SCORE("0", "100"),
        /** 天: whole calendar days (a publicity period, 1 to 30, unless the parameter names another range). */
        DAYS("1", "30");

        private final BigDecimal min;
        private final BigDecimal max;

        Unit(String min, String max) {
            this.min = new BigDecimal(min);
            this.max = new BigDecimal(max);
        }

        /** How the unit is named in a message. */
        public MessageKey label() {
            return new MessageKey("ruleParameter.unit." + name());
        }
    }

    private static final Map<String, RuleParameter> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RuleParameter::storedName, Function.identity()));

    private final String storedName;
    private final Unit unit;
    private final BigDecimal defaultValue;
    private final BigDecimal min;
    private final BigDecimal max;
    private final Set<SubsidyKind> kinds;

    RuleParameter(String storedName, Unit unit, String defaultValue, SubsidyKind... kinds) {
        this(storedName, unit, defaultValue, unit.min.toPlainString(), unit.max.toPlainString(), kinds);
    }

    RuleParameter(String storedName, Unit unit, String defaultValue, String min, String max, SubsidyKind... kinds) {
        this.storedName = storedName;
        this.unit = unit;
        this.defaultValue = new BigDecimal(defaultValue);
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
        this.kinds = Set.copyOf(EnumSet.of(kinds[0], kinds));
    }

    /** The days an evaluation at this stage takes, if the call's parameters say (MIDTERM and ACCEPTANCE). */
    public static Optional<RuleParameter> evaluationDays(EvaluationStage stage) {
        return switch (stage) {
            case MIDTERM -> Optional.of(EVALUATION_DAYS_MIDTERM);
            case ACCEPTANCE -> Optional.of(EVALUATION_DAYS_ACCEPTANCE);
            default -> Optional.empty();
        };
    }

    /** The parameter stored and sent under this name, if there is one. */
    public static Optional<RuleParameter> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The name in the database, the API and the message bundles ("minExpense", "factor.EXCELLENT"). */
    public String storedName() {
        return storedName;
    }

    public Unit unit() {
        return unit;
    }

    /** The published default (SUBSIDY-RULES.md), with its scale: money in fen, 0.30 not 0.3. */
    public BigDecimal defaultValue() {
        return defaultValue;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    public boolean belongsTo(SubsidyKind kind) {
        return kinds.contains(kind);
    }

    /** How the parameter is named in a message ("最高补助比例" / "Highest share of the audited spend"). */
    public MessageKey label() {
        return new MessageKey("ruleParameter." + storedName);
    }

    /**
     * The value, if the bureau may set this parameter to it: inside the range, a whole number for a count, money for an
     * amount. Otherwise refused with the range and the unit named.
     */
    public BigDecimal check(BigDecimal value) {
        boolean inRange = value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0
                && (unit != Unit.COUNT && unit != Unit.DAYS || value.stripTrailingZeros().scale() <= 0);
        if (!inRange) {
            throw BusinessException.invalid("call.parameterRange", label(), min.toPlainString(), max.toPlainString(),
                    unit.label());
        }
        if (unit == Unit.YUAN) {
            Money.of(value);
        }
        return value;
    }
}
