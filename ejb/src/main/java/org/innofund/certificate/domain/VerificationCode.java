package org.innofund.certificate.domain;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * 验证码: what the public verification asks for, 100 random bits (not derived from the serial number or anything else
 * one could know) in Crockford's base 32, 20 characters, printed in five groups of four. Reading it back forgives what
 * people do when they type it: lower case, spaces and dashes, and I/L for 1 and O for 0 (the alphabet has neither).
 */
public final class VerificationCode {

    /** The stored length: 20 characters of 5 bits. */
    public static final int LENGTH = 20;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private VerificationCode() {
    }

    public static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** As printed: {@code ABCD-EFGH-JKMN-PQRS-TVWX}. */
    public static String grouped(String code) {
        StringBuilder out = new StringBuilder(LENGTH + 4);
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(code.charAt(i));
        }
        return out.toString();
    }

    /** What was typed, as stored; null when it cannot be a code (wrong length or a character outside the alphabet). */
    public static String normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '\u3000') {
                continue;
            }
            char read = switch (c) {
                case 'I', 'L' -> '1';
                case 'O' -> '0';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return null;
            }
            code.append(read);
        }
        return code.length() == LENGTH ? code.toString() : null;
    }
}
