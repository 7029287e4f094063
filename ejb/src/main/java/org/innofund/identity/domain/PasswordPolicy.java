package org.innofund.identity.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;

/** What a password must be: at least 10 characters, at most 128, and not the user name. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw BusinessException.invalid("password.tooShort", MIN_LENGTH);
        }
        if (password.length() > Lengths.PASSWORD_MAX) {
            throw BusinessException.invalid("password.tooLong", Lengths.PASSWORD_MAX);
        }
        if (password.isBlank()) {
            throw BusinessException.invalid("password.blank");
        }
        if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            throw BusinessException.invalid("password.equalsUsername");
        }
    }
}
