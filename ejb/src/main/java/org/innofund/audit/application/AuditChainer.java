package org.innofund.audit.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.audit.domain.AuditChainHead;
import org.innofund.audit.domain.QueuedAuditEntry;

import java.util.List;

/** Moves queued audit entries into the hash chain, each call in a short transaction of its own. */
@Stateless
@PermitAll
public class AuditChainer {

    /** The most entries one link transaction takes, so that the head is never held for long. */
    static final int BATCH = 200;

    @PersistenceContext
    private EntityManager em;

    /** Queues an entry that must outlive the caller's transaction (a refusal about to roll back). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void queue(QueuedAuditEntry entry) {
        em.persist(entry);
    }

    /**
     * Links the oldest queued entries into the chain and returns how many. The head row's lock serialises linkers
     * (on every server of a cluster), and the queue is read again once it is held, so no entry is linked twice and
     * the chain never forks; with nothing queued, no lock is taken at all.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int linkBatch() {
        if (oldest(1).isEmpty()) {
            return 0;
        }
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        List<QueuedAuditEntry> batch = oldest(BATCH);
        for (QueuedAuditEntry queued : batch) {
            em.persist(queued.appendTo(head));
            em.remove(queued);
        }
        em.flush();
        return batch.size();
    }

    private List<QueuedAuditEntry> oldest(int max) {
        return em.createQuery("select q from QueuedAuditEntry q order by q.occurredAt, q.id", QueuedAuditEntry.class)
                .setMaxResults(max).getResultList();
    }
}
