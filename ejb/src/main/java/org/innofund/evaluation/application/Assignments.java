package org.innofund.evaluation.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.NotNull;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.evaluation.domain.Assignment;
import org.innofund.evaluation.domain.AssignmentCheck;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.evaluation.domain.EvaluationEvents;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.RuleParameter;
import org.innofund.identity.application.CurrentUser;
import org.innofund.program.application.CallCatalog;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 评估任务: the reviewer assigns accepted declarations to an agency for a stage and reassigns; the agency lists its
 * own, declares whether it has a conflict of interest, and reads the declaration once it declared none. Access is
 * {@link AssignmentAccess}'s; whether an agency may take the work is {@link AssignmentCheck}'s.
 */
@Stateless
public class Assignments {

    /** How many closed assignments (submitted, reassigned, conflict declared) a list shows after the open ones. */
    private static final int CLOSED_LISTED = 2000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private AssignmentAccess access;

    @EJB
    private Agencies agencies;

    @EJB
    private DeclarationService declarations;

    @EJB
    private CallCatalog calls;

    @Inject
    private Event<DomainEvent> events;

    /**
     * 分派: every declaration (accepted in formal review, its call going through the stage, without an open assignment
     * for the stage) to the agency, or
     * none: a refusal names each declaration with each reason. A MIDTERM or ACCEPTANCE evaluation is due when its call
     * says ({@link CallCatalog#evaluationDueOn}), whatever {@code dueOn} is given; the other stages are due on
     * {@code dueOn}.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public List<AssignmentView> assign(List<Long> declarationIds, EvaluationStage stage, @NotNull Long agencyId,
                                       LocalDate dueOn) {
        if (declarationIds == null || declarationIds.isEmpty()) {
            throw BusinessException.invalid("assignment.declarationsRequired");
        }
        if (stage == null) {
            throw BusinessException.invalid("assignment.stageRequired");
        }
        if (dueOn == null && RuleParameter.evaluationDays(stage).isEmpty()) {
            throw BusinessException.invalid("assignment.dueRequired");
        }
        AssignmentCheck.Agency agency = agencies.standing(agencyId);
        LocalDate today = today();
        List<FieldProblem> refusals = new ArrayList<>();
        Map<Assignment.Subject, LocalDate> subjects = new LinkedHashMap<>(); // each with its due date
        Map<Long, Collection<EvaluationStage>> stagesOf = new HashMap<>(); // each call read once
        Map<Long, LocalDate> dueOf = new HashMap<>();
        for (Long id : new LinkedHashSet<>(declarationIds)) {
            String field = "declaration." + id;
            DeclarationSummary d;
            try {
                d = declarations.get(id).summary();
            } catch (BusinessException notReadable) {
                refusals.add(FieldProblem.of(field, notReadable.messageKey(), id));
                continue;
            }
            if (d.state() != DeclarationState.ACCEPTED) {
                refusals.add(FieldProblem.of(field, "assignment.notAccepted", id, d.state()));
            }
            if (!stagesOf.computeIfAbsent(d.callId(), c -> calls.publishedCall(c).evaluationStages()).contains(stage)) {
                refusals.add(FieldProblem.of(field, "assignment.stageNotInCall", id));
            }
            if (openAssignment(id, stage)) {
                refusals.add(FieldProblem.of(field, "assignment.alreadyAssigned", id));
            }
            AssignmentCheck.refusals(agency, d.enterpriseUscc(), agencies.ties(agencyId, d.enterpriseId()), today)
                    .forEach(p -> refusals.add(FieldProblem.of(field, p.messageKey(), p.arguments().toArray())));
            subjects.put(new Assignment.Subject(id, d.enterpriseId(), d.enterpriseName(), d.projectName()),
                    dueOf.computeIfAbsent(d.callId(), c -> calls.evaluationDueOn(c, stage).orElse(dueOn)));
        }
        if (!refusals.isEmpty()) {
            throw new InvalidFormException(refusals);
        }
        UserAccount reviewer = currentUser.require();
        List<Assignment> made = subjects.entrySet().stream().map(s -> Assignment.offer(s.getKey(), agencyId, stage,
                s.getValue(), reviewer.getUsername(), clock.instant())).toList();
        made.forEach(em::persist);
        flushOneOpenPerStage();
        made.forEach(a -> events.fire(new EvaluationEvents.AssignmentOffered(reviewer.actor(), a.getId(),
                a.getDeclarationId(), stage, agencyId)));
        return made.stream().map(a -> AssignmentView.of(a, today)).toList();
    }

    /**
     * 改派: closes the assignment (kept in the history) and offers the same work to another agency, in one
     * transaction; the new agency is checked as at any assignment, and due as a new one would be (the call's days for
     * MIDTERM and ACCEPTANCE, from today).
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public AssignmentView reassign(@NotNull Long id, Long expectedVersion, @NotNull Long toAgencyId, LocalDate dueOn,
                                   String reason) {
        Assignment old = access.forReviewer(id);
        Versions.requireCurrent(old.getVersion(), expectedVersion);
        LocalDate today = today();
        List<FieldProblem> refusals = AssignmentCheck.refusals(agencies.standing(toAgencyId),
                agencies.usccOf(old.getEnterpriseId()), agencies.ties(toAgencyId, old.getEnterpriseId()), today);
        if (!refusals.isEmpty()) {
            throw new InvalidFormException(refusals);
        }
        UserAccount reviewer = currentUser.require();
        LocalDate due = calls.evaluationDueOn(declarations.get(old.getDeclarationId()).summary().callId(), old.getStage())
                .orElse(dueOn);
        Assignment successor = old.reassign(toAgencyId, due, reviewer.getUsername(), reason, clock.instant());
        Versions.flush(em); // the old one's live key is released before the successor takes it
        em.persist(successor);
        flushOneOpenPerStage();
        events.fire(new EvaluationEvents.AssignmentReassigned(reviewer.actor(), id, successor.getId(),
                successor.getTransitions().get(0).getReason()));
        events.fire(new EvaluationEvents.AssignmentOffered(reviewer.actor(), successor.getId(),
                successor.getDeclarationId(), successor.getStage(), toAgencyId));
        return AssignmentView.of(successor, today);
    }

    /** 回避声明 by the agency: no conflict (the fixed statement confirmed), or a conflict with its reason. */
    @RolesAllowed(Role.Names.AGENCY)
    public AssignmentView declareConflict(@NotNull Long id, Long expectedVersion, boolean conflict, String reason) {
        Assignment a = access.ownedForChange(id);
        Versions.requireCurrent(a.getVersion(), expectedVersion);
        UserAccount user = currentUser.require();
        if (conflict) {
            a.declareConflict(user.getUsername(), reason, clock.instant());
        } else {
            a.declareNoConflict(user.getUsername(), clock.instant());
        }
        Versions.flush(em);
        events.fire(new EvaluationEvents.ConflictDeclared(user.actor(), id, conflict, a.getConflictReason()));
        return AssignmentView.of(a, today());
    }

