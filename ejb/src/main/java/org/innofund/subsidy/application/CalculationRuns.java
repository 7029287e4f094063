package org.innofund.subsidy.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.CalculationContext;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.program.domain.CallStatus;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.Money;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;
import org.innofund.subsidy.domain.CalculationLine;
import org.innofund.subsidy.domain.CalculationRun;
import org.innofund.subsidy.domain.CallSteps;
import org.innofund.subsidy.domain.RunState;
import org.innofund.subsidy.domain.SubsidyEvents;
import org.innofund.subsidy.infrastructure.Amounts;
import org.innofund.subsidy.infrastructure.CalculationLineTable;
import org.innofund.subsidy.infrastructure.ProjectInputs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 核定: a reviewer runs the rule engine over a call, which stores a new version with a line per enterprise (a preview);
 * an approver who did not start it approves the newest one, which freezes it and supersedes the one approved before.
 */
@Stateless
public class CalculationRuns {

    /** The most lines one page may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    /** Ids per IN list (Oracle's limit is 1,000). */
    private static final int IDS_PER_QUERY = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private IntegrityRegistry integrity;

    @EJB
    private CalculationLineTable lineTable;

    @Inject
    @Any
    private Instance<InputSource> sources;

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
        RuleParameters parameters = call.getRuleParameters() == null ? RuleParameters.defaults(kind)
                : call.getRuleParameters();
        List<InputSource.Candidate> candidates = new ArrayList<>();
        for (InputSource source : sources) {
            candidates.addAll(source.candidates(call));
        }
        CallSteps.Outcome outcome = CallSteps.apply(entries(call, kind, parameters, candidates),
                new CallSteps.Parameters(parameters.money(RuleParameter.ENTERPRISE_YEAR_CAP),
                        kind == SubsidyKind.SHARED_SERVICE ? parameters.money(RuleParameter.CONTROLLER_CAP) : null,
                        call.getBudget()));
        int versionNo = newestVersion(callId) + 1;
        UserAccount reviewer = currentUser.require();
        CalculationRun run = new CalculationRun(callId, versionNo, kind, parameters, call.getBudget(), outcome,
                reviewer.getUsername(), clock.instant());
        em.persist(run);
        em.flush();
        lineTable.insert(lines(run.getId(), outcome, candidates));
        events.fire(new SubsidyEvents.CalculationRunStarted(reviewer.actor(), run.getId(), callId, versionNo,
                run.getLineCount(), run.getTotal()));
        return RunView.of(run, call.getTitle(), true);
    }

    /** Each candidate's kind result, with the blacklist on today's date and what other calls of the year approved. */
    private List<CallSteps.Entry> entries(FundingCall call, SubsidyKind kind, RuleParameters parameters,
                                          List<InputSource.Candidate> candidates) {
        KindRules rules = KindRules.of(kind);
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE));
        Set<String> blacklisted = integrity.inForceAmong(IntegrityRecord.SubjectKind.ENTERPRISE,
                candidates.stream().map(InputSource.Candidate::uscc).toList());
        Map<String, Money> approvedElsewhere = approvedElsewhereThisYear(call);
        List<CallSteps.Entry> entries = new ArrayList<>(candidates.size());
        for (InputSource.Candidate c : candidates) {
            CalculationContext context = new CalculationContext(call.getYear(), LocalDate.of(call.getYear(), 1, 1),
                    LocalDate.of(call.getYear(), 12, 31), today, c.enterpriseId() > 0, blacklisted.contains(c.uscc()));
            Calculation result = rules.calculate(c.inputs(), parameters, context);
            if (kind == SubsidyKind.PRE_APPROVED) {
                result = ProjectInputs.withNoAdvancesNoted(result);
            }
            entries.add(new CallSteps.Entry(c.enterpriseId(), c.uscc(), c.controller(), c.submittedAt(), result,
                    approvedElsewhere.getOrDefault(c.uscc(), Money.ZERO)));
        }
        return entries;
    }

    /** Per USCC, what the APPROVED runs of the other calls of the call's year gave (step 4's yearly cap): one query. */
    private Map<String, Money> approvedElsewhereThisYear(FundingCall call) {
        Map<String, Money> sums = new HashMap<>();
        em.createQuery("select l.uscc, sum(l.amount) from CalculationLine l, CalculationRun r, FundingCall c"
                        + " where l.runId = r.id and r.callId = c.id and r.state = :approved and c.year = :year"
                        + " and c.id <> :call group by l.uscc", Object[].class)
                .setParameter("approved", RunState.APPROVED).setParameter("year", call.getYear())
                .setParameter("call", call.getId()).getResultList()
                .forEach(r -> sums.put((String) r[0], Amounts.money(r[1])));
        return sums;
    }

    private List<CalculationLine> lines(long runId, CallSteps.Outcome outcome, List<InputSource.Candidate> candidates) {
        Map<Long, String> names = names(candidates);
        List<CalculationLine> lines = new ArrayList<>(candidates.size());
        for (int i = 0; i < outcome.lines().size(); i++) {
            InputSource.Candidate c = candidates.get(i);
            lines.add(new CalculationLine(runId, i, outcome.lines().get(i), c.inputs(), names.get(c.enterpriseId()),
                    c.origin()));
        }
        return lines;
    }

    /** The registered names of the candidates' enterprises, a thousand ids a query. */
    private Map<Long, String> names(List<InputSource.Candidate> candidates) {
        List<Long> ids = candidates.stream().map(InputSource.Candidate::enterpriseId).filter(id -> id > 0).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            em.createQuery("select o.id, o.name from Organisation o where o.id in :ids", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .getResultList().forEach(r -> names.put((Long) r[0], (String) r[1]));
        }
        return names;
    }

    /**
     * 批准核定: by an approver who did not start the run, carrying the version read, only the call's newest run; the
     * run approved before it, if any, is superseded (kept). Serialised with starts on the call's row.
     */
    @RolesAllowed(Role.Names.APPROVER)
    public RunView approve(@NotNull Long runId, Long expectedVersion) {
        CalculationRun run = find(runId);
        FundingCall call = em.find(FundingCall.class, run.getCallId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(run);
        Versions.requireCurrent(run.getVersion(), expectedVersion);
        int newest = newestVersion(run.getCallId());
        if (run.getVersionNo() != newest) {
            throw BusinessException.conflict("calculationRun.notNewest", run.getVersionNo(), newest);
        }
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
        List<LineView> lines = em.createQuery("select l from CalculationLine l where l.runId = :run order by "
                        + by.jpql(), CalculationLine.class)
                .setParameter("run", runId).setFirstResult(page * size).setMaxResults(size).getResultStream()
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
