package org.innofund.project.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.evaluation.application.Assignments;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.project.domain.AgreementContent;
import org.innofund.project.domain.AgreementEvents;
import org.innofund.project.domain.AgreementState;
import org.innofund.project.domain.ChangeKind;
import org.innofund.project.domain.ChangeRequest;
import org.innofund.project.domain.ChangeState;
import org.innofund.project.domain.ProgressReport;
import org.innofund.project.domain.ProgressReportFile;
import org.innofund.program.domain.FundingCall;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectState;
import org.innofund.project.domain.ProjectAction;
import org.innofund.project.domain.TaskAgreement;
import org.innofund.project.infrastructure.ReportFileContentStore;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.FileType;
import org.innofund.shared.UploadInspector;
import org.innofund.shared.UploadedFile;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.math.BigDecimal;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 任务书与过程管理: the enterprise drafts its PUBLICIZED project's task agreement from its declaration, submits it; the
 * reviewer returns it with a reason or confirms it; the enterprise confirms, and the project is CONTRACTED and at once
 * IN_PROGRESS (the milestones, not the state, say what is due when). Then progress reports per milestone and change
 * requests the reviewer decides. Access is {@link ProjectAccess}'s: another enterprise's project answers 404 and is
 * audited. Every change carries the version read (the project's to start, then the agreement's, a change request's).
 */
@Stateless
public class TaskAgreements {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private ProjectAccess access;

    @EJB
    private DeclarationService declarations;

    @EJB
    private Assignments assignments;

    @Inject
    private Event<DomainEvent> events;

    @Inject
    private ReportFileContentStore fileContents;

    /** A progress report's file at most, as a declaration's attachment. */
    public static final long FILE_MAX_BYTES = 20L * 1024 * 1024;

    /** The project's agreement with its reports and change requests, or null while none was drafted. */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.FINANCE})
    public AgreementView get(@NotNull Long projectId) {
        Project p = access.readable(projectId);
        TaskAgreement a = find(p.getId());
        return a == null ? null : view(a);
    }

    /** 起草: the draft prefilled from the declaration (goals, indicators as targets, budget, period, two milestones). */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public AgreementView start(@NotNull Long projectId, Long expectedProjectVersion) {
        Project p = access.ownedForChange(projectId);
        Versions.requireCurrent(p.getVersion(), expectedProjectVersion);
        p.require(ProjectAction.DRAFT_AGREEMENT);
        if (find(p.getId()) != null) {
            throw BusinessException.conflict("agreement.exists", p.getId());
        }
        UserAccount user = currentUser.require();
        TaskAgreement a = TaskAgreement.draft(p.getId(), p.getEnterpriseId(), p.getApprovedAmount(),
                prefilled(declarations.get(p.getDeclarationId()).content()), user.getUsername(), clock.instant());
        em.persist(a);
        Versions.flush(em);
        events.fire(new AgreementEvents.AgreementDrafted(user.actor(), p.getId(), a.getId()));
        return view(a);
    }

    /** 保存草稿 */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public AgreementView save(@NotNull Long projectId, Long expectedVersion, @NotNull @Valid AgreementContent content) {
        TaskAgreement a = owned(projectId, expectedVersion, ProjectAction.DRAFT_AGREEMENT);
        a.edit(content);
        Versions.flush(em);
        events.fire(new AgreementEvents.AgreementDrafted(currentUser.actor(), projectId, a.getId()));
        return view(a);
    }

    /** 提交: refused with every problem at once (422 naming each field; the subsidy part to the fen). */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public AgreementView submit(@NotNull Long projectId, Long expectedVersion) {
        TaskAgreement a = owned(projectId, expectedVersion, ProjectAction.DRAFT_AGREEMENT);
        a.submit(currentUser.require().getUsername(), clock.instant());
        Versions.flush(em);
        events.fire(new AgreementEvents.AgreementSubmitted(currentUser.actor(), projectId, a.getId()));
        return view(a);
    }

    /** 退回修改, with the reason. */
    @RolesAllowed(Role.Names.REVIEWER)
    public AgreementView returnForRevision(@NotNull Long projectId, Long expectedVersion, String reason) {
        TaskAgreement a = reviewed(projectId, expectedVersion, ProjectAction.DRAFT_AGREEMENT);
        a.returnForRevision(reason, currentUser.require().getUsername(), clock.instant());
        Versions.flush(em);
        events.fire(new AgreementEvents.AgreementReturned(currentUser.actor(), projectId, a.getLastReason()));
        return view(a);
    }

    /** 业务科室确认 */
    @RolesAllowed(Role.Names.REVIEWER)
    public AgreementView confirmByReviewer(@NotNull Long projectId, Long expectedVersion) {
        TaskAgreement a = reviewed(projectId, expectedVersion, ProjectAction.DRAFT_AGREEMENT);
        a.confirmByReviewer(currentUser.require().getUsername(), clock.instant());
        Versions.flush(em);
        events.fire(new AgreementEvents.AgreementConfirmed(currentUser.actor(), projectId, false));
        return view(a);
    }

    /** 申报单位确认: the agreement is signed (version 1); the project is CONTRACTED, then IN_PROGRESS at once. */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public AgreementView confirmByEnterprise(@NotNull Long projectId, Long expectedVersion) {
        Project p = access.ownedForChange(projectId);
        TaskAgreement a = locked(p, expectedVersion);
        String by = currentUser.require().getUsername();
        var now = clock.instant();
        p.require(ProjectAction.CONTRACT);
        a.confirmByEnterprise(by, now);
        p.moveTo(ProjectAction.CONTRACT, by, now, null);
        p.moveTo(ProjectAction.START, by, now, null);
        Versions.flush(em);
        events.fire(new AgreementEvents.AgreementConfirmed(currentUser.actor(), projectId, true));
        return view(a);
    }

    /** 进度报告 against one milestone of the signed agreement, once per milestone, without files. */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public AgreementView report(@NotNull Long projectId, int milestoneNo, String text, String figures) {
        return report(projectId, milestoneNo, text, figures, List.of());
    }

    /**
     * 进度报告 with its PDFs (0 to 5, each checked by its content as a declaration's attachments are, at most 20 MB):
     * all are read and checked before anything is stored, so a refused file leaves no report behind.
     */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public AgreementView report(@NotNull Long projectId, int milestoneNo, String text, String figures,
                                @NotNull List<UploadedFile> files) {
        Project p = access.ownedForChange(projectId);
        p.require(ProjectAction.REPORT_PROGRESS);
        TaskAgreement a = required(p.getId());
        if (reports(a.getId()).stream().anyMatch(r -> r.getMilestoneNo() == milestoneNo)) {
            throw BusinessException.conflict("progress.alreadyReported", milestoneNo);
        }
        ProgressReportFile.requireCount(files.size());
        String by = currentUser.require().getUsername();
        ProgressReport report = ProgressReport.file(a, milestoneNo, text, figures, by, clock.instant());
        List<UploadInspector.Inspected> inspected = new ArrayList<>();
        try {
            for (UploadedFile f : files) {
                inspected.add(UploadInspector.inspectPdf(f.content(), FILE_MAX_BYTES, "progress.fileNotPdf"));
            }
            em.persist(report);
            Versions.flush(em);
            for (int i = 0; i < inspected.size(); i++) {
                UploadInspector.Inspected content = inspected.get(i);
                ProgressReportFile file = new ProgressReportFile(report, i + 1,
                        FileType.PDF.displayName(files.get(i).name()), content.size(), content.sha256(), by, clock.instant());
                em.persist(file);
                Versions.flush(em);
                fileContents.store(file.getId(), content.file(), content.size());
            }
            events.fire(new AgreementEvents.ProgressReported(currentUser.actor(), projectId, milestoneNo));
        } finally {
            inspected.forEach(UploadInspector.Inspected::discard);
        }
        return view(a);
    }

    /** A progress report's file described (for a download's headers), if the caller may read the project; else 404. */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.FINANCE})
    public AgreementView.ReportFile reportFile(@NotNull Long projectId, @NotNull Long fileId) {
        return AgreementView.ReportFile.of(readableFile(projectId, fileId));
    }

    /** Streams a progress report's file, if the caller may read the project; else 404. */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.FINANCE})
    public void downloadReportFile(@NotNull Long projectId, @NotNull Long fileId, @NotNull OutputStream out) {
        if (!fileContents.copyTo(readableFile(projectId, fileId).getId(), out)) {
            throw BusinessException.notFound("progress.fileNotFound", fileId);
        }
    }

    private ProgressReportFile readableFile(Long projectId, Long fileId) {
        Project p = access.readable(projectId);
        ProgressReportFile f = em.find(ProgressReportFile.class, fileId);
        if (f == null || !f.getProjectId().equals(p.getId())) {
            throw BusinessException.notFound("progress.fileNotFound", fileId);
        }
        return f;
    }

    /** 申请变更: the proposal is the whole agreement as it would read; one open request at a time. */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public AgreementView askChange(@NotNull Long projectId, Long expectedVersion, ChangeKind kind,
                                   @NotNull @Valid AgreementContent proposed, String reason) {
        TaskAgreement a = owned(projectId, expectedVersion, ProjectAction.REPORT_PROGRESS);
        if (changes(a.getId()).stream().anyMatch(c -> c.getState() == ChangeState.REQUESTED)) {
            throw BusinessException.conflict("change.alreadyOpen");
        }
        ChangeRequest c = ChangeRequest.ask(a, kind, proposed, reason, currentUser.require().getUsername(), clock.instant());
        em.persist(c);
        Versions.flush(em);
        events.fire(new AgreementEvents.ProjectChange(currentUser.actor(), projectId, kind, c.getState(), null));
        return view(a);
    }

    /** 变更审批: approved, the agreement's next version; rejected, with the reason. */
    @RolesAllowed(Role.Names.REVIEWER)
    public AgreementView decideChange(@NotNull Long projectId, @NotNull Long changeId, Long expectedVersion,
                                      boolean approve, String reason) {
        Project p = access.forReviewer(projectId);
        p.require(ProjectAction.REPORT_PROGRESS);
        TaskAgreement a = required(p.getId());
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        ChangeRequest c = em.find(ChangeRequest.class, changeId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.getAgreementId().equals(a.getId())) {
            throw BusinessException.notFound("change.notFound", changeId);
        }
        Versions.requireCurrent(c.getVersion(), expectedVersion);
        String by = currentUser.require().getUsername();
        if (approve) {
            c.approve(a, by, clock.instant());
        } else {
            c.reject(a, reason, by, clock.instant());
        }
        Versions.flush(em);
        events.fire(new AgreementEvents.ProjectChange(currentUser.actor(), projectId, c.getKind(), c.getState(),
                c.getDecisionReason()));
        return view(a);
    }

    /** 逾期未报: the caller's projects (an enterprise's own, the bureau's all) with milestones past their date unreported. */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER})
    public List<OverdueReport> overdue() {
        boolean all = access.seesAll();
        // the signed agreements of projects still running (a finished project's unreported milestone is history, not
        // overdue), joined rather than listed: an IN list of every agreement would pass Oracle's 1,000 in a few years
        String running = "p.id = a.projectId and a.state = :signed and p.state in :running"
                + (all ? "" : " and a.enterpriseId = :enterprise");
        var agreements = em.createQuery("select a, p from TaskAgreement a, Project p where " + running + " order by a.id",
                Object[].class);
        var reports = em.createQuery("select r.agreementId, r.milestoneNo from ProgressReport r, TaskAgreement a, Project p"
                + " where r.agreementId = a.id and " + running, Object[].class);
        for (var query : List.of(agreements, reports)) {
            query.setParameter("signed", AgreementState.SIGNED).setParameter("running", RUNNING);
            if (!all) {
                query.setParameter("enterprise", currentUser.require().getOrganisation().getId());
            }
        }
        List<Object[]> signed = agreements.getResultList();
        if (signed.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Integer>> reported = reports.getResultList().stream()
                .collect(Collectors.groupingBy(r -> (Long) r[0], Collectors.mapping(r -> (Integer) r[1], Collectors.toSet())));
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE));
        return signed.stream().flatMap(row -> {
            TaskAgreement a = (TaskAgreement) row[0];
            return a.overdueMilestones(today, reported.getOrDefault(a.getId(), new HashSet<>())).stream()
                    .map(n -> OverdueReport.of((Project) row[1], a, n));
        }).toList();
    }

    /**
     * 待分派评估 for the reviewer: the running projects whose MIDTERM or ACCEPTANCE evaluation has come by the server's
     * (movable) clock ({@link TaskAgreement#evaluationDue}) and has no assignment yet, the longest waiting first. Read
     * from the database each time: every server of a cluster answers the same.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public List<DueEvaluation> evaluationsDue() {
        List<Object[]> signed = em.createQuery("select a, p from TaskAgreement a, Project p where p.id = a.projectId"
                        + " and a.state = :signed and p.state in :running order by a.id", Object[].class)
                .setParameter("signed", AgreementState.SIGNED).setParameter("running", RUNNING).getResultList();
        if (signed.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE));
        Map<EvaluationStage, Set<Long>> assigned = new EnumMap<>(EvaluationStage.class);
        return signed.stream().flatMap(row -> {
            Project p = (Project) row[1];
            return ((TaskAgreement) row[0]).evaluationDue(p.getState(), today).stream()
                    .filter(due -> !assigned.computeIfAbsent(due.stage(), assignments::assignedDeclarations)
                            .contains(p.getDeclarationId()))
                    .map(due -> DueEvaluation.of(p, due));
        }).sorted(Comparator.comparing(DueEvaluation::since).thenComparing(DueEvaluation::projectId)).toList();
    }

    /** The states of a project whose milestones are still to be reported. */
    private static final List<ProjectState> RUNNING = List.of(ProjectState.CONTRACTED, ProjectState.IN_PROGRESS,
            ProjectState.MIDTERM_DONE);

    private static AgreementContent prefilled(DeclarationContent d) {
        List<AgreementContent.Target> targets = d.keyIndicators() == null ? List.of()
                : Arrays.stream(d.keyIndicators().split("\\R")).map(String::strip).filter(l -> !l.isEmpty())
                .limit(AgreementContent.MAX_ROWS)
                .map(l -> new AgreementContent.Target(l.length() > AgreementContent.NAME_MAX
                        ? l.substring(0, AgreementContent.NAME_MAX) : l, null, null)).toList();
        List<AgreementContent.BudgetItem> budget = d.budgetLines().stream()
                .map(b -> new AgreementContent.BudgetItem(b.category(), b.source(), b.amount())).toList();
        List<AgreementContent.Milestone> milestones = d.periodStart() == null || d.periodEnd() == null
                || !d.periodEnd().isAfter(d.periodStart()) ? List.of() : List.of(
                new AgreementContent.Milestone("中期", d.periodStart().plusDays(
                        (d.periodEnd().toEpochDay() - d.periodStart().toEpochDay()) / 2), true),
                new AgreementContent.Milestone("结题", d.periodEnd(), false));
        return new AgreementContent(d.summary(), d.periodStart(), d.periodEnd(), targets, budget, milestones);
    }

    private TaskAgreement owned(Long projectId, Long expectedVersion, ProjectAction action) {
        Project p = access.ownedForChange(projectId);
        p.require(action);
        return locked(p, expectedVersion);
    }

    private TaskAgreement reviewed(Long projectId, Long expectedVersion, ProjectAction action) {
        Project p = access.forReviewer(projectId);
        p.require(action);
        return locked(p, expectedVersion);
    }

    private TaskAgreement locked(Project p, Long expectedVersion) {
        TaskAgreement a = required(p.getId());
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireCurrent(a.getVersion(), expectedVersion);
        return a;
    }

    private TaskAgreement required(Long projectId) {
        TaskAgreement a = find(projectId);
        if (a == null) {
            throw BusinessException.notFound("agreement.notFound", projectId);
        }
        return a;
    }

    private TaskAgreement find(Long projectId) {
        return em.createQuery("select a from TaskAgreement a where a.projectId = :p", TaskAgreement.class)
                .setParameter("p", projectId).getResultStream().findFirst().orElse(null);
    }

    private List<ProgressReport> reports(Long agreementId) {
        return em.createQuery("select r from ProgressReport r where r.agreementId = :a order by r.milestoneNo",
                ProgressReport.class).setParameter("a", agreementId).getResultList();
    }

    private List<ChangeRequest> changes(Long agreementId) {
        return em.createQuery("select c from ChangeRequest c where c.agreementId = :a order by c.createdAt desc, c.id desc",
                ChangeRequest.class).setParameter("a", agreementId).getResultList();
    }

    private AgreementView view(TaskAgreement a) {
        List<ProgressReport> reports = reports(a.getId());
        Set<Integer> reported = reports.stream().map(ProgressReport::getMilestoneNo).collect(Collectors.toSet());
        Map<Long, List<ProgressReportFile>> files = em.createQuery("select f from ProgressReportFile f"
                        + " where f.projectId = :p order by f.reportId, f.fileNo", ProgressReportFile.class)
                .setParameter("p", a.getProjectId()).getResultStream()
                .collect(Collectors.groupingBy(ProgressReportFile::getReportId));
        Project project = em.find(Project.class, a.getProjectId());
        BigDecimal advanceShare = em.find(FundingCall.class, project.getCallId()).getAdvanceShare();
        return AgreementView.of(a, advanceShare, a.overdueMilestones(LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE)), reported),
                reports, files, changes(a.getId()));
    }
}
