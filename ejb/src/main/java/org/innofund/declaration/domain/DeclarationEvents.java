package org.innofund.declaration.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;
import org.innofund.shared.FileType;

/** What happens to a declaration: the enterprise's editing and submission, the reviewer's decisions. */
public final class DeclarationEvents {

    private DeclarationEvents() {
    }

    public record DeclarationStarted(Actor by, long declarationId, long callId) implements DomainEvent {
        public AuditAction action() { return AuditAction.DECLARATION_START; }
        public String target() { return "declaration:" + declarationId; }
        public String detail() { return "call:" + callId; }
    }

    public record DeclarationSaved(Actor by, long declarationId) implements DomainEvent {
        public AuditAction action() { return AuditAction.DECLARATION_SAVE; }
        public String target() { return "declaration:" + declarationId; }
    }

    public record DeclarationSubmitted(Actor by, long declarationId, int revision) implements DomainEvent {
        public AuditAction action() { return AuditAction.DECLARATION_SUBMIT; }
        public String target() { return "declaration:" + declarationId; }
        public String detail() { return "revision " + revision; }
    }

    public record AttachmentUploaded(Actor by, long declarationId, long attachmentId, FileType type, long sizeBytes,
                                     String sha256) implements DomainEvent {
        public AuditAction action() { return AuditAction.ATTACHMENT_UPLOAD; }
        public String target() { return "declaration:" + declarationId; }
        public String detail() { return attachmentId + " " + type + " " + sizeBytes + " " + sha256; }
    }

    public record AttachmentWithdrawn(Actor by, long declarationId, long attachmentId) implements DomainEvent {
        public AuditAction action() { return AuditAction.ATTACHMENT_WITHDRAW; }
        public String target() { return "declaration:" + declarationId; }
        public String detail() { return String.valueOf(attachmentId); }
    }

    /** 撤回申报 */
    public record DeclarationWithdrawn(Actor by, long declarationId, String receiptNumber) implements DomainEvent {
        public AuditAction action() { return AuditAction.DECLARATION_WITHDRAW; }
        public String target() { return "declaration:" + declarationId; }
        public String detail() { return receiptNumber; }
    }

    /** 删除草稿: a draft never submitted, deleted with its files. */
    public record DraftDeleted(Actor by, long declarationId, long callId, int files) implements DomainEvent {
        public AuditAction action() { return AuditAction.DECLARATION_DELETE; }
        public String target() { return "declaration:" + declarationId; }
        public String detail() { return "call:" + callId + " files:" + files; }
    }

    /** 受理 */
    public record DeclarationAccepted(Actor by, long declarationId) implements DomainEvent {
        public AuditAction action() { return AuditAction.DECLARATION_ACCEPT; }
        public String target() { return "declaration:" + declarationId; }
    }

    /** 退回修改 */
    public record DeclarationReturned(Actor by, long declarationId, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.DECLARATION_RETURN; }
        public String target() { return "declaration:" + declarationId; }
        public String detail() { return reason; }
    }

    /** 不予受理 */
    public record DeclarationRejected(Actor by, long declarationId, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.DECLARATION_REJECT; }
        public String target() { return "declaration:" + declarationId; }
        public String detail() { return reason; }
    }

    /** Someone asked for a declaration that is not theirs: recorded although the request then fails. */
    public record DeclarationAccessDenied(Actor by, long declarationId) implements DomainEvent {
        public AuditAction action() { return AuditAction.DECLARATION_ACCESS; }
        public String target() { return "declaration:" + declarationId; }
        public String detail() { return "not the caller's"; }
        public AuditOutcome outcome() { return AuditOutcome.DENIED; }
        public boolean recordedEvenOnRollback() { return true; }
    }
}
