package org.innofund.identity.domain;

import org.innofund.shared.BusinessException;

/**
 * Someone must always be able to administer: the last enabled ADMIN can neither lose the role nor be disabled,
 * whoever asks (themselves included), or nobody could create users, reset passwords or end a lockout any more.
 * A disabled administrator does not count: they cannot log in.
 */
public final class LastAdministrator {

    private LastAdministrator() {
    }

    /**
     * @param username           whose account changes
     * @param activeAdminBefore  whether the user is an enabled ADMIN before the change
     * @param activeAdminAfter   whether the user is still one after it
     * @param otherActiveAdmins  enabled ADMINs other than this user
     */
    public static void check(String username, boolean activeAdminBefore, boolean activeAdminAfter,
                             long otherActiveAdmins) {
        if (activeAdminBefore && !activeAdminAfter && otherActiveAdmins == 0) {
            throw BusinessException.conflict("user.lastAdministrator", username);
        }
    }
}
