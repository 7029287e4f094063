package org.innofund.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How an amount reads on a page or a certificate: exact to the fen, ¥1,234,567.89, or short, 123.46 万元 (in
 * English ¥1.23 million). The short forms round half up, as people round a figure they read out. Ratios read as
 * percentages.
 */
public final class MoneyFormat {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

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
        BigDecimal shown = amount.stripTrailingZeros();
        return grouped(shown.scale() < 2 ? shown.setScale(2) : shown);
    }

    public static String figure(Money money) {
        return figure(money.amount());
    }

    /** A ratio as people say it: 0.03 → 3%, 0.105 → 10.5%, -0.10 → -10%. */
    public static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * Separators every three digits of the integer part, the decimals as they are. Written out rather than by a
     * DecimalFormat: an explanation shows several figures a line and a run has ten thousand lines, and building (or
     * copying) a DecimalFormat for each was a fifth of the policy sandbox's time (BENCHMARKS.md, issue 12).
     */
    private static String grouped(BigDecimal atLeastTwoDecimals) {
        String plain = atLeastTwoDecimals.toPlainString();
        int digits = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        StringBuilder s = new StringBuilder(plain.length() + point / 3).append(plain, 0, digits);
        for (int i = digits; i < point; i++) {
            if (i > digits && (point - i) % 3 == 0) {
                s.append(',');
            }
            s.append(plain.charAt(i));
        }
        return s.append(plain, point, plain.length()).toString();
    }
}
