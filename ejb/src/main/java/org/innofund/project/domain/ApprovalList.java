package org.innofund.project.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 立项建议名单: one version of a call's approval list. The reviewer draws it up (DRAFT) from the ranked candidates and
 * submits it; an approver who did not prepare it (四眼原则) approves it, which creates the projects, or sends it back
 * with a reason (RETURNED). A returned list is revised as a new version, and both are kept: nothing a decision rests on
 * is changed afterwards. One list per call is live at a time (the schema's unique key on {@code live_call_id}).
 */
@Entity
@Table(name = "approval_list")
public class ApprovalList extends BaseEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private Long callId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ApprovalListState state;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, precision = 16, scale = 2)
    private Money budget;

    @Column(name = "prepared_by", nullable = false, length = Lengths.USERNAME)
    private String preparedBy;

    /**
     * Everyone who drew up or revised this version (its preparer is only the last of them): none of them may decide it,
     * or a user holding both roles could draw up a list, let a colleague re-save it, and approve it.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "approval_list_editor", joinColumns = @JoinColumn(name = "list_id"))
    @Column(name = "username", nullable = false, length = Lengths.USERNAME)
    private Set<String> editors = new HashSet<>();

    @Column(name = "submitted_by", length = Lengths.USERNAME)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_by", length = Lengths.USERNAME)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = Lengths.REASON)
    private String decisionReason;

    @Column(name = "revises_id", updatable = false)
    private Long revisesId;

    @Column(name = "live_call_id")
    private Long liveCallId;

    /* Rank order: the line at position 0 ranks first. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "approval_list_line", joinColumns = @JoinColumn(name = "list_id"))
    @OrderColumn(name = "position")
    private List<ApprovalLine> lines = new ArrayList<>();

    protected ApprovalList() {
    }

    private ApprovalList(Long callId, int versionNo, Long revisesId, Money budget, List<ApprovalLine> lines, String by,
                         Instant now) {
        super(now);
        this.callId = callId;
        this.versionNo = versionNo;
        this.revisesId = revisesId;
        this.state = ApprovalListState.DRAFT;
        this.liveCallId = callId;
        replace(budget, lines, by);
    }

    /**
     * 拟定: the call's first list, or the revision of the returned one (a new version, the returned one kept). The
     * lines come from {@link ApprovalRules#lines}, checked.
     */
    public static ApprovalList draft(Long callId, ApprovalList returned, Money budget, List<ApprovalLine> lines,
                                     String by, Instant now) {
        if (returned == null) {
            return new ApprovalList(callId, 1, null, budget, lines, by, now);
        }
        if (returned.state.live() || !returned.callId.equals(callId)) {
            throw BusinessException.conflict("approvalList.liveExists", returned.versionNo, returned.state);
        }
        return new ApprovalList(callId, returned.versionNo + 1, returned.getId(), budget, lines, by, now);
    }

    /** 修改草稿: the draft's lines drawn up anew (by whoever saves it, who becomes its preparer). */
    public void revise(Money budget, List<ApprovalLine> lines, String by) {
        requireState(ApprovalListState.DRAFT, "approvalList.notDraft");
        replace(budget, lines, by);
    }

    private void replace(Money budget, List<ApprovalLine> lines, String by) {
        this.budget = budget;
        this.lines.clear();
        this.lines.addAll(lines);
        this.preparedBy = by;
        this.editors.add(by);
    }

    /** 提交审批 */
    public void submit(String by, Instant now) {
        requireState(ApprovalListState.DRAFT, "approvalList.notDraft");
        state = ApprovalListState.SUBMITTED;
        submittedBy = by;
        submittedAt = now;
    }

    /**
     * 批准: final; the caller creates the projects of the proposed lines. The one who prepared the list (or submitted
     * it) cannot approve it (四眼原则).
     */
    public void approve(String by, Instant now) {
        requireState(ApprovalListState.SUBMITTED, "approvalList.notSubmitted");
        if (tookPart(by)) {
            throw BusinessException.forbidden("approvalList.approverIsPreparer");
        }
        state = ApprovalListState.APPROVED;
        decidedBy = by;
        decidedAt = now;
    }

    /** Whether the user drew up, revised or submitted this version (四眼原则: then not its decider). */
    private boolean tookPart(String user) {
        return editors.contains(user) || preparedBy.equals(user) || submittedBy.equals(user);
    }

    /** 退回: back to the reviewers with the reason; the list is kept as it was and revised as a new version. */
    public void returnToPreparer(String by, String reason, Instant now) {
        requireState(ApprovalListState.SUBMITTED, "approvalList.notSubmitted");
        if (tookPart(by)) {
            throw BusinessException.forbidden("approvalList.returnerIsPreparer");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw BusinessException.invalid("approvalList.returnReasonRequired");
        }
        if (why.length() > Lengths.REASON) {
            throw BusinessException.invalid("approvalList.returnReasonTooLong", Lengths.REASON);
        }
        state = ApprovalListState.RETURNED;
        decidedBy = by;
        decidedAt = now;
        decisionReason = why;
        liveCallId = null;
    }

    private void requireState(ApprovalListState required, String refusalKey) {
        if (state != required) {
            throw BusinessException.conflict(refusalKey, versionNo, state);
        }
    }

    /** The proposed amounts together. */
    public Money total() {
        return ApprovalRules.totalOf(lines);
    }

    public Long getCallId() {
        return callId;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public ApprovalListState getState() {
        return state;
    }

    public Money getBudget() {
        return budget;
    }

    public String getPreparedBy() {
        return preparedBy;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public Long getRevisesId() {
        return revisesId;
    }

    public List<ApprovalLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
