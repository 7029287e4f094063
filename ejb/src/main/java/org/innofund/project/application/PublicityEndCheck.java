package org.innofund.project.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.identity.domain.Role;
import org.innofund.platform.clock.TestClock;
import org.innofund.project.domain.NoticeEvents;
import org.innofund.project.domain.NoticeState;
import org.innofund.project.domain.ObjectionState;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectEvents;
import org.innofund.project.domain.ProjectState;
import org.innofund.project.domain.PublicNotice;
import org.innofund.shared.BusinessException;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.DomainEvent;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 公示期满: when a notice's period is over, its projects without an open objection become PUBLICIZED; one with an open
 * objection waits for the answer ({@link PublicNotices#dismiss}). Exactly once however many servers run the check at
 * the same moment: each notice is closed by one UPDATE ... WHERE state = 'IN_PERIOD', and only the run whose UPDATE
 * changed the row moves the projects, in the same transaction (a second run's UPDATE waits for the first's commit on
 * the row lock, then finds the notice ENDED and changes nothing).
 */
@Stateless
@PermitAll
public class PublicityEndCheck {

    /** Who moves the projects at the period's end: the check itself, on the timer or the tests' route. */
    public static final String ACTOR = "system";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext context;

    @Inject
    private Event<DomainEvent> events;

    @Inject
    private Event<ProjectEvents.ProjectPublicized> projectPublicized;

    @Inject
    private TestClock testClock;

    /** What one run did to one notice: nothing if another run (or an earlier one) closed it. */
    public record NoticeEnd(long noticeId, boolean closedByThisRun, List<Long> publicized, List<Long> waiting)
            implements Serializable {
    }

    /** Closes every notice whose period is over, each in a transaction of its own (one failure does not hold the rest). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<NoticeEnd> endDue() {
        List<Long> due = em.createQuery("select n.id from PublicNotice n where n.state = :inPeriod and n.endsAt <= :now "
                        + "order by n.endsAt, n.id", Long.class)
                .setParameter("inPeriod", NoticeState.IN_PERIOD).setParameter("now", clock.instant()).getResultList();
        PublicityEndCheck self = context.getBusinessObject(PublicityEndCheck.class);
        List<NoticeEnd> ends = new ArrayList<>();
        for (Long id : due) {
            ends.add(self.end(id));
        }
        return ends;
    }

    /**
     * The check run now, for the tests (ADMIN) that move the clock past a period's end instead of waiting for the
     * timer; only where the test clock is on (otherwise "not found", as the test clock's own route answers).
     */
    @RolesAllowed(Role.Names.ADMIN)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<NoticeEnd> endDueForTests() {
        if (!testClock.isEnabled()) {
            throw BusinessException.notFound("testClock.off");
        }
        return context.getBusinessObject(PublicityEndCheck.class).endDue();
    }

    /** Closes one notice if its period is over and no other run closed it; then releases its projects. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public NoticeEnd end(long noticeId) {
        Instant now = clock.instant();
        int closed = em.createQuery("update PublicNotice n set n.state = :ended, n.endedAt = :now, n.version = n.version + 1 "
                        + "where n.id = :id and n.state = :inPeriod and n.endsAt <= :now")
                .setParameter("ended", NoticeState.ENDED).setParameter("now", now).setParameter("id", noticeId)
                .setParameter("inPeriod", NoticeState.IN_PERIOD).executeUpdate();
        if (closed == 0) {
            return new NoticeEnd(noticeId, false, List.of(), List.of());
        }
        PublicNotice notice = em.find(PublicNotice.class, noticeId);
        em.refresh(notice);
        Set<Long> objected = openObjections(noticeId);
        List<Long> publicized = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        for (Project project : em.createQuery("select p from Project p where p.approvalListId = :list and p.state = :approved "
                        + "order by p.id", Project.class).setParameter("list", notice.getApprovalListId())
                .setParameter("approved", ProjectState.APPROVED).getResultList()) {
            if (objected.contains(project.getId())) {
                waiting.add(project.getId());
            } else {
                project.publicize(ACTOR, now);
                publicized.add(project.getId());
                projectPublicized.fire(new ProjectEvents.ProjectPublicized(project.getId(), Actor.unknown(ACTOR)));
            }
        }
        em.flush();
        events.fire(new NoticeEvents.PublicityEnded(Actor.unknown(ACTOR), noticeId, publicized.size(), waiting.size()));
        return new NoticeEnd(noticeId, true, publicized, waiting);
    }

    /**
     * After an objection's dismissal (in its transaction, the notice row locked by the caller): if the period is over
     * and closed, and nothing else about the project is open, the project goes on to PUBLICIZED now.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public void releaseIfEnded(PublicNotice notice, long projectId, String by, Instant now) {
        if (notice.getState() != NoticeState.ENDED || openObjections(notice.getId()).contains(projectId)) {
            return;
        }
        Project project = em.find(Project.class, projectId, LockModeType.PESSIMISTIC_WRITE);
        if (project.getState() == ProjectState.APPROVED) {
            project.publicize(by, now);
            projectPublicized.fire(new ProjectEvents.ProjectPublicized(projectId, Actor.unknown(by)));
        }
    }

    private Set<Long> openObjections(long noticeId) {
        return new HashSet<>(em.createQuery("select distinct o.projectId from Objection o where o.notice.id = :notice "
                        + "and o.state = :open", Long.class)
                .setParameter("notice", noticeId).setParameter("open", ObjectionState.OPEN).getResultList());
    }
}
