package org.innofund.evaluation.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.evaluation.domain.Assignment;
import org.innofund.evaluation.domain.AssignmentAction;
import org.innofund.evaluation.domain.Evaluation;
import org.innofund.evaluation.domain.EvaluationEvents;
import org.innofund.evaluation.domain.EvaluationInput;
import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.shared.Money;
import org.innofund.evaluation.infrastructure.ReportContentStore;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FileType;
import org.innofund.shared.UploadInspector;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 评估: the agency records its evaluation of an assignment (draft, report PDF, submission), the reviewer allows a
 * correction, both read it. Access is {@link AssignmentAccess}'s: another agency's assignment, or the agency's own before
 * its "no conflict" declaration, answers 404 and is audited. Every change carries the assignment's version as read and
 * raises it, so that of two changes made on the same read the second is refused (409).
 */
@Stateless
public class Evaluations {

    /** A report is a few dozen pages; below the product's upload limit. */
    public static final long REPORT_MAX_BYTES = 20L * 1024 * 1024;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private AssignmentAccess access;

    @EJB
    private DeclarationService declarations;

    @EJB
    private CallCatalog calls;

    @Inject
    private ReportContentStore reports;

    @Inject
    private Event<DomainEvent> events;

    /** 保存草稿: the draft as given (it may be incomplete; what is given must be right). */
    @RolesAllowed(Role.Names.AGENCY)
    public EvaluationView draft(@NotNull Long assignmentId, Long expectedVersion, @NotNull EvaluationInput input) {
        Assignment a = forChange(assignmentId, expectedVersion);
        Evaluation.Terms terms = terms(a);
        Evaluation e = editableDraft(a);
        e.record(input, terms);
        saved(a);
        return view(a, e, terms);
    }

    /** 上传评估报告: a PDF, checked by its content as attachments are, in place of the draft's earlier one. */
    @RolesAllowed(Role.Names.AGENCY)
    public EvaluationView attachReport(@NotNull Long assignmentId, Long expectedVersion, String fileName,
                                       @NotNull InputStream content) {
        Assignment a = forChange(assignmentId, expectedVersion);
        Evaluation e = editableDraft(a);
        UploadInspector.Inspected file = inspect(content);
        try {
            attached(a, e, fileName, file, currentUser.require());
            return view(a, e, terms(a));
        } finally {
            file.discard();
        }
    }

    /** 提交: final; everything must be there. */
    @RolesAllowed(Role.Names.AGENCY)
    public EvaluationView submit(@NotNull Long assignmentId, Long expectedVersion) {
        Assignment a = forChange(assignmentId, expectedVersion);
        a.getState().require(AssignmentAction.SUBMIT_EVALUATION);
        Evaluation e = latest(a.getId());
        if (e == null) {
            throw BusinessException.invalid("evaluation.notFound", assignmentId);
        }
        Evaluation.Terms terms = terms(a);
        submitted(a, e, terms, currentUser.require());
        return view(a, e, terms);
    }

    /** One evaluation of a bulk upload: its input and its report PDF (inspected), checked whole beforehand. */
    public record Taken(Long assignmentId, Long version, EvaluationInput input, String reportName,
                        UploadInspector.Inspected report) {
    }

