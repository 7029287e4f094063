package org.innofund.project.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.program.domain.FundingCall;
import org.innofund.project.domain.NoticeEvents;
import org.innofund.project.domain.Objection;
import org.innofund.project.domain.ObjectionForm;
import org.innofund.project.domain.ObjectionState;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectAction;
import org.innofund.project.domain.ProjectEvents;
import org.innofund.project.domain.ProjectState;
import org.innofund.project.domain.PublicNotice;
import org.innofund.shared.BusinessException;
import org.innofund.shared.RequestOrigin;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 立项公示: the notice published when a list is approved, read by anyone, objected to by anyone during its period
 * (rate limited per client address), and the reviewer's answers. An upheld objection withdraws the project's approval;
 * a dismissal after the period's end releases the project as the end check would have (see {@link PublicityEndCheck}).
 */
@Stateless
public class PublicNotices {

    /** Objections one client address may file in {@link #RATE_WINDOW} (counted from the stored objections). */
    public static final int OBJECTIONS_PER_WINDOW = 5;
    public static final Duration RATE_WINDOW = Duration.ofHours(1);
    /** The notices the public list shows, newest first. */
    static final int PUBLIC_LIST_MAX = 100;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private RequestOrigin origin;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private PublicityEndCheck endCheck;

    @Inject
    private Event<DomainEvent> events;

    /** Published in the approval's transaction: the approval and its notice stand or fall together. */
    @PermitAll
    public void publish(@Observes ProjectEvents.ProjectsApproved approved) {
        if (approved.projectIds().isEmpty()) {
            return;
        }
        FundingCall call = em.find(FundingCall.class, approved.callId());
        PublicNotice notice = new PublicNotice(approved.listId(), approved.callId(), call.getTitle(),
                call.getPublicityDays(), clock.instant());
        em.persist(notice);
        events.fire(new NoticeEvents.NoticePublished(approved.by(), notice.getId(), approved.listId(),
                approved.projectIds().size()));
    }

