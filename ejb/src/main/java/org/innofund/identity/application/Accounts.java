package org.innofund.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.BusinessException;

/** Look-ups and uniqueness checks that registration and administration share. */
@Stateless
@PermitAll
public class Accounts {

    @PersistenceContext
    private EntityManager em;

    public boolean usccTaken(String uscc) {
        return !em.createQuery("select o.id from Organisation o where o.uscc = :uscc")
                .setParameter("uscc", uscc).setMaxResults(1).getResultList().isEmpty();
    }

    public void requireUsernameFree(String username) {
        boolean taken = !em.createQuery("select u.id from UserAccount u where u.username = :name")
                .setParameter("name", UserAccount.normalise(username)).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw BusinessException.conflict("registration.usernameTaken", UserAccount.normalise(username));
        }
    }

    /**
     * A new account starts with no failed logins: those counted against its name before it existed were guesses at
     * a name nobody had (still throttled while it was unknown), and must not lock out whoever registers it.
     */
    public void forgetFailedLogins(String username) {
        em.createQuery("delete from LoginThrottle t where t.username = :name")
                .setParameter("name", UserAccount.normalise(username)).executeUpdate();
    }

    /** Writes pending inserts now, turning a unique-key race lost to another request into a clear conflict. */
    public void flushUnique(String messageKey, Object... arguments) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw BusinessException.conflict(messageKey, arguments);
        }
    }
}