    /** The caller's agency's assignments, filtered by state and stage: the open ones the soonest due first. */
    @RolesAllowed(Role.Names.AGENCY)
    public List<AssignmentView> mine(AssignmentState state, EvaluationStage stage) {
        Map<String, Object> where = new HashMap<>();
        where.put("agencyId", access.agencyOf(currentUser.require()));
        if (state != null) {
            where.put("state", state);
        }
        if (stage != null) {
            where.put("stage", stage);
        }
        LocalDate today = today();
        return openFirst(where, false).stream().map(a -> AssignmentView.of(a, today)).toList();
    }

    /**
     * Every agency's assignments for the reviewer, filtered by state (or overdue ones only): overdue first, then the
     * soonest due.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public List<AssignmentView> all(AssignmentState state, boolean overdueOnly) {
        Map<String, Object> where = new HashMap<>();
        if (state != null) {
            where.put("state", state);
        }
        LocalDate today = today();
        return openFirst(where, overdueOnly).stream().map(a -> AssignmentView.of(a, today))
                .sorted(Comparator.comparing(AssignmentView::overdue).reversed()).toList();
    }

    /**
     * The assignments matching every attribute given: the open ones whole, the soonest due first (what waits on an
     * agency never falls off a list), then, unless only the overdue ones are asked, the closed ones, the latest due
     * first, up to {@value #CLOSED_LISTED}.
     */
    private List<Assignment> openFirst(Map<String, Object> where, boolean overdueOnly) {
        StringBuilder filter = new StringBuilder("select a from Assignment a where a.state in :states");
        where.keySet().forEach(attribute -> filter.append(" and a.").append(attribute).append(" = :").append(attribute));
        if (overdueOnly) {
            filter.append(" and a.dueOn < :today");
        }
        List<Assignment> listed = new ArrayList<>(query(filter + " order by a.dueOn, a.id", where, openStates(), overdueOnly)
                .getResultList());
        if (!overdueOnly) {
            List<AssignmentState> closed = java.util.Arrays.stream(AssignmentState.values()).filter(s -> !s.open()).toList();
            listed.addAll(query(filter + " order by a.dueOn desc, a.id desc", where, closed, false)
                    .setMaxResults(CLOSED_LISTED).getResultList());
        }
        return listed;
    }

