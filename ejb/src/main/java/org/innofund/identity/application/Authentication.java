package org.innofund.identity.application;

import org.innofund.identity.domain.IdentityEvents.LoggedOut;
import org.innofund.identity.domain.IdentityEvents.LoginAttempted;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.Actor;
import jakarta.enterprise.event.Event;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.identity.domain.LoginThrottle;
import org.innofund.identity.domain.UserAccount;
import org.innofund.identity.infrastructure.PasswordHasher;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a user name and password for the login form and the token endpoint alike: the lockout, the
 * password, the account's state; counts failures and audits every attempt.
 */
@Stateless
@PermitAll
public class Authentication {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Clock clock;

    @Inject
    private Event<DomainEvent> events;

    /** Commits on its own: a refused attempt is counted and audited even when the caller then fails. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LoginResult login(String usernameInput, String password, String channel) {
        String username = UserAccount.normalise(usernameInput);
        Instant now = clock.instant();
        if (username.isEmpty() || username.length() > 64 || password == null || password.isEmpty()) {
            attempted(Actor.unknown(username.isEmpty() ? null : abbreviate(username)), channel, AuditOutcome.FAILURE,
                    "invalid");
            return LoginResult.refused(LoginResult.Status.INVALID);
        }
        LoginThrottle throttle = em.find(LoginThrottle.class, username, LockModeType.PESSIMISTIC_WRITE);
        Optional<UserAccount> account = findByUsername(username);
        if (throttle != null && throttle.isLocked(now)) {
            attempted(actor(account, username), channel, AuditOutcome.DENIED, "locked");
            return LoginResult.refused(LoginResult.Status.LOCKED);
        }
        boolean passwordMatches = hasher.verify(password, account.map(UserAccount::getPasswordHash).orElse(null));
        if (!passwordMatches || account.isEmpty()) {
            if (throttle == null) {
                throttle = new LoginThrottle(username);
                em.persist(throttle);
            }
            throttle.recordFailure(now);
            boolean nowLocked = throttle.isLocked(now);
            attempted(actor(account, username), channel, AuditOutcome.FAILURE, nowLocked ? "invalid; locked" : "invalid");
            return LoginResult.refused(nowLocked ? LoginResult.Status.LOCKED : LoginResult.Status.INVALID);
        }
        UserAccount user = account.get();
        if (!user.isEnabled()) {
            attempted(user.actor(), channel, AuditOutcome.DENIED, "disabled");
            return LoginResult.refused(LoginResult.Status.DISABLED);
        }
        if (throttle != null) {
            throttle.recordSuccess();
        }
        attempted(user.actor(), channel, AuditOutcome.SUCCESS, null);
        return new LoginResult(LoginResult.Status.SUCCESS, user.getUsername(), user.roleNames(), user.getSessionEpoch());
    }

    /** Whether a session opened at {@code epoch} still stands: the user exists, is enabled, and nothing ended it since. */
    public boolean sessionStillValid(String username, int epoch) {
        return findByUsername(UserAccount.normalise(username))
                .map(u -> u.isEnabled() && u.getSessionEpoch() == epoch)
                .orElse(false);
    }

    /** The epoch a fresh session of this user is opened under. */
    public int currentEpoch(String username) {
        return findByUsername(UserAccount.normalise(username)).map(UserAccount::getSessionEpoch).orElse(-1);
    }

    public void recordLogout(String username) {
        events.fire(new LoggedOut(actor(findByUsername(UserAccount.normalise(username)), username)));
    }

    private void attempted(Actor by, String channel, AuditOutcome outcome, String detail) {
        events.fire(new LoginAttempted(by, channel, outcome, detail));
    }

    /** The account's user, or just the name that was typed when no account has it. */
    private static Actor actor(Optional<UserAccount> account, String username) {
        return account.map(UserAccount::actor).orElse(Actor.unknown(username));
    }

    private Optional<UserAccount> findByUsername(String username) {
        return em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", username).getResultStream().findFirst();
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
