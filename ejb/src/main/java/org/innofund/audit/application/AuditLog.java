package org.innofund.audit.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.audit.domain.AuditRecord;
import org.innofund.audit.domain.QueuedAuditEntry;
import org.innofund.shared.RequestOrigin;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.DomainEvent;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail's observer of every {@link DomainEvent}. The entry is queued in the action's own transaction, so
 * the two commit or roll back together, and it is linked into the hash chain in a short transaction of its own
 * right after the commit: the chain head is locked only while a few queued entries are linked, never for a whole
 * business transaction. An entry left queued (a crash between the two commits, a failed link) is linked by the next
 * write or within a minute by the timer.
 */
@Stateless
@PermitAll
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private RequestOrigin origin;

    @EJB
    private AuditChainer chainer;

    /** In the transaction the event was fired in (an event kept even on rollback: in one of its own). */
    public void record(@Observes DomainEvent event) {
        Actor by = event.by() == null ? Actor.ANONYMOUS : event.by();
        QueuedAuditEntry entry = new QueuedAuditEntry(new AuditRecord(by.username(), by.organisationId(),
                by.organisationName(), event.action(), event.target(), event.outcome(), event.detail(), clientAddress()),
                clock.instant());
        if (event.recordedEvenOnRollback()) {
            chainer.queue(entry);
            linkQueued();
        } else {
            em.persist(entry);
        }
    }

    /** Once the action's transaction has committed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        linkQueued();
    }

    /** What a crash between an action's commit and its link left queued. */
    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void linkLeftovers() {
        linkQueued();
    }

    private void linkQueued() {
        try {
            int linked;
            do { // a long queue batch by batch, each a short hold of the head
                linked = chainer.linkBatch();
            } while (linked == AuditChainer.BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queued audit entries stay queued until the next link", e);
        }
    }

    private String clientAddress() {
        try {
            return origin.getClientAddress();
        } catch (ContextNotActiveException e) {
            return null; // no web request: start-up or a timer
        }
    }
}
