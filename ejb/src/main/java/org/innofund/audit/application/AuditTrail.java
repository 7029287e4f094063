package org.innofund.audit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.innofund.audit.domain.AuditChain;
import org.innofund.audit.domain.AuditChainHead;
import org.innofund.audit.domain.AuditEntry;
import org.innofund.audit.domain.AuditExported;
import org.innofund.audit.domain.AuditVerified;
import org.innofund.identity.application.CurrentUser;
import org.innofund.shared.event.DomainEvent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.innofund.identity.domain.Role;

import java.util.HashMap;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.innofund.shared.BusinessException;
import org.innofund.shared.LikePatterns;

import java.util.Map;

/** The administrator's view of the audit trail: search, page, and verify the chain. Nothing here writes an entry's content. */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class AuditTrail {

    private static final int VERIFY_PAGE = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<DomainEvent> events;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private Clock clock;

    /** The most entries one page of the audit list holds, for the page and the API alike. */
    public static final int MAX_PAGE_SIZE = 500;

    /** Newest first; a page of 1 to {@link #MAX_PAGE_SIZE} entries, or refused (a bigger one would load the table). */
    public List<AuditEntryView> search(AuditSearch filter, int first, int pageSize) {
        if (first < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw BusinessException.invalid("audit.pageSize", MAX_PAGE_SIZE);
        }
        TypedQuery<AuditEntry> q = query(filter, "select e from AuditEntry e", " order by e.seq desc", AuditEntry.class);
        return q.setFirstResult(first).setMaxResults(pageSize).getResultList().stream().map(AuditEntryView::of).toList();
    }

    /** The most entries one export holds; a larger selection is refused with the count, to be narrowed. */
    public static final int MAX_EXPORT = 50_000;

    /** Every entry the filters select, newest first, for a spreadsheet; the export itself is audited. */
    public AuditExport export(AuditSearch filter) {
        long count = count(filter);
        if (count > MAX_EXPORT) {
            throw BusinessException.invalid("audit.exportTooMany", count, MAX_EXPORT);
        }
        List<AuditEntryView> entries = query(filter, "select e from AuditEntry e", " order by e.seq desc", AuditEntry.class)
                .setMaxResults(MAX_EXPORT).getResultList().stream().map(AuditEntryView::of).toList();
        events.fire(new AuditExported(currentUser.actor(), entries.size()));
        return new AuditExport(LocalDate.now(clock), entries);
    }

    public long count(AuditSearch filter) {
        return query(filter, "select count(e) from AuditEntry e", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(AuditSearch f, String select, String order, Class<T> type) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (f.username() != null && !f.username().isBlank()) {
            where.append(" and lower(e.username) like :username").append(LikePatterns.ESCAPE);
            params.put("username", LikePatterns.containingLower(f.username()));
        }
        if (f.action() != null) {
            where.append(" and e.action = :action");
            params.put("action", f.action().name());
        }
        if (f.outcome() != null) {
            where.append(" and e.outcome = :outcome");
            params.put("outcome", f.outcome());
        }
        if (f.from() != null) {
            where.append(" and e.occurredAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and e.occurredAt < :to");
            params.put("to", f.to());
        }
        String jpql = select + (where.isEmpty() ? "" : " where" + where.substring(4)) + order;
        TypedQuery<T> q = em.createQuery(jpql, type);
        params.forEach(q::setParameter);
        return q;
    }

    /**
     * Walks the whole chain in order, page by page, and reports the first entry whose number, link or
     * content does not match, or a tail cut off after the head. The verification itself is audited.
     */
    public AuditChain.Result verify() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        long headSeq = head.getLastSeq();
        String headHash = head.getLastHash();
        AuditChain chain = new AuditChain();
        long after = 0;
        boolean going = true;
        while (going) {
            List<AuditEntry> page = em.createQuery(
                            "select e from AuditEntry e where e.seq > :after and e.seq <= :last order by e.seq", AuditEntry.class)
                    .setParameter("after", after).setParameter("last", headSeq)
                    .setMaxResults(VERIFY_PAGE).getResultList();
            for (AuditEntry e : page) {
                if (!chain.accept(e)) {
                    going = false;
                    break;
                }
                after = e.getSeq();
            }
            em.clear();
            if (page.size() < VERIFY_PAGE) {
                break;
            }
        }
        chain.finish(headSeq, headHash);
        AuditChain.Result result = chain.result();
        events.fire(new AuditVerified(currentUser.actor(), result));
        return result;
    }
}
