package org.innofund.shared;

import java.util.Locale;

/**
 * Search filters as "contains this text": {@code %} and {@code _} typed by a user match themselves, not any text.
 * Use with {@code like :p escape '\'} (see {@link #ESCAPE}).
 */
public final class LikePatterns {

    /** The clause to append after {@code like :param}. */
    public static final String ESCAPE = " escape '\\'";

    private LikePatterns() {
    }

    /** {@code %text%}, with the wildcards and the escape character in the text escaped; in lower case. */
    public static String containingLower(String text) {
        return "%" + escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    /** {@code %TEXT%}, escaped, in upper case (credit codes). */
    public static String containingUpper(String text) {
        return "%" + escape(text.strip().toUpperCase(Locale.ROOT)) + "%";
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