    /**
     * 批量提交 ({@link EvaluationBatches}): each evaluation recorded, its report attached and submitted, as draft,
     * attachReport and submit do one by one, in the caller's transaction: all are taken or none. The assignments are
     * locked (in id order, so two batches never wait on each other crosswise) and read afresh; each must still be open
     * to its evaluation and at the version the template was written at (checked before, and again here: a draft saved
     * between the check and the lock is not overwritten). Everything is read in a few queries and written in one flush
     * at the end, not three per evaluation: a flush compares every entity the transaction holds, so flushing per row
     * made a batch's cost grow with the square of its size.
     */
    @RolesAllowed(Role.Names.AGENCY)
    public void submitAll(@NotNull List<Taken> all) {
        UserAccount user = currentUser.require();
        Instant now = clock.instant();
        Map<Long, Assignment> locked = access.ownedForChange(all.stream().map(Taken::assignmentId).toList());
        Map<Long, Evaluation.Terms> terms = termsOf(locked.values());
        Map<Long, Evaluation> latest = latest(locked.keySet());
        Map<Long, Evaluation> taken = new LinkedHashMap<>();
        for (Taken t : all) {
            Assignment a = locked.get(t.assignmentId());
            Versions.requireCurrent(a.getVersion(), t.version());
            Evaluation e = editableDraft(a, latest.get(a.getId()));
            e.record(t.input(), terms.get(a.getId()));
            e.attachReport(FileType.PDF.displayName(t.reportName()), t.report().size(), t.report().sha256(),
                    user.getUsername(), now);
            e.submit(a, terms.get(a.getId()), user.getUsername(), now);
            em.lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            taken.put(a.getId(), e);
        }
        Versions.flush(em);
        Map<Long, java.nio.file.Path> contents = new LinkedHashMap<>();
        all.forEach(t -> contents.put(taken.get(t.assignmentId()).getId(), t.report().file()));
        reports.replaceAll(contents);
        for (Evaluation e : taken.values()) {
            events.fire(new EvaluationEvents.EvaluationReportAttached(user.actor(), e.getAssignmentId(), e.getVersionNo(),
                    e.getReportSize(), e.getReportSha256(), e.getReportName()));
            events.fire(submittedEvent(locked.get(e.getAssignmentId()), e, user));
        }
    }

    /**
     * The terms of many assignments' evaluations (a bulk upload checks hundreds), keyed by assignment: the declarations
     * read at once, each call once. The caller has checked the assignments are the agency's own and open.
     */
    @RolesAllowed(Role.Names.AGENCY)
    public Map<Long, Evaluation.Terms> termsOf(@NotNull Collection<Assignment> assignments) {
        Map<Long, DeclarationSummary> declared = declarations.submittedSummaries(
                assignments.stream().map(Assignment::getDeclarationId).toList());
        Map<Long, CallDetail> byCall = new HashMap<>();
        Map<Long, Evaluation.Terms> terms = new HashMap<>();
        for (Assignment a : assignments) {
            DeclarationSummary d = declared.get(a.getDeclarationId());
            if (d == null) {
                throw BusinessException.notFound("declaration.notFound", a.getDeclarationId());
            }
            terms.put(a.getId(), terms(a, d, byCall.computeIfAbsent(d.callId(), calls::publishedCall)));
        }
        return terms;
    }

    /** The report attached to the draft: its description on the draft, its content stored in place of an earlier one. */
    private void attached(Assignment a, Evaluation e, String fileName, UploadInspector.Inspected file, UserAccount user) {
        e.attachReport(FileType.PDF.displayName(fileName), file.size(), file.sha256(), user.getUsername(), clock.instant());
        saved(a);
        reports.delete(e.getId());
        reports.store(e.getId(), file.file(), file.size());
        events.fire(new EvaluationEvents.EvaluationReportAttached(user.actor(), a.getId(), e.getVersionNo(),
                file.size(), file.sha256(), e.getReportName()));
    }

    private void submitted(Assignment a, Evaluation e, Evaluation.Terms terms, UserAccount user) {
        e.submit(a, terms, user.getUsername(), clock.instant());
        saved(a);
        events.fire(submittedEvent(a, e, user));
    }

    private static EvaluationEvents.EvaluationSubmitted submittedEvent(Assignment a, Evaluation e, UserAccount user) {
        return new EvaluationEvents.EvaluationSubmitted(user.actor(), a.getId(), e.getVersionNo(), e.getTotal(),
                a.getDeclarationId(), a.getStage(), e.getGrade(), e.getVerdict(),
                org.innofund.shared.Money.ofNullable(e.conclusion().auditedActualSpend()));
    }

