package org.innofund.program.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

import org.innofund.shared.FileType;

import java.math.BigDecimal;

/** What the bureau does to programmes and calls. */
public final class ProgramEvents {

    private ProgramEvents() {
    }

    public record ProgramCreated(Actor by, long programId, SubsidyKind kind) implements DomainEvent {
        public AuditAction action() { return AuditAction.PROGRAM_CREATE; }
        public String target() { return "program:" + programId; }
        public String detail() { return kind.name(); }
    }

    public record CallCreated(Actor by, long callId, String title) implements DomainEvent {
        public AuditAction action() { return AuditAction.CALL_CREATE; }
        public String target() { return "call:" + callId; }
        public String detail() { return title; }
    }

    public record CallRevised(Actor by, long callId) implements DomainEvent {
        public AuditAction action() { return AuditAction.CALL_REVISE; }
        public String target() { return "call:" + callId; }
    }

    public record CallParameterChanged(Actor by, long callId, String name, BigDecimal value) implements DomainEvent {
        public AuditAction action() { return AuditAction.CALL_PARAMETER; }
        public String target() { return "call:" + callId; }
        public String detail() { return name + "=" + value.toPlainString(); }
    }

    public record CallAttachmentsReplaced(Actor by, long callId, int requirements) implements DomainEvent {
        public AuditAction action() { return AuditAction.CALL_ATTACHMENTS; }
        public String target() { return "call:" + callId; }
        public String detail() { return requirements + " requirement(s)"; }
    }

    public record CallTemplateReplaced(Actor by, long callId, int indicators) implements DomainEvent {
        public AuditAction action() { return AuditAction.CALL_TEMPLATE; }
        public String target() { return "call:" + callId; }
        public String detail() { return indicators + " indicator(s)"; }
    }

    /** 发布 */
    public record CallPublished(Actor by, long callId) implements DomainEvent {
        public AuditAction action() { return AuditAction.CALL_PUBLISH; }
        public String target() { return "call:" + callId; }
    }

    /** 退回起草人: the approver sent the draft back with an opinion (stored as written). */
    public record CallReturned(Actor by, long callId, String opinion) implements DomainEvent {
        public AuditAction action() { return AuditAction.CALL_RETURN; }
        public String target() { return "call:" + callId; }
        public String detail() { return opinion; }
    }

    /** 正式通知 uploaded or replaced on a draft call: type, size, hash and file name, so the trail names the very file. */
    public record CallNoticeUploaded(Actor by, long callId, FileType type, long sizeBytes, String sha256, String fileName)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.CALL_NOTICE; }
        public String target() { return "call:" + callId; }
        public String detail() { return type + " " + sizeBytes + " " + sha256 + " " + fileName; }
    }
}