    /** Current and past notices, newest first, for anyone. */
    @PermitAll
    public List<PublicNoticeView> publicList() {
        List<PublicNotice> notices = em.createQuery("select n from PublicNotice n order by n.createdAt desc, n.id desc",
                PublicNotice.class).setMaxResults(PUBLIC_LIST_MAX).getResultList();
        if (notices.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Project>> projects = em.createQuery("select p from Project p where p.approvalListId in :lists "
                        + "and p.state <> :withdrawn order by p.id", Project.class)
                .setParameter("lists", notices.stream().map(PublicNotice::getApprovalListId).toList())
                .setParameter("withdrawn", ProjectState.WITHDRAWN).getResultList().stream()
                .collect(Collectors.groupingBy(Project::getApprovalListId));
        Instant now = clock.instant();
        return notices.stream().map(n -> new PublicNoticeView(n.getId(), n.getCallId(), n.getCallTitle(), n.getPublishedAt(),
                n.getPeriodDays(), n.period().lastDay(), n.getEndsAt(), n.period().isOpen(now),
                projects.getOrDefault(n.getApprovalListId(), List.of()).stream().map(p -> new PublicNoticeView.Entry(
                        p.getId(), p.getEnterpriseName(), p.getProjectName(), p.getField(), p.getApprovedAmount(),
                        p.getAgencyGrade())).toList())).toList();
    }

    /** What an objector is told: the objection's number and when it was filed. */
    public record Receipt(long objectionId, Instant filedAt) implements Serializable {
    }

    /**
     * 提出异议, by anyone: refused after the period (409), for a project not under publicity on this notice or with a
     * bad form (422, every problem), and when the caller's address filed {@link #OBJECTIONS_PER_WINDOW} in the last
     * {@link #RATE_WINDOW} (429).
     */
    @PermitAll
    public Receipt object(@NotNull Long noticeId, @NotNull ObjectionForm form) {
        // locked as the end check and the answers lock it: an objection filed in the period's last moment is either in
        // before the end is drawn (and holds its project) or refused after it, never stored beside a publicized project
        PublicNotice notice = em.find(PublicNotice.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null) {
            throw BusinessException.notFound("publicNotice.notFound", noticeId);
        }
        Instant now = clock.instant();
        String address = origin.getClientAddress();
        if (address != null) {
            long recent = em.createQuery("select count(o) from Objection o where o.clientAddress = :address "
                    + "and o.createdAt > :since and o.createdAt <= :now", Long.class).setParameter("address", address)
                    .setParameter("since", now.minus(RATE_WINDOW)).setParameter("now", now).getSingleResult();
            if (recent >= OBJECTIONS_PER_WINDOW) {
                throw new BusinessException(BusinessException.Kind.TOO_MANY, "objection.tooMany", OBJECTIONS_PER_WINDOW,
                        RATE_WINDOW.toMinutes());
            }
        }
        Set<Long> underPublicity = em.createQuery("select p from Project p where p.approvalListId = :list", Project.class)
                .setParameter("list", notice.getApprovalListId()).getResultStream()
                .filter(p -> p.allows(ProjectAction.OBJECT)).map(Project::getId).collect(Collectors.toSet());
        Objection objection = Objection.file(notice, underPublicity, form, address, now);
        em.persist(objection);
        events.fire(new NoticeEvents.ObjectionFiled(currentUser.actor(), objection.getId(), objection.getProjectId()));
        return new Receipt(objection.getId(), now);
    }

    /** Every objection, open ones first, newest first within (REVIEWER). */
    @RolesAllowed(Role.Names.REVIEWER)
    public List<ObjectionView> objections() {
        List<Objection> all = em.createQuery("select o from Objection o join fetch o.notice "
                + "order by case when o.state = :open then 0 else 1 end, o.createdAt desc, o.id desc", Objection.class)
                .setParameter("open", ObjectionState.OPEN).getResultList();
        if (all.isEmpty()) {
            return List.of();
        }
        Map<Long, Project> projects = em.createQuery("select p from Project p where p.id in :ids", Project.class)
                .setParameter("ids", all.stream().map(Objection::getProjectId).distinct().toList()).getResultList()
                .stream().collect(Collectors.toMap(Project::getId, Function.identity()));
        return all.stream().map(o -> view(o, projects.get(o.getProjectId()))).toList();
    }

    /**
     * 不予采纳, with the reason, on the version read. After the period's end, the project goes on to PUBLICIZED once
     * nothing else about it is open: the notice row is locked first, so that the end check and this answer see each
     * other's outcome whichever commits first.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public ObjectionView dismiss(@NotNull Long objectionId, Long expectedVersion, String reason) {
        return answer(objectionId, expectedVersion, ObjectionState.Action.DISMISS, reason);
    }

    /** 异议成立, with the reason: the project's approval is withdrawn with it (APPROVED → WITHDRAWN). */
    @RolesAllowed(Role.Names.REVIEWER)
    public ObjectionView uphold(@NotNull Long objectionId, Long expectedVersion, String reason) {
        return answer(objectionId, expectedVersion, ObjectionState.Action.UPHOLD, reason);
    }

    private ObjectionView answer(Long objectionId, Long expectedVersion, ObjectionState.Action action, String reason) {
        Objection objection = forAnswer(objectionId, expectedVersion);
        String by = currentUser.require().getUsername();
        Instant now = clock.instant();
        Project project = em.find(Project.class, objection.getProjectId(), LockModeType.PESSIMISTIC_WRITE);
        if (action == ObjectionState.Action.UPHOLD) {
            objection.uphold(reason, by, now);
            project.withdraw(by, objection.getAnswer(), now);
            Versions.flush(em);
            events.fire(new NoticeEvents.ObjectionUpheld(currentUser.actor(), objection.getId(), project.getId(),
                    objection.getAnswer()));
        } else {
            objection.dismiss(reason, by, now);
            Versions.flush(em);
            endCheck.releaseIfEnded(objection.getNotice(), project.getId(), by, now);
            events.fire(new NoticeEvents.ObjectionDismissed(currentUser.actor(), objection.getId(), objection.getAnswer()));
        }
        return view(objection, project);
    }

    /** The objection on the version read, its notice locked (see {@link #dismiss}). */
    private Objection forAnswer(Long objectionId, Long expectedVersion) {
        Objection objection = em.find(Objection.class, objectionId);
        if (objection == null) {
            throw BusinessException.notFound("objection.notFound", objectionId);
        }
        Versions.requireCurrent(objection.getVersion(), expectedVersion);
        em.refresh(objection.getNotice(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(objection, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireCurrent(objection.getVersion(), expectedVersion);
        return objection;
    }

    private static ObjectionView view(Objection o, Project p) {
        return ObjectionView.of(o, p == null ? null : p.getEnterpriseName(), p == null ? null : p.getProjectName());
    }
}
