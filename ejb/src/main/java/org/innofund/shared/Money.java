package org.innofund.shared;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeSerializer;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * 金额: an amount in yuan as every money column holds it, NUMBER(16,2): from 0.00 to 99,999,999,999,999.99, always two
 * decimals, so 1.5 and 1.50 are the same amount (equals and compareTo agree).
 * <p>
 * Never negative: every amount the bureau stores (a budget, a line, a subsidy, a payment) is; a difference that would
 * fall below zero is refused like any other invalid amount. Signed sums (a ledger's balance) are counted in whole fen,
 * {@link #fen()}. Adding and subtracting two amounts is exact; whatever may round (times a rate) takes its
 * {@link RoundingMode} from the caller, because the rule that rounds (half up for a subsidy, half even for a statistic)
 * is the caller's, not the amount's.
 */
@JsonbTypeSerializer(MoneyJson.Writer.class)
@JsonbTypeDeserializer(MoneyJson.Reader.class)
public final class Money implements Comparable<Money>, Serializable {

    private static final long serialVersionUID = 1L;

    /** Digits before and after the point of NUMBER(16,2). */
    public static final int INTEGER_DIGITS = 14;
    public static final int FRACTION_DIGITS = 2;

    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(FRACTION_DIGITS));
    public static final Money MAX = new Money(new BigDecimal("99999999999999.99"));

    /** What {@link #parse} reads: digits with an optional point and a sign (a minus is read to be refused as negative). */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Longer text is not an amount of NUMBER(16,2) whatever it says; it is not even parsed. */
    private static final int MAX_TEXT = 40;

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /**
     * The amount, if it is one: not negative, at most two decimals once trailing zeros are dropped (1.500 is 1.50),
     * at most {@link #MAX}. Otherwise refused with "money.invalid".
     */
    public static Money of(BigDecimal amount) {
        if (!isValid(amount)) {
            throw BusinessException.invalid("money.invalid", amount == null ? "" : amount.toPlainString());
        }
        return new Money(amount.setScale(FRACTION_DIGITS, RoundingMode.UNNECESSARY));
    }

    /** Null stays null: for optional amounts (a call without a limit, a draft's missing total). */
    public static Money ofNullable(BigDecimal amount) {
        return amount == null ? null : of(amount);
    }

    public static Money ofFen(long fen) {
        return of(BigDecimal.valueOf(fen, FRACTION_DIGITS));
    }

    /**
     * Reads an amount as people and JSON strings write it, "300000.00" or "12.3" (spaces around are ignored). No
     * exponent ("1e3"), no thousands separator, no sign but a refused minus: those are "money.malformed".
     */
    public static Money parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.length() > MAX_TEXT) {
            throw BusinessException.invalid("money.invalid", s.substring(0, MAX_TEXT) + "…");
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw BusinessException.invalid("money.malformed", s);
        }
        return of(new BigDecimal(s));
    }

    /** Whether {@link #of} accepts it; for rules that report a bad amount among other problems instead of throwing. */
    public static boolean isValid(BigDecimal amount) {
        return amount != null && amount.signum() >= 0 && amount.compareTo(MAX.amount) <= 0
                && amount.stripTrailingZeros().scale() <= FRACTION_DIGITS;
    }

    /** The total of the amounts (zero for none); refused above {@link #MAX}. */
    public static Money sum(Stream<Money> amounts) {
        return amounts.reduce(ZERO, Money::plus);
    }

    public Money plus(Money other) {
        return of(amount.add(other.amount));
    }

    /** Refused if it would be negative (see the class comment). */
    public Money minus(Money other) {
        return of(amount.subtract(other.amount));
    }

    /** This amount times a rate (a share, an intensity, a subsidy ratio), rounded to fen as the caller's rule says. */
    public Money times(BigDecimal rate, RoundingMode rounding) {
        return of(amount.multiply(rate).setScale(FRACTION_DIGITS, Objects.requireNonNull(rounding)));
    }

    /** The amount in whole fen (分); {@link #MAX} is 9,999,999,999,999,999 fen, well within a long. */
    public long fen() {
        return amount.movePointRight(FRACTION_DIGITS).longValueExact();
    }

    /** Always scale 2. */
    public BigDecimal amount() {
        return amount;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.equals(m.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** "1234567.89": plain, as in JSON and in message arguments. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
