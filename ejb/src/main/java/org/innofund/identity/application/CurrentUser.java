package org.innofund.identity.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.BusinessException;
import org.innofund.shared.event.Actor;

import java.security.Principal;
import java.util.Optional;

/** The logged-in user and organisation, as every business service sees them (form login and bearer alike). */
@Stateless
@PermitAll
public class CurrentUser {

    @Resource
    private SessionContext context;

    @PersistenceContext
    private EntityManager em;

    public Optional<UserAccount> find() {
        Principal principal = context.getCallerPrincipal();
        if (principal == null || principal.getName() == null) {
            return Optional.empty();
        }
        return em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", UserAccount.normalise(principal.getName()))
                .getResultStream().findFirst();
    }

    /** The caller's account; refuses anonymous or disabled callers. */
    public UserAccount require() {
        UserAccount user = find().orElseThrow(() ->
                new BusinessException(BusinessException.Kind.UNAUTHENTICATED, "auth.required"));
        if (!user.isEnabled()) {
            throw new BusinessException(BusinessException.Kind.UNAUTHENTICATED, "auth.required");
        }
        return user;
    }

    /** The caller as an event names who acted; anonymous when nobody is logged in. */
    public Actor actor() {
        return find().map(UserAccount::actor).orElse(Actor.ANONYMOUS);
    }

    /** A snapshot for views and API answers. */
    public Optional<CallerView> view() {
        return find().map(CallerView::of);
    }
}
