package org.innofund.shared.event;

/**
 * Who did something, as an event carries it: a user name and the organisation the user belongs to, copied at the
 * moment of the action, so that observers (the audit trail) need not look the user up.
 */
public record Actor(String username, Long organisationId, String organisationName) {

    /** Nobody logged in (or a timer). */
    public static final Actor ANONYMOUS = new Actor(null, null, null);

    /** A name given at a login that belongs to no known account. */
    public static Actor unknown(String username) {
        return new Actor(username, null, null);
    }
}
