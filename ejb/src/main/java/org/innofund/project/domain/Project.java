package org.innofund.project.domain;

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
import org.innofund.declaration.domain.ProjectField;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * 项目: born when an approval list is approved, one per proposed declaration. Holds its declaration, call, enterprise
 * and list by id, and as they were at approval the enterprise's and project's names, the field, the program's subsidy
 * kind, the approved amount (立项金额) and the agency's APPROVAL grade and score. Every change goes through the lifecycle
 * table of {@link ProjectState} and is recorded as a transition.
 */
@Entity
@Table(name = "project")
public class Project extends BaseEntity {

    @Column(name = "declaration_id", nullable = false, updatable = false)
    private Long declarationId;

    @Column(name = "call_id", nullable = false, updatable = false)
    private Long callId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private Long enterpriseId;

    @Column(name = "approval_list_id", nullable = false, updatable = false)
    private Long approvalListId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subsidy_kind", nullable = false, updatable = false, length = 32)
    private SubsidyKind kind;

    @Column(name = "enterprise_name", nullable = false, updatable = false, length = Lengths.ORGANISATION_NAME)
    private String enterpriseName;

    @Column(name = "project_name", updatable = false, length = Lengths.TITLE)
    private String projectName;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false, length = 32)
    private ProjectField field;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "approved_amount", nullable = false, updatable = false, precision = 16, scale = 2)
    private Money approvedAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "agency_grade", nullable = false, updatable = false, length = 16)
    private Grade agencyGrade;

    @Column(name = "agency_score", nullable = false, updatable = false, precision = 5, scale = 2)
    private BigDecimal agencyScore;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ProjectState state;

    /** 验收等级 and 审计确认的实际投入, from the ACCEPTANCE evaluation; null until accepted or failed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "acceptance_grade", length = 16)
    private Grade acceptanceGrade;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "audited_spend", precision = 16, scale = 2)
    private Money auditedSpend;

    @OneToMany(mappedBy = "project", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("occurredAt, id")
    private List<ProjectTransition> transitions = new ArrayList<>();

    protected Project() {
    }

    private Project(ApprovalList list, ApprovalLine line, SubsidyKind kind, ProjectField field, String by, Instant now) {
        super(now);
        ApprovalCandidate c = line.candidate();
        this.declarationId = c.declarationId();
        this.callId = list.getCallId();
        this.enterpriseId = c.enterpriseId();
        this.approvalListId = list.getId();
        this.kind = kind;
        this.enterpriseName = c.enterpriseName();
        this.projectName = c.projectName();
        this.field = field;
        this.approvedAmount = line.getApprovedAmount();
        this.agencyGrade = c.grade();
        this.agencyScore = c.score();
        this.state = ProjectState.APPROVED;
        transitions.add(new ProjectTransition(this, null, ProjectState.APPROVED, by, now, null));
    }

    /** 立项: the project of a proposed line of the approved list (its field read from the declaration). */
    public static Project approved(ApprovalList list, ApprovalLine line, SubsidyKind kind, ProjectField field,
                                   String by, Instant now) {
        if (list.getState() != ApprovalListState.APPROVED || !line.isProposed()) {
            throw new IllegalArgumentException("a project is born of a proposed line of an approved list");
        }
        return new Project(list, line, kind, field, by, now);
    }

    /** Refuses (409) what the project's state and kind do not allow, for the actions that leave the state as it is. */
    public void require(ProjectAction action) {
        state.require(action, kind);
    }

    public boolean allows(ProjectAction action) {
        return state.allows(action, kind);
    }

    /**
     * The one way the state changes: where the lifecycle table says the action leads, recorded with who, when and why
     * (a reason is required where the action's decision needs one: the caller checks it, as the action's own rule).
     */
    public void moveTo(ProjectAction action, String by, Instant now, String reason) {
        ProjectState to = state.after(action, kind);
        if (to == state) {
            throw new IllegalArgumentException(action + " leaves the state as it is: require it instead");
        }
        transitions.add(new ProjectTransition(this, state, to, by, now, reason));
        state = to;
    }

    /** 公示期满: no open or upheld objection at the period's end. */
    public void publicize(String by, Instant now) {
        moveTo(ProjectAction.PUBLICIZE, by, now, null);
    }

    /** 撤销立项: an objection upheld, with the reason; the approved amount is freed. */
    public void withdraw(String by, String reason, Instant now) {
        state.require(ProjectAction.WITHDRAW, kind);
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("project.reasonRequired");
        }
        if (reason.strip().length() > Lengths.REASON) {
            throw BusinessException.invalid("project.reasonTooLong", Lengths.REASON);
        }
        moveTo(ProjectAction.WITHDRAW, by, now, reason.strip());
    }

    /**
     * 验收: the ACCEPTANCE evaluation's result kept on the project (grade and audited spend, which the subsidy reads);
     * passed, the project is ACCEPTED_DONE, failed it is FAILED (the recovery is the disbursement's).
     */
    public void concludeAcceptance(boolean passed, Grade grade, Money audited, String by, Instant now) {
        moveTo(passed ? ProjectAction.PASS_ACCEPTANCE : ProjectAction.FAIL_ACCEPTANCE, by, now, null);
        this.acceptanceGrade = grade;
        this.auditedSpend = audited;
    }

    public boolean belongsTo(Long organisationId) {
        return enterpriseId.equals(organisationId);
    }

    public Long getDeclarationId() {
        return declarationId;
    }

    public Long getCallId() {
        return callId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public Long getApprovalListId() {
        return approvalListId;
    }

    public SubsidyKind getKind() {
        return kind;
    }

    public String getEnterpriseName() {
        return enterpriseName;
    }

    public String getProjectName() {
        return projectName;
    }

    public ProjectField getField() {
        return field;
    }

    public Money getApprovedAmount() {
        return approvedAmount;
    }

    public Grade getAgencyGrade() {
        return agencyGrade;
    }

    public BigDecimal getAgencyScore() {
        return agencyScore;
    }

    public Grade getAcceptanceGrade() {
        return acceptanceGrade;
    }

    public Money getAuditedSpend() {
        return auditedSpend;
    }

    public ProjectState getState() {
        return state;
    }

    public List<ProjectTransition> getTransitions() {
        return Collections.unmodifiableList(transitions);
    }
}
