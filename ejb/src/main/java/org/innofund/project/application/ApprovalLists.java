package org.innofund.project.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.declaration.application.FormalReview;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.evaluation.application.Evaluations;
import org.innofund.evaluation.application.StageResult;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.project.domain.ApprovalCandidate;
import org.innofund.project.domain.ApprovalLine;
import org.innofund.project.domain.ApprovalList;
import org.innofund.project.domain.ApprovalListState;
import org.innofund.project.domain.ApprovalRules;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectEvents;
import org.innofund.project.domain.Proposal;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 立项: the reviewer draws up a call's approval list from the ranked candidates (its accepted declarations with a
 * submitted APPROVAL evaluation) and submits it; an approver who did not prepare it approves it, which creates the
 * projects and fires {@link ProjectEvents.ProjectsApproved}, or sends it back with a reason, and the reviewer draws up
 * the next version. Every change and decision carries the list's version as read (a stale one is refused, 409).
 */
@Stateless
public class ApprovalLists {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private CallCatalog calls;

    @EJB
    private FormalReview formalReview;

    @EJB
    private DeclarationService declarations;

    @EJB
    private Evaluations evaluations;

    @Inject
    private Event<DomainEvent> events;

    /** 候选项目: the call's candidates in rank order, its budget, and its lists so far. */
    @RolesAllowed(Role.Names.REVIEWER)
    public ApprovalCandidates candidates(@NotNull Long callId) {
        CallDetail call = calls.publishedCall(callId);
        List<ApprovalListView> lists = listsOf(callId).stream().map(l -> ApprovalListView.of(l, call.title())).toList();
        ApprovalListView current = lists.isEmpty() || !lists.get(0).state().live() ? null : lists.get(0);
        return new ApprovalCandidates(callId, call.title(), call.subsidyKind(), call.budget(),
                ApprovalRules.rank(candidatesOf(callId)), current, lists);
    }

    /**
     * 拟定立项建议名单: a decision for every candidate, checked by {@link ApprovalRules} (422 with every problem); the
     * call's first list, or the next version after one was sent back. Refused (409) while a list of the call is live.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public ApprovalListView propose(@NotNull Long callId, @NotNull List<Proposal> proposals) {
        CallDetail call = calls.publishedCall(callId);
        List<ApprovalList> lists = listsOf(callId);
        ApprovalList newest = lists.isEmpty() ? null : lists.get(0);
        if (newest != null && newest.getState().live()) {
            throw BusinessException.conflict("approvalList.liveExists", newest.getVersionNo(), newest.getState());
        }
        List<ApprovalLine> lines = ApprovalRules.lines(candidatesOf(callId), proposals, call.budget());
        String by = currentUser.require().getUsername();
        ApprovalList list = ApprovalList.draft(callId, newest, call.budget(), lines, by, clock.instant());
        em.persist(list);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the unique keys on the live list and the version number: another reviewer drew one up meanwhile
            throw BusinessException.conflict("approvalList.proposedMeanwhile");
        }
        drafted(list);
        return ApprovalListView.of(list, call.title());
    }

    /** 修改草稿: the draft's decisions anew, checked as when proposed. */
    @RolesAllowed(Role.Names.REVIEWER)
    public ApprovalListView revise(@NotNull Long listId, Long expectedVersion, @NotNull List<Proposal> proposals) {
        ApprovalList list = forChange(listId, expectedVersion);
        CallDetail call = calls.publishedCall(list.getCallId());
        list.revise(call.budget(), ApprovalRules.lines(candidatesOf(list.getCallId()), proposals, call.budget()),
                currentUser.require().getUsername());
        saved(list);
        drafted(list);
        return ApprovalListView.of(list, call.title());
    }

    /**
     * 提交审批: refused (409) if the candidates changed since the draft was drawn up (a declaration evaluated since, a
     * corrected evaluation): the reviewer reloads and decides on them.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public ApprovalListView submit(@NotNull Long listId, Long expectedVersion) {
        ApprovalList list = forChange(listId, expectedVersion);
        CallDetail call = calls.publishedCall(list.getCallId());
        Set<List<Long>> drawnFrom = list.getLines().stream()
                .map(l -> List.of(l.getDeclarationId(), l.candidate().evaluationId())).collect(Collectors.toSet());
        Set<List<Long>> now = candidatesOf(list.getCallId()).stream()
                .map(c -> List.of(c.declarationId(), c.evaluationId())).collect(Collectors.toSet());
        if (!drawnFrom.equals(now)) {
            throw BusinessException.conflict("approvalList.candidatesChanged");
        }
        UserAccount user = currentUser.require();
        list.submit(user.getUsername(), clock.instant());
        saved(list);
        events.fire(new ProjectEvents.ApprovalListSubmitted(user.actor(), list.getId(), list.getCallId(),
                list.getVersionNo(), list.total()));
        return ApprovalListView.of(list, call.title());
    }

    /**
     * 批准: the list is final and each proposed line becomes a project (APPROVED), holding the declaration's field as
     * last submitted; {@link ProjectEvents.ProjectsApproved} is fired in the same transaction. Refused (403) to the one
     * who prepared or submitted the list.
     */
    @RolesAllowed(Role.Names.APPROVER)
    public ApprovalListView approve(@NotNull Long listId, Long expectedVersion) {
        ApprovalList list = forChange(listId, expectedVersion);
        UserAccount user = currentUser.require();
        Instant now = clock.instant();
        list.approve(user.getUsername(), now);
        CallDetail call = calls.publishedCall(list.getCallId());
        List<Long> projectIds = new ArrayList<>();
        for (ApprovalLine line : list.getLines()) {
            if (line.isProposed()) {
                Project p = Project.approved(list, line, call.subsidyKind(),
                        declarations.get(line.getDeclarationId()).content().field(), user.getUsername(), now);
                em.persist(p);
                projectIds.add(p.getId());
            }
        }
        saved(list);
        events.fire(new ProjectEvents.ProjectsApproved(user.actor(), list.getId(), list.getCallId(), list.getVersionNo(),
                projectIds, list.total()));
        return ApprovalListView.of(list, call.title());
    }

