package org.innofund.declaration.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * 申报编号: the number a declaration is given at its first submission, such as {@code CXKJ-2026-SB-000107}: the
 * bureau's prefix, the call's year, "SB" (申报) and the declaration's place among that year's submissions, at least six
 * digits. The place comes from a counter without gaps ({@link ReceiptCounter}).
 */
public record ReceiptNumber(String prefix, int year, long sequence) {

    /** Upper-case letters and digits, starting with a letter: it is printed on receipts and read out on the phone. */
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,11}");
    /** The longest number: a 12-character prefix, the year, "SB" and nine digits (a counter row holds nine). */
    public static final int MAX_LENGTH = 30;
    public static final long MAX_SEQUENCE = 999_999_999L;

    public ReceiptNumber {
        Objects.requireNonNull(prefix);
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a receipt prefix is 1 to 12 upper-case letters and digits, starting with "
                    + "a letter: \"" + prefix + "\"");
        }
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("not a call year: " + year);
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("a receipt sequence runs from 1 to " + MAX_SEQUENCE + ": " + sequence);
        }
    }

    @Override
    public String toString() {
        return String.format("%s-%d-SB-%06d", prefix, year, sequence);
    }
}
