package org.innofund.program.domain;

import org.innofund.shared.BusinessException;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rule parameters of one call (SUBSIDY-RULES.md): named decimals, starting from the defaults of the
 * call's subsidy kind. Only the names of that kind exist; none is negative. Immutable.
 */
public final class RuleParameters implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many declarations one enterprise may start in the call (every kind; more than one only for PRE_APPROVED). */
    public static final String DECLARATIONS_PER_ENTERPRISE = "declarationsPerEnterprise";

    private final SortedMap<String, BigDecimal> values;

    private RuleParameters(Map<String, BigDecimal> values) {
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** The published defaults of a kind. */
    public static RuleParameters defaults(SubsidyKind kind) {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        v.put(DECLARATIONS_PER_ENTERPRISE, d("1"));
        v.put("enterpriseYearCap", d("5000000.00"));
        v.put("grade.excellent", d("90"));
        v.put("grade.good", d("80"));
        v.put("grade.pass", d("60"));
        switch (kind) {
            case PRE_APPROVED -> {
                v.put("factor.EXCELLENT", d("1.00"));
                v.put("factor.GOOD", d("0.90"));
                v.put("factor.PASS", d("0.70"));
                v.put("factor.FAIL", d("0.00"));
                v.put("maxShareOfSpend", d("0.30"));
            }
            case RD_INVESTMENT -> {
                v.put("minExpense", d("2000000.00"));
                v.put("minIntensity", d("0.03"));
                v.put("minValidInventionPatents", d("1"));
                v.put("minInventionApplications", d("1"));
                v.put("minRdStaffShare", d("0.10"));
                v.put("band1.growthAbove", d("0.20"));
                v.put("band1.rate", d("0.06"));
                v.put("band1.cap", d("3000000.00"));
                v.put("band2.rate", d("0.05"));
                v.put("band2.cap", d("2000000.00"));
                v.put("band3.growthFrom", d("-0.10"));
                v.put("band3.rate", d("0.03"));
                v.put("band3.cap", d("2000000.00"));
            }
            case REWARD -> {
                v.put("reward.TECH_SME", d("50000.00"));
                v.put("reward.HIGH_TECH_NEW", d("200000.00"));
                v.put("reward.HIGH_TECH_RENEWED", d("100000.00"));
                v.put("reward.MUNICIPAL_RD_CENTER", d("100000.00"));
                v.put("reward.PROVINCIAL_RD_CENTER", d("300000.00"));
                v.put("reward.SINGLE_CHAMPION", d("500000.00"));
            }
            case SHARED_SERVICE -> {
                v.put("rate", d("0.40"));
                v.put("localBonus", d("0.20"));
                v.put("enterpriseCap", d("200000.00"));
                v.put("firstYearCap", d("50000.00"));
                v.put("controllerCap", d("650000.00"));
            }
        }
        return new RuleParameters(v);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** A copy with one parameter changed; the name must exist, the value may not be negative (growth thresholds excepted). */
    public RuleParameters with(String name, BigDecimal value) {
        if (!values.containsKey(name)) {
            throw BusinessException.invalid("call.parameterUnknown", name);
        }
        if (value == null || (value.signum() < 0 && !name.startsWith("band3.growthFrom"))) {
            throw BusinessException.invalid("call.parameterNegative", name);
        }
        Map<String, BigDecimal> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new RuleParameters(copy);
    }

    public BigDecimal get(String name) {
        BigDecimal v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no rule parameter " + name);
        }
        return v;
    }

    public SortedMap<String, BigDecimal> asMap() {
        return values;
    }

    /** One "name=value" per line, sorted: how it is stored. */
    public String format() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining("\n"));
    }

    public static RuleParameters parse(String text) {
        Map<String, BigDecimal> v = new TreeMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    v.put(line.substring(0, eq).strip(), new BigDecimal(line.substring(eq + 1).strip()));
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
