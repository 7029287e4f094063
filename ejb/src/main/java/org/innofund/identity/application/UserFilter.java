package org.innofund.identity.application;

import org.innofund.identity.domain.Role;

import java.io.Serializable;

/**
 * What the administrator's user list is narrowed to; a null part does not narrow.
 *
 * @param role         users holding this role (among others)
 * @param organisation text contained in the organisation's name, without regard to case
 * @param status       enabled, disabled, or locked out after failed logins
 */
public record UserFilter(Role role, String organisation, Status status) implements Serializable {

    public enum Status { ACTIVE, DISABLED, LOCKED }

    public static final UserFilter ALL = new UserFilter(null, null, null);
}
