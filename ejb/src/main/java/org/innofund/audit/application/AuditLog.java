package org.innofund.audit.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.innofund.audit.domain.AuditChainHead;
import org.innofund.audit.domain.AuditRecord;
import org.innofund.shared.RequestOrigin;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.DomainEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail's observer of every {@link DomainEvent}. An entry is appended to the hash chain at the end of the
 * action's own transaction, just before it commits: the entry commits or rolls back with the action, there is one
 * commit, and the chain head is locked only from there to the commit, never for a whole business transaction (a long
 * batch holds it for the time its own entries take). Its time is when the action's transaction ends, so times rise
 * with the chain's numbers.
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

    @Resource
    private SessionContext context;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The key of the transaction's collected events. */
    private static final Object PENDING = AuditLog.class.getName() + ".pending";

    /**
     * As soon as it is fired: kept with the action's transaction, to be appended when it completes; or, for an event
     * that stays recorded when the action's transaction rolls back, appended at once on its own.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void collect(@Observes DomainEvent event) {
        if (event.recordedEvenOnRollback()) {
            context.getBusinessObject(AuditLog.class).appendAlone(event);
        } else if (transactions.getTransactionKey() != null) {
            pending().add(event);
        }
    }

    /**
     * Before the action's transaction completes (at once when there is none). The first call appends every event the
     * transaction collected, with one lock of the head and one flush (a flush per event made a bulk action's cost grow
     * with the square of its size); the others find nothing left. Being an EJB method, a failure here (say the head's
     * lock times out) marks the transaction for rollback, so no action commits without its entries.
     */
    public void record(@Observes(during = TransactionPhase.BEFORE_COMPLETION) DomainEvent event) {
        if (event.recordedEvenOnRollback()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<DomainEvent> pending = (List<DomainEvent>) transactions.getResource(PENDING);
        if (pending == null) {
            append(List.of(event)); // fired outside any transaction: not collected
        } else if (!pending.isEmpty()) {
            append(List.copyOf(pending));
            pending.clear();
        }
    }

    private List<DomainEvent> pending() {
        @SuppressWarnings("unchecked")
        List<DomainEvent> pending = (List<DomainEvent>) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new ArrayList<>();
            transactions.putResource(PENDING, pending);
        }
        return pending;
    }

    /** Appends and commits on its own; for {@link #collect} only. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void appendAlone(DomainEvent event) {
        append(List.of(event));
    }

    private void append(List<DomainEvent> events) {
        String clientAddress = clientAddress();
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        for (DomainEvent event : events) {
            Actor by = event.by() == null ? Actor.ANONYMOUS : event.by();
            em.persist(head.append(new AuditRecord(by.username(), by.organisationId(), by.organisationName(),
                    event.action().name(), event.target(), event.outcome(), event.detail(), clientAddress), now));
        }
        em.flush(); // written here, whatever order the container's own before-completion work runs in
    }

    private String clientAddress() {
        try {
            return origin.getClientAddress();
        } catch (ContextNotActiveException e) {
            return null; // no web request: start-up or a timer
        }
    }
}
