package org.innofund.evaluation.domain;

import org.innofund.program.domain.Grade;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;

/** What happens in third-party evaluation: assignments, conflict declarations, ties and agencies' standing. */
public final class EvaluationEvents {

    private EvaluationEvents() {
    }

    /** 分派 */
    public record AssignmentOffered(Actor by, long assignmentId, long declarationId, EvaluationStage stage, long agencyId)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.ASSIGNMENT_CREATE; }
        public String target() { return "assignment:" + assignmentId; }
        public String detail() { return "declaration:" + declarationId + " " + stage + " organisation:" + agencyId; }
    }

    /** 回避声明: no conflict, or a conflict with its reason. */
    public record ConflictDeclared(Actor by, long assignmentId, boolean conflict, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.ASSIGNMENT_CONFLICT_DECLARATION; }
        public String target() { return "assignment:" + assignmentId; }
        public String detail() { return conflict ? "conflict: " + reason : "no conflict"; }
    }

    /** 改派: the old assignment closed, the work offered anew. */
    public record AssignmentReassigned(Actor by, long assignmentId, long successorId, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.ASSIGNMENT_REASSIGN; }
        public String target() { return "assignment:" + assignmentId; }
        public String detail() { return "assignment:" + successorId + ": " + reason; }
    }

    /** An agency asked for an assignment not its own, or for content before its declaration: recorded though refused. */
    public record AssignmentAccessDenied(Actor by, long assignmentId) implements DomainEvent {
        public AuditAction action() { return AuditAction.ASSIGNMENT_ACCESS; }
        public String target() { return "assignment:" + assignmentId; }
        public String detail() { return "not the caller's"; }
        public AuditOutcome outcome() { return AuditOutcome.DENIED; }
        public boolean recordedEvenOnRollback() { return true; }
    }

    /** 关联关系 recorded */
    public record RelationshipRecorded(Actor by, long relationshipId, long agencyId, long enterpriseId, RelationshipKind kind)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.RELATIONSHIP_RECORD; }
        public String target() { return "organisation:" + agencyId; }
        public String detail() { return kind + " organisation:" + enterpriseId; }
    }

    /** 暂停评估机构 */
    public record AgencySuspended(Actor by, long agencyId, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.AGENCY_SUSPEND; }
        public String target() { return "organisation:" + agencyId; }
        public String detail() { return reason; }
    }

    /** 恢复评估机构 */
    public record AgencyResumed(Actor by, long agencyId) implements DomainEvent {
        public AuditAction action() { return AuditAction.AGENCY_RESUME; }
        public String target() { return "organisation:" + agencyId; }
    }

    /** 评估机构登记: the agency's profile; the organisation and its users have their own events. */
    public record AgencyRegistered(Actor by, long agencyId, String fields) implements DomainEvent {
        public AuditAction action() { return AuditAction.AGENCY_REGISTER; }
        public String target() { return "organisation:" + agencyId; }
        public String detail() { return fields; }
    }

    /** The admin corrected the agency's qualification or fields; the detail names which. */
    public record AgencyEdited(Actor by, long agencyId, String changed) implements DomainEvent {
        public AuditAction action() { return AuditAction.AGENCY_EDIT; }
        public String target() { return "organisation:" + agencyId; }
        public String detail() { return changed; }
    }

    /** 上传评估报告 (a draft's report PDF) */
    public record EvaluationReportAttached(Actor by, long assignmentId, int versionNo, long size, String sha256, String name)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.EVALUATION_REPORT; }
        public String target() { return "assignment:" + assignmentId; }
        public String detail() { return "version " + versionNo + " " + size + " " + sha256 + " " + name; }
    }

    /**
     * 提交评估 (final), with what it concluded, for the contexts that follow a declaration's stages (a project takes its
     * MIDTERM and ACCEPTANCE results from it); the audit trail records the version and total.
     */
    public record EvaluationSubmitted(Actor by, long assignmentId, int versionNo, java.math.BigDecimal total,
                                      long declarationId, EvaluationStage stage, Grade grade, Verdict verdict,
                                      org.innofund.shared.Money auditedSpend) implements DomainEvent {
        public AuditAction action() { return AuditAction.EVALUATION_SUBMIT; }
        public String target() { return "assignment:" + assignmentId; }
        public String detail() { return "version " + versionNo + ", total " + total.toPlainString(); }
    }

    /** 允许更正: the reviewer opened a new version, with the reason. */
    public record EvaluationCorrectionAllowed(Actor by, long assignmentId, int versionNo, String reason)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.EVALUATION_CORRECTION; }
        public String target() { return "assignment:" + assignmentId; }
        public String detail() { return "version " + versionNo + ": " + reason; }
    }
}
