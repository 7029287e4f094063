package org.innofund.audit.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.audit.domain.AuditChainHead;
import org.innofund.audit.domain.AuditEntry;
import org.innofund.audit.domain.AuditOutcome;
import org.innofund.audit.domain.AuditRecord;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.RequestOrigin;

import java.time.Clock;

/**
 * Appends to the audit trail. {@link #record} joins the caller's transaction, so an action and its entry
 * commit or roll back together. {@link #recordIndependently} commits on its own, for refusals whose
 * transaction is about to roll back; a transaction must call it before {@link #record}, never after, as
 * the chain head stays locked until the transaction that appended ends.
 */
@Stateless
@PermitAll
public class AuditLog {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private RequestOrigin origin;

    @EJB
    private CurrentUser currentUser;

    /** An action by the logged-in caller (or anonymous), in the caller's transaction. */
    public void record(String action, String target, AuditOutcome outcome, String detail) {
        append(forCaller(action, target, outcome, detail));
    }

    /** An action by a named user (e.g. a login, before the user is logged in), in the caller's transaction. */
    public void recordFor(UserAccount user, String username, String action, String target, AuditOutcome outcome, String detail) {
        append(new AuditRecord(user != null ? user.getUsername() : username,
                user != null ? user.getOrganisation().getId() : null,
                user != null ? user.getOrganisation().getName() : null,
                action, target, outcome, detail, clientAddress()));
    }

    /** Like {@link #record}, but committed even if the caller's transaction rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(String action, String target, AuditOutcome outcome, String detail) {
        append(forCaller(action, target, outcome, detail));
    }

    private AuditRecord forCaller(String action, String target, AuditOutcome outcome, String detail) {
        UserAccount user = currentUser.find().orElse(null);
        return new AuditRecord(user == null ? null : user.getUsername(),
                user == null ? null : user.getOrganisation().getId(),
                user == null ? null : user.getOrganisation().getName(),
                action, target, outcome, detail, clientAddress());
    }

    private String clientAddress() {
        try {
            return origin.getClientAddress();
        } catch (ContextNotActiveException e) {
            return null; // no web request: start-up or a timer
        }
    }

    private void append(AuditRecord record) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = head.append(record, clock.instant());
        em.persist(entry);
        em.flush();
    }
}
