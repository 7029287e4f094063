package org.innofund.identity.application;

import java.util.Set;

/** The answer to a login attempt. Only SUCCESS carries the user's groups. */
public record LoginResult(Status status, String username, Set<String> groups, int sessionEpoch) {

    public enum Status {
        SUCCESS,
        /** Unknown user or wrong password: the same answer for both. */
        INVALID,
        /** Too many failures: the name is locked for a while. */
        LOCKED,
        DISABLED
    }

    public static LoginResult refused(Status status) {
        return new LoginResult(status, null, Set.of(), 0);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }

    /** The message key to show for a refusal. */
    public String messageKey() {
        return switch (status) {
            case SUCCESS -> "login.success";
            case INVALID -> "login.invalid";
            case LOCKED -> "login.locked";
            case DISABLED -> "login.disabled";
        };
    }
}
