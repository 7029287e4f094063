package org.innofund.identity.application;

import org.innofund.identity.domain.IdentityEvents;
import jakarta.enterprise.event.Event;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.identity.domain.ApiToken;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.BusinessException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Bearer tokens for the JSON API: issued for a user name and password under the login rules, valid 8 hours. */
@Stateless
@PermitAll
public class TokenService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private Authentication authentication;

    @Inject
    private Event<DomainEvent> events;

    /** Refused with the same answers as the login form, and counted towards the same lockout. */
    public IssuedToken issue(String username, String password) {
        LoginResult result = authentication.login(username, password, "API");
        if (!result.succeeded()) {
            throw new BusinessException(BusinessException.Kind.UNAUTHENTICATED, result.messageKey());
        }
        UserAccount user = em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", result.username()).getSingleResult();
        ApiToken.Issued issued = ApiToken.issue(user, clock.instant());
        em.persist(issued.entity());
        events.fire(new IdentityEvents.TokenIssued(user.actor()));
        return new IssuedToken(issued.token(), issued.entity().getExpiresAt());
    }

    /** The user behind a presented token, if the token is known, unexpired, unrevoked and its user enabled. */
    public Optional<TokenCaller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createQuery("select t from ApiToken t join fetch t.user where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", ApiToken.hash(token.strip()))
                .getResultStream().findFirst()
                .filter(t -> t.isValid(now))
                .map(t -> new TokenCaller(t.getUser().getUsername(), t.getUser().roleNames()));
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public record TokenCaller(String username, Set<String> groups) {
    }
}
