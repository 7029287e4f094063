package org.innofund.project.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

/** What happens to a project's task agreement (任务书), its progress reports and change requests (项目变更). */
public final class AgreementEvents {

    private AgreementEvents() {
    }

    /** 起草/保存任务书 */
    public record AgreementDrafted(Actor by, long projectId, long agreementId) implements DomainEvent {
        public AuditAction action() { return AuditAction.AGREEMENT_DRAFT; }
        public String target() { return "project:" + projectId; }
        public String detail() { return "agreement:" + agreementId; }
    }

    /** 提交任务书 */
    public record AgreementSubmitted(Actor by, long projectId, long agreementId) implements DomainEvent {
        public AuditAction action() { return AuditAction.AGREEMENT_SUBMIT; }
        public String target() { return "project:" + projectId; }
        public String detail() { return "agreement:" + agreementId; }
    }

    /** 退回任务书, with the reviewer's reason. */
    public record AgreementReturned(Actor by, long projectId, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.AGREEMENT_RETURN; }
        public String target() { return "project:" + projectId; }
        public String detail() { return reason; }
    }

    /** 确认任务书: by the reviewer, or by the enterprise (then signed, version 1, and the project contracted). */
    public record AgreementConfirmed(Actor by, long projectId, boolean byEnterprise) implements DomainEvent {
        public AuditAction action() { return AuditAction.AGREEMENT_CONFIRM; }
        public String target() { return "project:" + projectId; }
        public String detail() { return byEnterprise ? "enterprise" : "reviewer"; }
    }

    /** 提交进度报告 for a milestone. */
    public record ProgressReported(Actor by, long projectId, int milestoneNo) implements DomainEvent {
        public AuditAction action() { return AuditAction.PROGRESS_REPORT; }
        public String target() { return "project:" + projectId; }
        public String detail() { return "milestone " + milestoneNo; }
    }

    /** 项目变更: asked (with its kind), approved (the new version) or rejected (with the reason). */
    public record ProjectChange(Actor by, long projectId, ChangeKind kind, ChangeState state, String reason)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.PROJECT_CHANGE; }
        public String target() { return "project:" + projectId; }
        public String detail() { return kind + " " + state + (reason == null ? "" : ": " + reason); }
    }
}
