package org.innofund.evaluation.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.evaluation.domain.Assignment;
import org.innofund.evaluation.domain.EvaluationEvents;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.BusinessException;
import org.innofund.shared.event.DomainEvent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who may see which assignment, checked on every read and write: an agency only its own organisation's, and the
 * declaration's content only once the lifecycle table allows READ_CONTENT (after "no conflict"); the reviewer every
 * one. Anything else is "not found" (nobody learns that another agency's assignment exists) and audited as denied.
 */
@Stateless
@PermitAll
public class AssignmentAccess {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private Event<DomainEvent> events;

    /** The assignment, for its agency or the bureau's reviewer. */
    public Assignment readable(Long id) {
        UserAccount user = currentUser.require();
        Assignment a = id == null ? null : em.find(Assignment.class, id);
        if (a != null && (isAgencyOf(user, a) || user.hasRole(Role.REVIEWER))) {
            return a;
        }
        throw denied(id, a != null);
    }

    /** The caller's agency's own assignment, locked until the transaction ends and read afresh, to change it. */
    public Assignment ownedForChange(Long id) {
        UserAccount user = currentUser.require();
        Assignment a = id == null ? null : em.find(Assignment.class, id);
        if (a == null || !isAgencyOf(user, a)) {
            throw denied(id, a != null);
        }
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        return a;
    }

    /**
     * Many of the caller's agency's own assignments, as {@link #ownedForChange(Long)} gives one, keyed by id: locked in
     * id order a few hundred per query, and only the agency's own (another's id is not locked, and answers 404, audited).
     */
    public Map<Long, Assignment> ownedForChange(Collection<Long> ids) {
        Long agency = agencyOf(currentUser.require());
        if (ids.stream().anyMatch(Objects::isNull)) {
            throw denied(null, false);
        }
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        Map<Long, Assignment> locked = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i += 500) {
            em.createQuery("select a from Assignment a where a.id in :ids and a.agencyId = :agency order by a.id",
                            Assignment.class)
                    .setParameter("ids", sorted.subList(i, Math.min(sorted.size(), i + 500)))
                    .setParameter("agency", agency)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("eclipselink.refresh", "true")
                    .getResultList().forEach(a -> locked.put(a.getId(), a));
        }
        for (Long id : sorted) {
            if (!locked.containsKey(id)) {
                throw denied(id, em.find(Assignment.class, id) != null);
            }
        }
        return locked;
    }

    /** Any assignment, locked, for the reviewer to change. */
    public Assignment forReviewer(Long id) {
        Assignment a = id == null ? null : em.find(Assignment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw BusinessException.notFound("assignment.notFound", id);
        }
        return a;
    }

    /**
     * The caller's agency's assignment whose declaration it may read now. Before the conflict declaration (or after
     * declaring a conflict) the content answers as if it did not exist, and the attempt is audited.
     */
    public Assignment contentReadable(Long id) {
        UserAccount user = currentUser.require();
        Assignment a = id == null ? null : em.find(Assignment.class, id);
        if (a != null && isAgencyOf(user, a) && a.contentReadable()) {
            return a;
        }
        throw denied(id, a != null);
    }

    /** The caller's agency's organisation id. */
    public Long agencyOf(UserAccount user) {
        if (!user.hasRole(Role.AGENCY)) {
            throw BusinessException.forbidden("auth.forbidden");
        }
        return user.getOrganisation().getId();
    }

    private static boolean isAgencyOf(UserAccount user, Assignment a) {
        return user.hasRole(Role.AGENCY) && a.isFor(user.getOrganisation().getId());
    }

    private BusinessException denied(Long id, boolean exists) {
        if (exists) {
            events.fire(new EvaluationEvents.AssignmentAccessDenied(currentUser.actor(), id));
        }
        return BusinessException.notFound("assignment.notFound", id);
    }
}
