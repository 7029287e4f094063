package org.innofund.subsidy.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.program.domain.CallStatus;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;
import org.innofund.subsidy.domain.CalculationLine;
import org.innofund.subsidy.domain.CalculationRun;
import org.innofund.subsidy.domain.CallSteps;
import org.innofund.subsidy.domain.RunState;
import org.innofund.subsidy.domain.SubsidyEvents;
import org.innofund.subsidy.infrastructure.CalculationLineTable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * 核定: a reviewer runs the rule engine over a call, which stores a new version with a line per enterprise (a preview);
 * an approver who did not start it approves the newest one, which freezes it and supersedes the one approved before.
 */
@Stateless
public class CalculationRuns {

    /** The most lines one page may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private CandidateGathering gathering;

    @EJB
    private CalculationLineTable lineTable;

    @Inject
    private Event<DomainEvent> events;

    /**
     * 开始核定: every candidate of every input source, calculated by its kind's rules and the call-level steps, stored
     * as the call's next version in one transaction. Two runs started at once are numbered one after the other: the
     * call's row is locked while the version is taken.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public RunView start(@NotNull Long callId) {
        FundingCall call = em.find(FundingCall.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (call == null) {
            throw BusinessException.notFound("call.notFound", callId);
        }
        if (call.getStatus() != CallStatus.PUBLISHED) {
            throw BusinessException.conflict("calculationRun.callNotPublished", call.getTitle());
        }
        SubsidyKind kind = call.getProgram().getSubsidyKind();
        RuleParameters parameters = CandidateGathering.parametersOf(call);
        Gathered gathered = gathering.gather(call);
        CallSteps.Outcome outcome = gathered.calculate(parameters, call.getBudget());
        int versionNo = newestVersion(callId) + 1;
        UserAccount reviewer = currentUser.require();
        CalculationRun run = new CalculationRun(callId, versionNo, kind, parameters, call.getBudget(), outcome,
                reviewer.getUsername(), clock.instant());
        em.persist(run);
        em.flush();
        lineTable.insert(lines(run.getId(), outcome, gathered));
        events.fire(new SubsidyEvents.CalculationRunStarted(reviewer.actor(), run.getId(), callId, versionNo,
                run.getLineCount(), run.getTotal()));
        return RunView.of(run, call.getTitle(), true);
    }

    private List<CalculationLine> lines(long runId, CallSteps.Outcome outcome, Gathered gathered) {
        List<CalculationLine> lines = new ArrayList<>(outcome.lines().size());
        for (int i = 0; i < outcome.lines().size(); i++) {
            InputSource.Candidate c = gathered.candidates().get(i);
            lines.add(new CalculationLine(runId, i, outcome.lines().get(i), c.inputs(), gathered.name(c), c.origin()));
        }
        return lines;
    }

    /**
     * 批准核定: by an approver who did not start the run, carrying the version read, only the call's newest run; the
     * run approved before it, if any, is superseded (kept). Serialised with starts on the call's row.
     */
    @RolesAllowed(Role.Names.APPROVER)
    public RunView approve(@NotNull Long runId, Long expectedVersion) {
        CalculationRun run = find(runId);
        FundingCall call = lockWithRelatedCalls(em.find(FundingCall.class, run.getCallId()));
        em.refresh(run);
        Versions.requireCurrent(run.getVersion(), expectedVersion);
        int newest = newestVersion(run.getCallId());
        if (run.getVersionNo() != newest) {
            throw BusinessException.conflict("calculationRun.notNewest", run.getVersionNo(), newest);
        }
        requireBasisUnchanged(run, call);
        UserAccount approver = currentUser.require();
        run.approve(approver.getUsername(), clock.instant());
        List<CalculationRun> earlier = em.createQuery("select r from CalculationRun r where r.callId = :call"
                        + " and r.state = :approved and r.id <> :id", CalculationRun.class)
                .setParameter("call", run.getCallId()).setParameter("approved", RunState.APPROVED)
                .setParameter("id", run.getId()).getResultList();
        earlier.forEach(CalculationRun::supersede);
        Versions.flush(em);
        events.fire(new SubsidyEvents.CalculationRunApproved(approver.actor(), run.getId(), run.getCallId(),
                run.getVersionNo(), run.getTotal(), earlier.isEmpty() ? null : earlier.get(0).getId()));
        return RunView.of(run, call.getTitle(), true);
    }

    /**
     * Locks the call with every call whose approvals its amounts depend on — the same year's (the enterprise's yearly cap)
     * and, for REWARD, every REWARD call (HIGH_TECH_NEW once ever) — in id order, so that two approvals of such calls
     * run one after the other (and never lock each other's rows in opposite orders). Returns the call, locked.
     */
    private FundingCall lockWithRelatedCalls(FundingCall call) {
        boolean reward = call.getProgram().getSubsidyKind() == SubsidyKind.REWARD;
        var related = em.createQuery("select c from FundingCall c where c.year = :year or c.id = :call"
                        + (reward ? " or c.program.subsidyKind = :reward" : "") + " order by c.id", FundingCall.class)
                .setParameter("year", call.getYear()).setParameter("call", call.getId());
        if (reward) {
            related.setParameter("reward", SubsidyKind.REWARD);
        }
        related.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        em.refresh(call);
        return call;
    }

