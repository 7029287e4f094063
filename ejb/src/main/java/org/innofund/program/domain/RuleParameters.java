package org.innofund.program.domain;

import org.innofund.shared.BusinessException;

import org.innofund.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rule parameters of one call (SUBSIDY-RULES.md): a value for each {@link RuleParameter} of the call's subsidy
 * kind, starting from the published defaults; a change stays inside the parameter's range. Immutable.
 */
public final class RuleParameters implements Serializable {

    private static final long serialVersionUID = 2L;

    /** How many declarations one enterprise may start in the call (every kind; more than one only for PRE_APPROVED). */
    public static final String DECLARATIONS_PER_ENTERPRISE = RuleParameter.DECLARATIONS_PER_ENTERPRISE.storedName();

    private final EnumMap<RuleParameter, BigDecimal> values;
    /** The same values under their stored names, sorted: how they are stored, sent and shown. */
    private final SortedMap<String, BigDecimal> byName;

    private RuleParameters(EnumMap<RuleParameter, BigDecimal> values) {
        this.values = new EnumMap<>(values);
        SortedMap<String, BigDecimal> named = new TreeMap<>();
        this.values.forEach((p, v) -> named.put(p.storedName(), v));
        this.byName = Collections.unmodifiableSortedMap(named);
    }

    /** The published defaults of a kind. */
    public static RuleParameters defaults(SubsidyKind kind) {
        EnumMap<RuleParameter, BigDecimal> v = new EnumMap<>(RuleParameter.class);
        kind.parameters().forEach(p -> v.put(p, p.defaultValue()));
        return new RuleParameters(v);
    }

    /** A copy with one parameter changed; the name must be one of the call's parameters, the value inside its range. */
    public RuleParameters with(String name, BigDecimal value) {
        RuleParameter parameter = RuleParameter.named(name).filter(values::containsKey)
                .orElseThrow(() -> BusinessException.invalid("call.parameterUnknown", name));
        return with(parameter, value);
    }

    public RuleParameters with(RuleParameter parameter, BigDecimal value) {
        if (!values.containsKey(parameter)) {
            throw BusinessException.invalid("call.parameterUnknown", parameter.storedName());
        }
        EnumMap<RuleParameter, BigDecimal> copy = new EnumMap<>(values);
        copy.put(parameter, parameter.check(value));
        checkGradeBounds(copy);
        return new RuleParameters(copy);
    }

    /** The grade bounds must rise (合格 < 良好 < 优秀), or a score would have two grades or none. */
    private static void checkGradeBounds(EnumMap<RuleParameter, BigDecimal> v) {
        BigDecimal excellent = v.get(RuleParameter.GRADE_EXCELLENT);
        BigDecimal good = v.get(RuleParameter.GRADE_GOOD);
        BigDecimal pass = v.get(RuleParameter.GRADE_PASS);
        if (excellent != null && good != null && pass != null
                && (pass.compareTo(good) >= 0 || good.compareTo(excellent) >= 0)) {
            throw BusinessException.invalid("call.gradeBoundsOrder", excellent.toPlainString(), good.toPlainString(),
                    pass.toPlainString());
        }
    }

    public BigDecimal get(String name) {
        return RuleParameter.named(name).filter(values::containsKey).map(values::get)
                .orElseThrow(() -> new IllegalArgumentException("no rule parameter " + name));
    }

    public BigDecimal get(RuleParameter parameter) {
        return get(parameter.storedName());
    }

    /** An amount parameter as money. */
    public Money money(RuleParameter parameter) {
        return Money.of(get(parameter));
    }

    /** A minimum count as a whole number: "at least 1.5" (stored before counts were checked) is at least 2. */
    public int count(RuleParameter parameter) {
        return get(parameter).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** The value, if the call has the parameter (a call stored before a parameter existed has not). */
    public Optional<BigDecimal> find(RuleParameter parameter) {
        return Optional.ofNullable(values.get(parameter));
    }

    public SortedMap<String, BigDecimal> asMap() {
        return byName;
    }

    /** One "name=value" per line, sorted: how it is stored. */
    public String format() {
        return byName.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining("\n"));
    }

    /** Tolerant, as stored rows are what they are: a name no longer in the catalogue is left out, a value is not checked. */
    public static RuleParameters parse(String text) {
        EnumMap<RuleParameter, BigDecimal> v = new EnumMap<>(RuleParameter.class);
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    String name = line.substring(0, eq).strip();
                    BigDecimal value = new BigDecimal(line.substring(eq + 1).strip());
                    RuleParameter.named(name).ifPresent(p -> v.put(p, value));
                }
            }
        }
        return new RuleParameters(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleParameters r && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return format();
    }
}
