package org.innofund.evaluation.domain;

import org.innofund.program.domain.EvaluationStage;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FlagConverter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * 评估任务: one accepted declaration at one stage, given to one agency with a due date. Holds the declaration, its
 * enterprise and the agency by id. Every change goes through the lifecycle table of {@link AssignmentState} and is
 * recorded as a transition; a reassignment closes this one and opens its successor, so the history stays whole.
 */
@Entity
@Table(name = "evaluation_assignment")
public class Assignment extends BaseEntity {

    public static final int REASON_MAX = 1000;

    /**
     * 回避声明 (无利害关系): the fixed text an agency user confirms; the text confirmed is kept with the assignment, so
     * a later change of the wording does not change what was promised.
     */
    public static final String NO_CONFLICT_STATEMENT = "本机构及参与本项目评估的人员与项目申报单位不存在股权关系、同一实际控制人、"
            + "近三年咨询服务合同或其他可能影响评估公正性的利害关系；如有隐瞒，愿承担相应责任。";

    @Column(name = "declaration_id", nullable = false, updatable = false)
    private Long declarationId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private Long enterpriseId;

    @Column(name = "agency_id", nullable = false, updatable = false)
    private Long agencyId;

    /** What the agency sees before its conflict declaration: the enterprise's name and the project's title. */
    @Column(name = "enterprise_name", nullable = false, updatable = false, length = 200)
    private String enterpriseName;

