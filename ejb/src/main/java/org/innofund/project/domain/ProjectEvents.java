package org.innofund.project.domain;

import org.innofund.shared.Money;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;

import java.util.List;

/** What happens to approval lists and projects. */
public final class ProjectEvents {

    private ProjectEvents() {
    }

    /** 拟定/修改立项建议名单: a version drawn up or its draft saved again. */
    public record ApprovalListDrafted(Actor by, long listId, long callId, int versionNo, Money total)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.APPROVAL_LIST_DRAFT; }
        public String target() { return "approvalList:" + listId; }
        public String detail() { return "call:" + callId + " version " + versionNo + " total " + total.amount().toPlainString(); }
    }

    /** 提交审批 */
    public record ApprovalListSubmitted(Actor by, long listId, long callId, int versionNo, Money total)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.APPROVAL_LIST_SUBMIT; }
        public String target() { return "approvalList:" + listId; }
        public String detail() { return "call:" + callId + " version " + versionNo + " total " + total.amount().toPlainString(); }
    }

    /** 退回立项建议名单, with the approver's reason. */
    public record ApprovalListReturned(Actor by, long listId, long callId, int versionNo, String reason)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.APPROVAL_LIST_RETURN; }
        public String target() { return "approvalList:" + listId; }
        public String detail() { return "call:" + callId + " version " + versionNo + ": " + reason; }
    }

    /**
     * 批准立项: the list approved and its projects created (APPROVED), in the approval's transaction. The public notice,
     * certificates and notifications listen.
     */
    public record ProjectsApproved(Actor by, long listId, long callId, int versionNo, List<Long> projectIds, Money total)
            implements DomainEvent {
        public ProjectsApproved {
            projectIds = List.copyOf(projectIds);
        }
        public AuditAction action() { return AuditAction.APPROVAL_LIST_APPROVE; }
        public String target() { return "approvalList:" + listId; }
        public String detail() {
            return "call:" + callId + " version " + versionNo + " projects " + projectIds.size() + " total "
                    + total.amount().toPlainString();
        }
    }

    /**
     * 验收不通过: the project FAILED its acceptance, in the agency's transaction (its submission is what the audit
     * records). The disbursement asks its advances back. Not audited on its own, so not a DomainEvent.
     */
    public record AcceptanceFailed(long projectId, Actor by) {
    }

    /**
     * 公示无异议，立项: the project's public notice ended with nothing open against it (by the timer, or by the
     * dismissal of its last objection); the certificate context issues its approval notice. Not audited on its own.
     */
    public record ProjectPublicized(long projectId, Actor by) {
    }

    /** 验收通过, with its grade, in the agency's transaction; the certificate context issues the certificate. */
    public record AcceptancePassed(long projectId, long assignmentId, int evaluationVersion, Actor by) {
    }

    /** Someone asked for a project not theirs: recorded though refused (404). */
    public record ProjectAccessDenied(Actor by, long projectId) implements DomainEvent {
        public AuditAction action() { return AuditAction.PROJECT_ACCESS; }
        public String target() { return "project:" + projectId; }
        public String detail() { return "not the caller's"; }
        public AuditOutcome outcome() { return AuditOutcome.DENIED; }
        public boolean recordedEvenOnRollback() { return true; }
    }
}