    /** 退回: back to the reviewers with the reason; refused (403) to the one who prepared or submitted the list. */
    @RolesAllowed(Role.Names.APPROVER)
    public ApprovalListView returnList(@NotNull Long listId, Long expectedVersion, String reason) {
        ApprovalList list = forChange(listId, expectedVersion);
        UserAccount user = currentUser.require();
        list.returnToPreparer(user.getUsername(), reason, clock.instant());
        saved(list);
        events.fire(new ProjectEvents.ApprovalListReturned(user.actor(), list.getId(), list.getCallId(),
                list.getVersionNo(), list.getDecisionReason()));
        return ApprovalListView.of(list, calls.publishedCall(list.getCallId()).title());
    }

    /** Every version of the call's list, the newest first. */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public List<ApprovalListView> ofCall(@NotNull Long callId) {
        String title = calls.publishedCall(callId).title();
        return listsOf(callId).stream().map(l -> ApprovalListView.of(l, title)).toList();
    }

    /** One version. */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public ApprovalListView get(@NotNull Long listId) {
        ApprovalList list = find(listId);
        return ApprovalListView.of(list, calls.publishedCall(list.getCallId()).title());
    }

    /** 待审批: the lists waiting on an approver, the oldest submission first. */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public List<ApprovalListView> awaitingDecision() {
        return em.createQuery("select l from ApprovalList l where l.state = :submitted order by l.submittedAt, l.id",
                        ApprovalList.class).setParameter("submitted", ApprovalListState.SUBMITTED).getResultList()
                .stream().map(l -> ApprovalListView.of(l, calls.publishedCall(l.getCallId()).title())).toList();
    }

    /** The running total of proposals being drawn up (the reviewer's page shows it against the budget as they change). */
    @RolesAllowed(Role.Names.REVIEWER)
    public Money total(@NotNull List<Proposal> proposals) {
        return ApprovalRules.total(proposals);
    }

    /**
     * The call's candidates: its accepted declarations that have a submitted APPROVAL evaluation, each with the newest
     * one (two queries for the declarations, two for the evaluations, whatever their number).
     */
    private List<ApprovalCandidate> candidatesOf(Long callId) {
        List<DeclarationSummary> accepted = formalReview.queue(callId, DeclarationState.ACCEPTED, null);
        Map<Long, StageResult> results = evaluations.newestSubmitted(EvaluationStage.APPROVAL,
                accepted.stream().map(DeclarationSummary::id).toList());
        return accepted.stream().filter(d -> results.containsKey(d.id())).map(d -> candidate(d, results.get(d.id())))
                .toList();
    }

    private static ApprovalCandidate candidate(DeclarationSummary d, StageResult e) {
        return new ApprovalCandidate(d.id(), d.enterpriseId(), d.enterpriseName(), d.projectName(), d.submittedAt(),
                d.requestedSubsidy() == null ? Money.ZERO : d.requestedSubsidy(), e.evaluationId(), e.total(),
                e.grade(), e.verdict(), e.recommendedAmount(), e.dispersedSheets(), d.blacklisted());
    }

    private List<ApprovalList> listsOf(Long callId) {
        return em.createQuery("select l from ApprovalList l where l.callId = :call order by l.versionNo desc",
                ApprovalList.class).setParameter("call", callId).getResultList();
    }

    private ApprovalList find(Long listId) {
        ApprovalList list = em.find(ApprovalList.class, listId);
        if (list == null) {
            throw BusinessException.notFound("approvalList.notFound", listId);
        }
        return list;
    }

    /** The list locked and read afresh, at the version the change was made on. */
    private ApprovalList forChange(Long listId, Long expectedVersion) {
        ApprovalList list = find(listId);
        em.refresh(list, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireCurrent(list.getVersion(), expectedVersion);
        return list;
    }

    /** Raises the list's version with every change (its lines are a collection), and writes now. */
    private void saved(ApprovalList list) {
        em.lock(list, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Versions.flush(em);
    }

    private void drafted(ApprovalList list) {
        events.fire(new ProjectEvents.ApprovalListDrafted(currentUser.actor(), list.getId(), list.getCallId(),
                list.getVersionNo(), list.total()));
    }
}
