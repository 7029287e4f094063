package org.innofund.identity.domain;

import java.util.Objects;

/**
 * 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): 18 characters from a 31-character set,
 * positions 3-8 the administrative division code, position 18 a check character over positions 1-17.
 */
public final class Uscc {

    /** The code's alphabet: digits and upper-case letters without I, O, S, V, Z. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final int LENGTH = 18;

    private final String value;

    private Uscc(String value) {
        this.value = value;
    }

    /** Parses a code, or says which rule of GB 32100-2015 it breaks. Surrounding blanks are ignored. */
    public static Uscc parse(String text) {
        String code = text == null ? "" : text.strip();
        if (code.length() != LENGTH) {
            throw new InvalidUsccException(InvalidUsccException.Rule.LENGTH, code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                throw new InvalidUsccException(InvalidUsccException.Rule.CHARACTER, i + 1, String.valueOf(c));
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                throw new InvalidUsccException(InvalidUsccException.Rule.DIVISION_CODE, i + 1, String.valueOf(code.charAt(i)));
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            throw new InvalidUsccException(InvalidUsccException.Rule.CHECK_CHARACTER,
                    String.valueOf(code.charAt(LENGTH - 1)), String.valueOf(expected));
        }
        return new Uscc(code);
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a USCC character: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uscc other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
