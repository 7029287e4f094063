package org.innofund.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;

import java.time.Instant;
import java.util.List;

/**
 * 项目变更申请: the enterprise asks, with a reason, to extend the period, move budget between categories or change a
 * target; the reviewer approves (the agreement gets a new version) or rejects with a reason. Asked against one signed
 * version: if another change was approved meanwhile, this one is stale and cannot be approved.
 */
@Entity
@Table(name = "project_change_request")
public class ChangeRequest extends BaseEntity {

    @Column(name = "agreement_id", nullable = false, updatable = false)
    private Long agreementId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private ChangeKind kind;

    @Column(nullable = false, updatable = false, length = TaskAgreement.REASON_MAX)
    private String reason;

    @Lob
    @Convert(converter = AgreementContentConverter.class)
    @Column(nullable = false, updatable = false)
    private AgreementContent proposed;

    @Column(name = "base_version_no", nullable = false, updatable = false)
    private int baseVersionNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ChangeState state;

    /** The agreement's id while the request is open, null once decided: its unique key keeps one open per agreement. */
    @Column(name = "open_key")
    private Long openKey;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 64)
    private String requestedBy;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = TaskAgreement.REASON_MAX)
    private String decisionReason;

    protected ChangeRequest() {
    }

    private ChangeRequest(TaskAgreement agreement, ChangeKind kind, AgreementContent proposed, String reason, String by,
                          Instant now) {
        super(now);
        this.agreementId = agreement.getId();
        this.projectId = agreement.getProjectId();
        this.kind = kind;
        this.proposed = proposed;
        this.reason = reason;
        this.baseVersionNo = agreement.getVersionNo();
        this.state = ChangeState.REQUESTED;
        this.openKey = agreement.getId();
        this.requestedBy = by;
    }

    /** 申请变更: only under a signed agreement, with a reason, and only the change its kind names. */
    public static ChangeRequest ask(TaskAgreement agreement, ChangeKind kind, AgreementContent proposed, String reason,
                                    String by, Instant now) {
        agreement.getState().require(AgreementAction.FOLLOW_UP);
        String why = TaskAgreement.requireReason(reason);
        List<FieldProblem> problems = ChangeCheck.problems(kind, agreement.getContent(), proposed,
                agreement.getApprovedAmount());
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        return new ChangeRequest(agreement, kind, proposed, why, by, now);
    }

    /** 批准: the agreement takes the proposal as its next version. */
    public void approve(TaskAgreement agreement, String by, Instant now) {
        requireOpen(agreement);
        if (agreement.getVersionNo() != baseVersionNo) {
            throw BusinessException.conflict("change.stale", baseVersionNo, agreement.getVersionNo());
        }
        agreement.applyChange(this, by, now);
        decided(ChangeState.APPROVED, null, by, now);
    }

    /** 不予批准, with the reason; the agreement stays as it is. */
    public void reject(TaskAgreement agreement, String reason, String by, Instant now) {
        requireOpen(agreement);
        decided(ChangeState.REJECTED, TaskAgreement.requireReason(reason), by, now);
    }

    private void requireOpen(TaskAgreement agreement) {
        if (!agreement.getId().equals(agreementId)) {
            throw new IllegalArgumentException("change request " + getId() + " is not of agreement " + agreement.getId());
        }
        if (state != ChangeState.REQUESTED) {
            throw BusinessException.conflict("change.decided", state);
        }
    }

    private void decided(ChangeState to, String why, String by, Instant now) {
        state = to;
        openKey = null;
        decisionReason = why;
        decidedBy = by;
        decidedAt = now;
    }

    public Long getAgreementId() { return agreementId; }
    public Long getProjectId() { return projectId; }
    public ChangeKind getKind() { return kind; }
    public String getReason() { return reason; }
    public AgreementContent getProposed() { return proposed; }
    public int getBaseVersionNo() { return baseVersionNo; }
    public ChangeState getState() { return state; }
    public String getRequestedBy() { return requestedBy; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }
}
