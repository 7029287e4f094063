package org.innofund.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How an amount reads on a page or a certificate: exact to the fen, ¥1,234,567.89, or short, 123.46 万元 (in
 * English ¥1.23 million). The short forms round half up, as people round a figure they read out. Ratios read as
 * percentages.
 */
public final class MoneyFormat {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /**
     * Parsed once: an explanation shows several figures a line, and a run has ten thousand lines (building the format
     * and its symbols each time was a fifth of the policy sandbox's time, BENCHMARKS.md). DecimalFormat is not
     * thread-safe: every use formats with a copy.
     */
    private static final DecimalFormat FIGURE = exact("#,##0.00########");
    private static final DecimalFormat GROUPED = exact("#,##0.00");

    private MoneyFormat() {
    }

    /** ¥1,234,567.89 in every language (¥ is the yuan's sign in English too). */
    public static String yuan(Money money) {
        return "¥" + grouped(money.amount());
    }

    /** 123.46 万元 in Chinese, ¥1.23 million in English. */
    public static String abbreviated(Money money, Locale locale) {
        if ("zh".equals(locale.getLanguage())) {
            return grouped(money.amount().divide(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP)) + " 万元";
        }
        return "¥" + grouped(money.amount().divide(MILLION).setScale(2, RoundingMode.HALF_UP)) + " million";
    }

    /**
     * An amount in a sentence that says 元 itself: 3,500,000.00, every figure with separators, as a government portal
     * writes it. Any decimal reads (a figure a user typed need not be money yet): at least two decimals, none lost.
     */
    public static String figure(BigDecimal amount) {
        DecimalFormat format = (DecimalFormat) FIGURE.clone();
        format.setMaximumFractionDigits(Math.max(2, amount.scale()));
        return format.format(amount);
    }

    public static String figure(Money money) {
        return figure(money.amount());
    }

    /** A ratio as people say it: 0.03 → 3%, 0.105 → 10.5%, -0.10 → -10%. */
    public static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String grouped(BigDecimal twoDecimals) {
        return ((DecimalFormat) GROUPED.clone()).format(twoDecimals); // it rounds nothing: the scale is already 2
    }

    /** Separators as written in every language; never rounding (a figure is shown with all its decimals). */
    private static DecimalFormat exact(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format;
    }
}
