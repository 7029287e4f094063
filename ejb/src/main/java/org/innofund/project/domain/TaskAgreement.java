package org.innofund.project.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * 任务书: what a funded (PRE_APPROVED) project promises — goals, measurable targets, the budget whose subsidy part is the
 * approved amount to the fen, the period and milestones — drafted by the enterprise, returned or confirmed by the
 * reviewer, then confirmed by the enterprise, which contracts the project. Holds the project and enterprise by id.
 * Every change of state goes through {@link AgreementState}'s table and is recorded; the signed text and each approved
 * change are kept as versions.
 */
@Entity
@Table(name = "task_agreement")
public class TaskAgreement extends BaseEntity {

    public static final int REASON_MAX = 1000;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private Long enterpriseId;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "approved_amount", nullable = false, updatable = false, precision = 16, scale = 2)
    private Money approvedAmount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AgreementState state;

    /** The text as it stands: the draft, or once signed the newest version's. */
    @Lob
    @Convert(converter = AgreementContentConverter.class)
    @Column(nullable = false)
    private AgreementContent content;

    /** The newest signed version's number; 0 until signed. */
    @Column(name = "version_no", nullable = false)
    private int versionNo;

    @Column(name = "last_reason", length = REASON_MAX)
    private String lastReason;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("occurredAt, id")
    private List<AgreementTransition> transitions = new ArrayList<>();

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("versionNo")
    private List<AgreementVersion> versions = new ArrayList<>();

    protected TaskAgreement() {
    }

    private TaskAgreement(Long projectId, Long enterpriseId, Money approved, AgreementContent prefilled, String by,
                          Instant now) {
        super(now);
        this.projectId = projectId;
        this.enterpriseId = enterpriseId;
        this.approvedAmount = approved;
        this.content = prefilled;
        this.state = AgreementState.DRAFT;
        transitions.add(new AgreementTransition(this, null, AgreementState.DRAFT, by, now, null));
    }

    /** 起草: a draft from what the declaration said (the service prefills it). */
    public static TaskAgreement draft(Long projectId, Long enterpriseId, Money approved, AgreementContent prefilled,
                                      String by, Instant now) {
        return new TaskAgreement(projectId, enterpriseId, approved, prefilled, by, now);
    }

    /** 保存草稿: anything storable; completeness is checked at submission. */
    public void edit(AgreementContent next) {
        state.require(AgreementAction.EDIT);
        this.content = next;
    }

    /** 提交: refused with every problem at once (the subsidy part must be the approved amount exactly). */
    public void submit(String by, Instant now) {
        state.require(AgreementAction.SUBMIT);
        List<FieldProblem> problems = AgreementCheck.problems(content, approvedAmount);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        moveTo(AgreementAction.SUBMIT, by, now, null);
    }

    /** 退回修改 with the reviewer's reason. */
    public void returnForRevision(String reason, String by, Instant now) {
        state.require(AgreementAction.RETURN);
        String why = requireReason(reason);
        moveTo(AgreementAction.RETURN, by, now, why);
        lastReason = why;
    }

    /** 业务科室确认 */
    public void confirmByReviewer(String by, Instant now) {
        moveTo(AgreementAction.CONFIRM_BY_REVIEWER, by, now, null);
        lastReason = null;
    }

    /** 申报单位确认: signed; the text becomes version 1. The caller contracts the project. */
    public void confirmByEnterprise(String by, Instant now) {
        moveTo(AgreementAction.CONFIRM_BY_ENTERPRISE, by, now, null);
        addVersion(null, by, now);
    }

    /** An approved change request (项目变更): its proposal becomes the next version. */
    void applyChange(ChangeRequest change, String by, Instant now) {
        state.require(AgreementAction.FOLLOW_UP);
        this.content = change.getProposed();
        addVersion(change.getId(), by, now);
    }

    private void addVersion(Long changeRequestId, String by, Instant now) {
        versionNo++;
        versions.add(new AgreementVersion(this, versionNo, content, changeRequestId, by, now));
    }

    /**
     * The milestones (by number, 1-based) whose date has passed without a report: a report is due by the end of its
     * milestone's day (Asia/Shanghai, the caller's "today"), so it is overdue from the next day on. None before signing.
     */
    public List<Integer> overdueMilestones(LocalDate today, Set<Integer> reported) {
        if (state != AgreementState.SIGNED) {
            return List.of();
        }
        return IntStream.rangeClosed(1, content.milestones().size())
                .filter(n -> !reported.contains(n) && content.milestone(n).dueOn().isBefore(today))
                .boxed().toList();
    }

    /** An evaluation a project is due for, and the day it came (the midterm milestone's date, the period's end). */
    public record EvaluationDue(EvaluationStage stage, LocalDate since) {
    }

    /**
     * 待分派评估: the evaluation the signed agreement's project, in this state, is due for today (Asia/Shanghai): MIDTERM
     * from the day of the first midterm milestone until the midterm is done, then ACCEPTANCE from the period's last day
     * (the project state table takes an acceptance only after the midterm). Whether it was assigned is the caller's.
     */
    public Optional<EvaluationDue> evaluationDue(ProjectState project, LocalDate today) {
        if (state != AgreementState.SIGNED) {
            return Optional.empty();
        }
        Optional<LocalDate> since = switch (project) {
            case CONTRACTED, IN_PROGRESS -> content.milestones().stream().filter(AgreementContent.Milestone::midterm)
                    .map(AgreementContent.Milestone::dueOn).min(LocalDate::compareTo);
            case MIDTERM_DONE -> Optional.ofNullable(content.periodEnd());
            default -> Optional.empty();
        };
        EvaluationStage stage = project == ProjectState.MIDTERM_DONE ? EvaluationStage.ACCEPTANCE : EvaluationStage.MIDTERM;
        return since.filter(day -> !day.isAfter(today)).map(day -> new EvaluationDue(stage, day));
    }

    /** The tranches of the approved amount under the call's advance share. */
    public List<PaymentTranche> tranches(BigDecimal advanceShare) {
        return PaymentTranche.of(approvedAmount, advanceShare);
    }

    public boolean isOf(Long organisationId) {
        return enterpriseId.equals(organisationId);
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("agreement.reasonRequired");
        }
        if (reason.strip().length() > REASON_MAX) {
            throw BusinessException.invalid("agreement.reasonTooLong", REASON_MAX);
        }
        return reason.strip();
    }

    private void moveTo(AgreementAction action, String by, Instant now, String reason) {
        AgreementState to = state.after(action);
        transitions.add(new AgreementTransition(this, state, to, by, now, reason));
        state = to;
    }

    public Long getProjectId() { return projectId; }
    public Long getEnterpriseId() { return enterpriseId; }
    public Money getApprovedAmount() { return approvedAmount; }
    public AgreementState getState() { return state; }
    public AgreementContent getContent() { return content; }
    public int getVersionNo() { return versionNo; }
    public String getLastReason() { return lastReason; }
    public List<AgreementTransition> getTransitions() { return Collections.unmodifiableList(transitions); }
    public List<AgreementVersion> getVersions() { return Collections.unmodifiableList(versions); }
}