    @Column(name = "project_name", updatable = false, length = 200)
    private String projectName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private EvaluationStage stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AssignmentState state;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "assigned_by", nullable = false, updatable = false, length = 64)
    private String assignedBy;

    /** null until declared; false: no conflict (the statement confirmed); true: a conflict (its reason). */
    @Convert(converter = FlagConverter.class)
    private Boolean conflict;

    @Column(name = "conflict_statement", length = REASON_MAX)
    private String conflictStatement;

    @Column(name = "conflict_reason", length = REASON_MAX)
    private String conflictReason;

    @Column(name = "conflict_declared_by", length = 64)
    private String conflictDeclaredBy;

    @Column(name = "conflict_declared_at")
    private Instant conflictDeclaredAt;

    /** The assignment this one took over from (改派), or null for a first assignment. */
    @Column(name = "replaces_id", updatable = false)
    private Long replacesId;

    /** "declaration:stage" while open, null once reassigned: the schema's unique key on it keeps one open per stage. */
    @Column(name = "live_key", length = 40)
    private String liveKey;

    @OneToMany(mappedBy = "assignment", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("occurredAt, id")
    private List<AssignmentTransition> transitions = new ArrayList<>();

    protected Assignment() {
    }

    private Assignment(Subject subject, Long agencyId, EvaluationStage stage, LocalDate dueOn,
                       Long replacesId, String by, Instant now, String reason) {
        super(now);
        this.declarationId = subject.declarationId();
        this.enterpriseId = subject.enterpriseId();
        this.enterpriseName = subject.enterpriseName();
        this.projectName = subject.projectName();
        this.agencyId = agencyId;
        this.stage = stage;
        this.dueOn = dueOn;
        this.replacesId = replacesId;
        this.assignedBy = by;
        this.state = AssignmentState.OFFERED;
        this.liveKey = declarationId + ":" + stage;
        transitions.add(new AssignmentTransition(this, null, AssignmentState.OFFERED, by, now, reason));
    }

    /** The accepted declaration an assignment is about, as the agency may see it before its conflict declaration. */
    public record Subject(Long declarationId, Long enterpriseId, String enterpriseName, String projectName) {
    }

    /** 分派: the declaration's work at this stage offered to the agency, due on the given day. */
    public static Assignment offer(Subject subject, Long agencyId, EvaluationStage stage, LocalDate dueOn, String by,
                                   Instant now) {
        if (stage == null) {
            throw BusinessException.invalid("assignment.stageRequired");
        }
        return new Assignment(subject, agencyId, stage, requireDue(dueOn), null, by, now, null);
    }

    public Subject subject() {
        return new Subject(declarationId, enterpriseId, enterpriseName, projectName);
    }

    private static LocalDate requireDue(LocalDate dueOn) {
        if (dueOn == null) {
            throw BusinessException.invalid("assignment.dueRequired");
        }
        return dueOn;
    }

    /** 回避声明：无利害关系. The agency may read the declaration from now on. */
    public void declareNoConflict(String by, Instant now) {
        moveTo(AssignmentAction.DECLARE_NO_CONFLICT, by, now, null);
        declared(false, NO_CONFLICT_STATEMENT, null, by, now);
    }

    /** 回避声明：存在利害关系, with the reason; the assignment goes back to the reviewer to reassign. */
    public void declareConflict(String by, String reason, Instant now) {
        state.require(AssignmentAction.DECLARE_CONFLICT);
        String why = requireReason(reason);
        moveTo(AssignmentAction.DECLARE_CONFLICT, by, now, why);
        declared(true, null, why, by, now);
    }

    private void declared(boolean conflict, String statement, String reason, String by, Instant now) {
        this.conflict = conflict;
        this.conflictStatement = statement;
        this.conflictReason = reason;
        this.conflictDeclaredBy = by;
        this.conflictDeclaredAt = now;
    }

    /**
     * 改派: closes this assignment (kept, REASSIGNED, with the reason) and returns its successor for the same
     * declaration and stage, offered to another agency. The caller stores the closing before the successor, the
     * schema allowing one open assignment per declaration and stage.
     */
    public Assignment reassign(Long toAgencyId, LocalDate dueOn, String by, String reason, Instant now) {
        state.require(AssignmentAction.REASSIGN);
        String why = requireReason(reason);
        LocalDate due = requireDue(dueOn);
        moveTo(AssignmentAction.REASSIGN, by, now, why);
        liveKey = null;
        return new Assignment(subject(), toAgencyId, stage, due, getId(), by, now, why);
    }

    /** 提交评估: the evaluation is final (see {@link Evaluation#submit}). */
    void submitEvaluation(String by, Instant now) {
        moveTo(AssignmentAction.SUBMIT_EVALUATION, by, now, null);
    }

    /** 允许更正: the reviewer reopens the submitted evaluation, with the reason (see {@link Evaluation#allowCorrection}). */
    void allowCorrection(String by, String reason, Instant now) {
        state.require(AssignmentAction.ALLOW_CORRECTION);
        moveTo(AssignmentAction.ALLOW_CORRECTION, by, now, requireReason(reason));
    }

    /** Whether the agency may change its evaluation now (no conflict declared, not submitted or reopened). */
    public boolean evaluationEditable() {
        return state.allows(AssignmentAction.EDIT_EVALUATION);
    }

    /** Whether the agency may read the declaration's content (only after it declared no conflict). */
    public boolean contentReadable() {
        return state.allows(AssignmentAction.READ_CONTENT);
    }

    /** 逾期: still waiting on the agency after its due date. */
    public boolean isOverdue(LocalDate today) {
        return state.open() && dueOn.isBefore(today);
    }

    public boolean isFor(Long organisationId) {
        return agencyId.equals(organisationId);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("assignment.reasonRequired");
        }
        if (reason.strip().length() > REASON_MAX) {
            throw BusinessException.invalid("assignment.reasonTooLong", REASON_MAX);
        }
        return reason.strip();
    }

    /** The one way the state changes: where the lifecycle table says the action leads, recorded. */
    private void moveTo(AssignmentAction action, String by, Instant now, String reason) {
        AssignmentState to = state.after(action);
        transitions.add(new AssignmentTransition(this, state, to, by, now, reason));
        state = to;
    }

    public Long getDeclarationId() {
        return declarationId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public String getEnterpriseName() {
        return enterpriseName;
    }

    public String getProjectName() {
        return projectName;
    }

    public EvaluationStage getStage() {
        return stage;
    }

    public AssignmentState getState() {
        return state;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public Boolean getConflict() {
        return conflict;
    }

    public String getConflictStatement() {
        return conflictStatement;
    }

    public String getConflictReason() {
        return conflictReason;
    }

    public String getConflictDeclaredBy() {
        return conflictDeclaredBy;
    }

    public Instant getConflictDeclaredAt() {
        return conflictDeclaredAt;
    }

    public Long getReplacesId() {
        return replacesId;
    }

    public List<AssignmentTransition> getTransitions() {
        return Collections.unmodifiableList(transitions);
    }
}