    /** 允许更正: the reviewer opens a new version of the submitted evaluation, with the reason; the old one is kept. */
    @RolesAllowed(Role.Names.REVIEWER)
    public EvaluationView allowCorrection(@NotNull Long assignmentId, Long expectedVersion, String reason) {
        Assignment a = access.forReviewer(assignmentId);
        Versions.requireCurrent(a.getVersion(), expectedVersion);
        a.getState().require(AssignmentAction.ALLOW_CORRECTION);
        Evaluation last = latest(a.getId());
        UserAccount reviewer = currentUser.require();
        Evaluation next = last.allowCorrection(a, reason, reviewer.getUsername(), clock.instant());
        em.persist(next);
        Versions.flush(em);
        if (next.getReportName() != null) {
            reports.copy(last.getId(), next.getId());
        }
        events.fire(new EvaluationEvents.EvaluationCorrectionAllowed(reviewer.actor(), assignmentId, next.getVersionNo(),
                next.getCorrectionReason()));
        return view(a, next, terms(a));
    }

    /** How many ids an IN list takes at most (Oracle refuses more than 1,000 expressions in one). */
    private static final int IN_LIST_MAX = 1000;

    /**
     * 评估结果: for each of the declarations that has one, its newest submitted evaluation at the stage (the one that
     * counts, whichever assignment it came from: after a reassignment, or a correction, the later submission), by
     * declaration id. One query for the evaluations (per thousand declarations), one for their dispersion flags.
     */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public Map<Long, StageResult> newestSubmitted(@NotNull EvaluationStage stage, @NotNull Collection<Long> declarationIds) {
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(declarationIds));
        Map<Long, StageResult> results = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_MAX) {
            List<Object[]> rows = em.createQuery("select e.id, a.id, a.declarationId, e.total, e.grade, e.verdict,"
                            + " e.recommendedAmount, e.submittedAt from Evaluation e, Assignment a"
                            + " where a.id = e.assignmentId and a.stage = :stage and e.state = :submitted"
                            + " and a.declarationId in :ids and not exists (select e2.id from Evaluation e2, Assignment a2"
                            + " where a2.id = e2.assignmentId and a2.declarationId = a.declarationId and a2.stage = :stage"
                            + " and e2.state = :submitted and (e2.submittedAt > e.submittedAt"
                            + " or (e2.submittedAt = e.submittedAt and e2.id > e.id)))", Object[].class)
                    .setParameter("stage", stage).setParameter("submitted", Evaluation.State.SUBMITTED)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST_MAX))).getResultList();
            for (Object[] r : rows) {
                Object amount = r[6];
                results.put((Long) r[2], new StageResult((Long) r[0], (Long) r[1], (Long) r[2], (BigDecimal) r[3],
                        (Grade) r[4], (Verdict) r[5], amount instanceof BigDecimal b ? Money.of(b) : (Money) amount,
                        (Instant) r[7], 0));
            }
        }
        return withDispersion(results);
    }

    /** The results with their counts of sheets flagged for dispersion, asked once for all. */
    private Map<Long, StageResult> withDispersion(Map<Long, StageResult> results) {
        List<Long> evaluations = results.values().stream().map(StageResult::evaluationId).toList();
        Map<Long, Integer> dispersed = new HashMap<>();
        for (int from = 0; from < evaluations.size(); from += IN_LIST_MAX) {
            em.createQuery("select s.evaluation.id, count(s) from EvaluationSheet s where s.evaluation.id in :ids"
                            + " and s.dispersed = :yes group by s.evaluation.id", Object[].class)
                    .setParameter("ids", evaluations.subList(from, Math.min(evaluations.size(), from + IN_LIST_MAX)))
                    .setParameter("yes", true).getResultList()
                    .forEach(r -> dispersed.put((Long) r[0], ((Number) r[1]).intValue()));
        }
        Map<Long, StageResult> flagged = new HashMap<>();
        results.forEach((declaration, r) -> flagged.put(declaration, new StageResult(r.evaluationId(), r.assignmentId(),
                r.declarationId(), r.total(), r.grade(), r.verdict(), r.recommendedAmount(), r.submittedAt(),
                dispersed.getOrDefault(r.evaluationId(), 0))));
        return flagged;
    }

    /** The newest version (a correction's draft included), for the agency once cleared and for the reviewer. */
    @RolesAllowed({Role.Names.AGENCY, Role.Names.REVIEWER})
    public EvaluationView current(@NotNull Long assignmentId) {
        Assignment a = readable(assignmentId);
        return view(a, latest(a.getId()), terms(a));
    }

    /** One version, by its number. */
    @RolesAllowed({Role.Names.AGENCY, Role.Names.REVIEWER})
    public EvaluationView version(@NotNull Long assignmentId, int versionNo) {
        Assignment a = readable(assignmentId);
        Evaluation e = all(a.getId()).stream().filter(v -> v.getVersionNo() == versionNo).findFirst()
                .orElseThrow(() -> BusinessException.notFound("evaluation.notFound", assignmentId));
        return view(a, e, terms(a));
    }

    /** Every version, the first first; the newest submitted one counts. */
    @RolesAllowed({Role.Names.AGENCY, Role.Names.REVIEWER})
    public List<EvaluationView.VersionView> versions(@NotNull Long assignmentId) {
        return EvaluationView.versions(all(readable(assignmentId).getId()));
    }

    /**
     * Streams the report of version {@code versionNo} (null: the newest) and describes it; 404 when that version has
     * none. A version's report is kept with it, so a correction's new file never hides the one judged before.
     */
    @RolesAllowed({Role.Names.AGENCY, Role.Names.REVIEWER})
    public EvaluationView.ReportView downloadReport(@NotNull Long assignmentId, Integer versionNo, @NotNull OutputStream out) {
        Evaluation e = withReport(assignmentId, versionNo);
        if (!reports.copyTo(e.getId(), out)) {
            throw BusinessException.notFound("evaluation.reportNotFound", assignmentId);
        }
        return reportOf(e);
    }

    /** The report's description without its content (for a download's headers), or 404 when there is none. */
    @RolesAllowed({Role.Names.AGENCY, Role.Names.REVIEWER})
    public EvaluationView.ReportView report(@NotNull Long assignmentId, Integer versionNo) {
        return reportOf(withReport(assignmentId, versionNo));
    }

    private Evaluation withReport(Long assignmentId, Integer versionNo) {
        List<Evaluation> all = all(readable(assignmentId).getId());
        Evaluation e = versionNo == null ? (all.isEmpty() ? null : all.get(all.size() - 1))
                : all.stream().filter(v -> v.getVersionNo() == versionNo).findFirst().orElse(null);
        if (e == null || e.getReportName() == null) {
            throw BusinessException.notFound("evaluation.reportNotFound", assignmentId);
        }
        return e;
    }

    private static EvaluationView.ReportView reportOf(Evaluation e) {
        return new EvaluationView.ReportView(e.getReportName(), e.getReportSize(), e.getReportSha256(),
                e.getReportUploadedBy(), e.getReportUploadedAt());
    }

    /**
     * 实时合计: what the input comes to, computed as a save computes it, nothing stored (the scoring form's live totals).
     * Refuses what a save refuses.
     */
    @RolesAllowed(Role.Names.AGENCY)
    public EvaluationPreview preview(@NotNull Long assignmentId, @NotNull EvaluationInput input) {
        Evaluation.Terms terms = terms(access.contentReadable(assignmentId));
        return EvaluationPreview.of(terms.template(), Evaluation.preview(input, terms));
    }

    /**
     * The terms the agency's evaluation of the assignment is recorded against (for a check of many inputs at once,
     * {@link Evaluation#problems}); the assignment as {@link #current} finds it.
     */
    @RolesAllowed({Role.Names.AGENCY, Role.Names.REVIEWER})
    public Evaluation.Terms terms(@NotNull Long assignmentId) {
        return terms(readable(assignmentId));
    }

    /**
     * The terms an assignment's evaluation is recorded against: its call's template, grade bounds and consolidated-sheet
     * rule, its program's subsidy kind, the declaration's requested subsidy, the assignment's stage.
     */
    private Evaluation.Terms terms(Assignment a) {
        DeclarationSummary d = declarations.get(a.getDeclarationId()).summary();
        return terms(a, d, calls.publishedCall(d.callId()));
    }

    /** The same, from the declaration and call as read (the bulk upload reads each call once for many rows). */
    static Evaluation.Terms terms(Assignment a, DeclarationSummary d, CallDetail call) {
        List<ScoringIndicator> template = call.scoringTemplate().stream()
                .map(i -> new ScoringIndicator(i.name(), i.weight())).toList();
        return new Evaluation.Terms(template, bounds(call.ruleParameters()), a.getStage(), d.subsidyKind(),
                d.requestedSubsidy(), call.consolidatedSheetAllowed());
    }

    private static Grade.Bounds bounds(Map<String, BigDecimal> parameters) {
        return new Grade.Bounds(
                parameters.getOrDefault(RuleParameter.GRADE_EXCELLENT.storedName(), Grade.Bounds.DEFAULT.excellent()),
                parameters.getOrDefault(RuleParameter.GRADE_GOOD.storedName(), Grade.Bounds.DEFAULT.good()),
                parameters.getOrDefault(RuleParameter.GRADE_PASS.storedName(), Grade.Bounds.DEFAULT.pass()));
    }

    /**
     * The agency's own assignment, once cleared (before: 404, audited), locked and read afresh, at the version the
     * change was made on.
     */
    private Assignment forChange(Long assignmentId, Long expectedVersion) {
        access.contentReadable(assignmentId);
        Assignment a = access.ownedForChange(assignmentId);
        Versions.requireCurrent(a.getVersion(), expectedVersion);
        return a;
    }

    /** The draft a change goes to: the newest version while the lifecycle table allows editing, or a first one. */
    private Evaluation editableDraft(Assignment a) {
        return editableDraft(a, latest(a.getId()));
    }

    private Evaluation editableDraft(Assignment a, Evaluation latest) {
        a.getState().require(AssignmentAction.EDIT_EVALUATION);
        Evaluation e = latest;
        if (e == null) {
            e = Evaluation.first(a, clock.instant());
            em.persist(e);
        }
        return e;
    }

    /** Raises the assignment's version with every change of its evaluation, and writes now: a stale change is a 409. */
    private void saved(Assignment a) {
        em.lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Versions.flush(em);
    }

    /** For the reviewer any assignment; for the agency its own, once cleared. */
    private Assignment readable(Long assignmentId) {
        return currentUser.require().hasRole(Role.REVIEWER) ? access.readable(assignmentId)
                : access.contentReadable(assignmentId);
    }

    private UploadInspector.Inspected inspect(InputStream content) {
        return UploadInspector.inspectPdf(content, REPORT_MAX_BYTES, "evaluation.reportNotPdf");
    }

    private Evaluation latest(Long assignmentId) {
        List<Evaluation> all = all(assignmentId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The newest version of each assignment's evaluation, in a query per few hundred assignments. */
    private Map<Long, Evaluation> latest(Collection<Long> assignmentIds) {
        List<Long> ids = List.copyOf(assignmentIds);
        Map<Long, Evaluation> latest = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 500) {
            em.createQuery("select e from Evaluation e where e.assignmentId in :ids order by e.versionNo", Evaluation.class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500))).getResultList()
                    .forEach(e -> latest.put(e.getAssignmentId(), e));
        }
        return latest;
    }

    private List<Evaluation> all(Long assignmentId) {
        return em.createQuery("select e from Evaluation e where e.assignmentId = :a order by e.versionNo", Evaluation.class)
                .setParameter("a", assignmentId).getResultList();
    }

    private EvaluationView view(Assignment a, Evaluation e, Evaluation.Terms terms) {
        EvaluationView.AssignmentFacts facts = new EvaluationView.AssignmentFacts(a.getId(), a.getState(),
                a.evaluationEditable(), a.getVersion());
        return e == null ? EvaluationView.empty(facts, terms) : EvaluationView.of(facts, e, terms, all(a.getId()));
    }
}