    private TypedQuery<Assignment> query(String jpql, Map<String, Object> where, List<AssignmentState> states,
                                         boolean withToday) {
        TypedQuery<Assignment> q = em.createQuery(jpql, Assignment.class).setParameter("states", states);
        where.forEach(q::setParameter);
        if (withToday) {
            q.setParameter("today", today());
        }
        return q;
    }

    @RolesAllowed({Role.Names.AGENCY, Role.Names.REVIEWER})
    public AssignmentView get(@NotNull Long id) {
        return AssignmentView.of(access.readable(id), today());
    }

    /** The declaration behind the agency's assignment, as last submitted: only after it declared no conflict. */
    @RolesAllowed(Role.Names.AGENCY)
    public DeclarationDetail declaration(@NotNull Long id) {
        return declarations.get(access.contentReadable(id).getDeclarationId());
    }

    /**
     * 逾期: open assignments past their due date by the server's (movable) clock; the agency counts its own, the
     * reviewer all.
     */
    @RolesAllowed({Role.Names.AGENCY, Role.Names.REVIEWER})
    public long overdueCount() {
        UserAccount user = currentUser.require();
        boolean agency = user.hasRole(Role.AGENCY);
        TypedQuery<Long> q = em.createQuery("select count(a) from Assignment a where a.dueOn < :today "
                + "and a.state in :open" + (agency ? " and a.agencyId = :agency" : ""), Long.class)
                .setParameter("today", today()).setParameter("open", openStates());
        if (agency) {
            q.setParameter("agency", user.getOrganisation().getId());
        }
        return q.getSingleResult();
    }

    /** The declarations assigned at the stage at some time (open, done or handed on: a reassignment's successor counts). */
    @RolesAllowed(Role.Names.REVIEWER)
    public Set<Long> assignedDeclarations(@NotNull EvaluationStage stage) {
        return new HashSet<>(em.createQuery("select distinct a.declarationId from Assignment a where a.stage = :stage",
                Long.class).setParameter("stage", stage).getResultList());
    }

    private static List<AssignmentState> openStates() {
        return java.util.Arrays.stream(AssignmentState.values()).filter(AssignmentState::open).toList();
    }

    private boolean openAssignment(Long declarationId, EvaluationStage stage) {
        return !em.createQuery("select a.id from Assignment a where a.declarationId = :d and a.stage = :stage "
                        + "and a.state <> :closed", Long.class)
                .setParameter("d", declarationId).setParameter("stage", stage)
                .setParameter("closed", AssignmentState.REASSIGNED).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Writes now: two reviewers who both found no open assignment meet at the schema's unique live key, and the
     * second is told so (409) instead of failing at commit.
     */
    private void flushOneOpenPerStage() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw BusinessException.conflict("assignment.assignedMeanwhile");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE));
    }
}
