package org.innofund.declaration.domain.kind;

import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Messages;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A calculation's reasons and steps as they are written down, each in Chinese and English from the ejb bundle's
 * {@code calc.*} keys: a reason's message is {@code calc.reason.<code>}, a step's {@code calc.<key>}. Arguments arrive
 * formatted ({@link #figure}, {@link #percent}), so that both languages show the same figures.
 */
public final class Explanation {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;
    /**
     * The 数据来源 step, the longest to write (three messages a figure, in two languages), by its figures' sources and
     * the kind's order of them: a run's lines share a few such combinations (every line of an import the same one), so
     * each is written once (BENCHMARKS.md, issue 12). Bounded, though the combinations are few.
     */
    private static final Map<List<Object>, Calculation.Step> SOURCE_STEPS = new ConcurrentHashMap<>();
    private static final int MAX_SOURCE_STEPS = 1_000;

    private final List<Calculation.Reason> reasons = new ArrayList<>();
    private final List<Calculation.Step> steps = new ArrayList<>();
    private boolean standing;

    private Explanation() {
    }

    /**
     * How every kind's calculation starts: where its figures came from ({@code figures} the kind's order of them), then
     * step 1 of SUBSIDY-RULES.md — registered, and not on the integrity blacklist on the calculation date.
     */
    static Explanation start(KindInputs inputs, List<String> figures, CalculationContext context) {
        Explanation x = new Explanation();
        x.sources(inputs.sources(), figures);
        if (!context.registered()) {
            x.fail("NOT_REGISTERED");
        }
        if (context.blacklisted()) {
            x.fail("BLACKLISTED", context.calculationDate().toString());
        }
        x.standing = context.registered() && !context.blacklisted();
        return x;
    }

    /** One step in both languages, from {@code calc.<key>}. */
    public static Calculation.Step step(String key, Object... arguments) {
        return new Calculation.Step(Messages.get(ZH, "calc." + key, arguments), Messages.get(EN, "calc." + key, arguments));
    }

    /** 5,000,000.00: every amount of an explanation. */
    public static String figure(Money amount) {
        return MoneyFormat.figure(amount);
    }

    /** 6%, -10%: a parameter as the bureau set it. */
    public static String percent(BigDecimal ratio) {
        return MoneyFormat.percent(ratio);
    }

    void add(String key, Object... arguments) {
        steps.add(step(key, arguments));
    }

    /** A failed condition (or an excluded item), its message {@code calc.reason.<code>}. */
    void fail(String code, Object... arguments) {
        reasons.add(new Calculation.Reason(code, Messages.get(ZH, "calc.reason." + code, arguments),
                Messages.get(EN, "calc.reason." + code, arguments)));
    }

    boolean failed() {
        return !reasons.isEmpty();
    }

    /** Whether step 1 held. */
    boolean standing() {
        return standing;
    }

    /**
     * 数据来源: the first step when the inputs name where figures came from (申报 / 核定 / 部门数据 / 项目), in the kind's
     * order of its figures ({@code calc.figure.<name>}; a name the bundle does not know is shown as it is).
     */
    private void sources(Map<String, KindInputs.FigureSource> sources, List<String> order) {
        if (sources.isEmpty()) {
            return;
        }
        Calculation.Step step = SOURCE_STEPS.get(List.of(sources, order));
        if (step == null) {
            List<String> names = sources.keySet().stream()
                    .sorted(Comparator.<String>comparingInt(n -> order.contains(n) ? order.indexOf(n) : order.size())
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
            step = new Calculation.Step(sourceList(ZH, names, sources, "，"), sourceList(EN, names, sources, ", "));
            if (SOURCE_STEPS.size() < MAX_SOURCE_STEPS) {
                SOURCE_STEPS.put(List.of(Map.copyOf(sources), List.copyOf(order)), step);
            }
        }
        steps.add(step);
    }

    private static String sourceList(Locale locale, List<String> names, Map<String, KindInputs.FigureSource> sources,
                                     String separator) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String key = "calc.figure." + name;
            String label = Messages.get(locale, key);
            parts.add(Messages.get(locale, "calc.sourceOf", key.equals(label) ? name : label,
                    Messages.get(locale, "calc.source." + sources.get(name).name())));
        }
        return Messages.get(locale, "calc.sources", String.join(separator, parts));
    }

    /**
     * The result: not eligible gets 0, with a last step saying so, but keeps its recovery (a debt stands whatever the
     * enterprise's standing: PRE_APPROVED advances above what is due come back); eligible keeps its amount.
     */
    Calculation result(SubsidyKind kind, boolean eligible, Money amount, Money recovery) {
        if (!eligible) {
            add("notEligible", reasons.size());
            return new Calculation(kind, true, false, Money.ZERO, recovery, reasons, steps);
        }
        return new Calculation(kind, true, true, amount, recovery, reasons, steps);
    }

    /** Not computable (a PRE_APPROVED project without acceptance): no amount, the reason says why. */
    Calculation notComputable(SubsidyKind kind) {
        return new Calculation(kind, false, false, Money.ZERO, Money.ZERO, reasons, steps);
    }

    /**
     * A ratio {@code numerator / denominator} as a percentage for the reader, 25.00%: to 2 decimals, or as many more as
     * it takes to keep the same side of each threshold the exact comparison chose (20.004 % is not shown as 20.00 % >
     * 20 %). The decision itself is always made by cross-multiplying, never on this figure.
     */
    static String ratio(BigDecimal numerator, BigDecimal denominator, BigDecimal... thresholds) {
        for (int scale = 4; ; scale++) {
            BigDecimal shown = numerator.divide(denominator, scale, RoundingMode.HALF_UP);
            boolean sameSide = true;
            for (BigDecimal t : thresholds) {
                int exact = numerator.compareTo(t.multiply(denominator)) * denominator.signum();
                sameSide &= Integer.signum(shown.compareTo(t)) == Integer.signum(exact);
            }
            if (sameSide || scale >= 20) {
                return shown.movePointRight(2).toPlainString() + "%";
            }
        }
    }

    /**
     * {@code rate × base = product}, then the cap: "未超过上限" when the product is at most the cap (a cap hit exactly
     * is not exceeded), else "超过上限，按上限". The product is rounded HALF_UP to the fen (SUBSIDY-RULES.md).
     */
    Money capped(BigDecimal rate, Money base, Money cap) {
        Money product = base.times(rate, RoundingMode.HALF_UP);
        if (product.isGreaterThan(cap)) {
            add("capped", percent(rate), figure(base), figure(product), figure(cap));
            return cap;
        }
        add("underCap", percent(rate), figure(base), figure(product), figure(cap));
        return product;
    }
}