    /**
     * A run read, when it started, what the related calls had approved for its enterprises (for SHARED_SERVICE also for
     * the enterprises of their actual controllers). If a related call's run approved since then pays any of them, this
     * run's amounts may exceed the yearly cap, a voucher cap (or pay HIGH_TECH_NEW twice): refused, a new run reads the
     * new approvals.
     */
    private void requireBasisUnchanged(CalculationRun run, FundingCall call) {
        boolean reward = call.getProgram().getSubsidyKind() == SubsidyKind.REWARD;
        boolean vouchers = call.getProgram().getSubsidyKind() == SubsidyKind.SHARED_SERVICE;
        var paid = em.createQuery("select count(l) from CalculationLine l, CalculationRun r, FundingCall c"
                        + " where l.runId = r.id and r.callId = c.id and r.callId <> :call and r.state = :approved"
                        + " and r.approvedAt > :started and l.amount > :zero and (c.year = :year"
                        + (reward ? " or c.program.subsidyKind = :reward" : "") + ")"
                        + " and (l.uscc in (select m.uscc from CalculationLine m where m.runId = :run)"
                        // SHARED_SERVICE: an enterprise of the same actual controller (recorded now) as one of its lines
                        + (vouchers ? " or (r.kind = :vouchers and l.uscc in (select e.uscc from EnterpriseController e"
                        + " where e.controller in (select f.controller from EnterpriseController f, CalculationLine m"
                        + " where m.runId = :run and f.uscc = m.uscc)))" : "") + ")", Long.class)
                .setParameter("call", call.getId()).setParameter("approved", RunState.APPROVED)
                .setParameter("started", run.getStartedAt()).setParameter("zero", Money.ZERO)
                .setParameter("year", call.getYear()).setParameter("run", run.getId());
        if (reward) {
            paid.setParameter("reward", SubsidyKind.REWARD);
        }
        if (vouchers) {
            paid.setParameter("vouchers", SubsidyKind.SHARED_SERVICE);
        }
        long paidSince = paid.getSingleResult();
        if (paidSince > 0) {
            throw BusinessException.conflict("calculationRun.basisChanged", run.getVersionNo());
        }
    }

    /** Every run of the call, the newest first. */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public List<RunView> ofCall(@NotNull Long callId) {
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null) {
            throw BusinessException.notFound("call.notFound", callId);
        }
        List<CalculationRun> runs = em.createQuery("select r from CalculationRun r where r.callId = :call"
                + " order by r.versionNo desc", CalculationRun.class).setParameter("call", callId).getResultList();
        List<RunView> views = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            views.add(RunView.of(runs.get(i), call.getTitle(), i == 0));
        }
        return views;
    }

    /** A run with one page of its lines, sorted as asked (then by position). */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public RunPage run(@NotNull Long runId, @Min(0) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size, LineOrder order) {
        CalculationRun run = find(runId);
        LineOrder by = order == null ? LineOrder.POSITION : order;
        long first = (long) page * size; // a page past the end is empty, never an overflow
        List<LineView> lines = first >= run.getLineCount() ? List.of() : em.createQuery(
                        "select l from CalculationLine l where l.runId = :run order by " + by.jpql(), CalculationLine.class)
                .setParameter("run", runId).setFirstResult((int) first).setMaxResults(size).getResultStream()
                .map(LineView::of).toList();
        return new RunPage(RunView.of(run, em.find(FundingCall.class, run.getCallId()).getTitle(),
                run.getVersionNo() == newestVersion(run.getCallId())), lines, page, size, run.getLineCount());
    }

    /** 待批准: each call's newest run while it is a preview, the oldest first (the approver's home). */
    @RolesAllowed(Role.Names.APPROVER)
    public List<RunView> awaitingApproval() {
        return em.createQuery("select r, c.title from CalculationRun r, FundingCall c where c.id = r.callId"
                        + " and r.state = :preview and r.versionNo = (select max(r2.versionNo) from CalculationRun r2"
                        + " where r2.callId = r.callId) order by r.startedAt, r.id", Object[].class)
                .setParameter("preview", RunState.PREVIEW).getResultStream()
                .map(row -> RunView.of((CalculationRun) row[0], (String) row[1], true)).toList();
    }

    /** The call's newest version number, 0 before its first run. */
    private int newestVersion(Long callId) {
        Object max = em.createQuery("select max(r.versionNo) from CalculationRun r where r.callId = :call")
                .setParameter("call", callId).getSingleResult();
        return max == null ? 0 : ((Number) max).intValue();
    }

    private CalculationRun find(Long runId) {
        CalculationRun run = em.find(CalculationRun.class, runId);
        if (run == null) {
            throw BusinessException.notFound("calculationRun.notFound", runId);
        }
        return run;
    }
}
