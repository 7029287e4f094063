package org.innofund.project.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

/** What happens to a publicity notice (立项公示) and its objections. No event carries an objector's identity. */
public final class NoticeEvents {

    private NoticeEvents() {
    }

    /** 发布公示: published with the approval of its list. */
    public record NoticePublished(Actor by, long noticeId, long approvalListId, int projects) implements DomainEvent {
        public AuditAction action() { return AuditAction.NOTICE_PUBLISH; }
        public String target() { return "notice:" + noticeId; }
        public String detail() { return "approvalList:" + approvalListId + " projects:" + projects; }
    }

    /** 提出异议 (anonymous): the project objected to; who objected stays on the objection for the reviewer. */
    public record ObjectionFiled(Actor by, long objectionId, long projectId) implements DomainEvent {
        public AuditAction action() { return AuditAction.OBJECTION_FILE; }
        public String target() { return "objection:" + objectionId; }
        public String detail() { return "project:" + projectId; }
    }

    /** 异议不予采纳 */
    public record ObjectionDismissed(Actor by, long objectionId, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.OBJECTION_DISMISS; }
        public String target() { return "objection:" + objectionId; }
        public String detail() { return reason; }
    }

    /** 异议成立: the project's approval withdrawn with the same reason. */
    public record ObjectionUpheld(Actor by, long objectionId, long projectId, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.OBJECTION_UPHOLD; }
        public String target() { return "objection:" + objectionId; }
        public String detail() { return "project:" + projectId + ": " + reason; }
    }

    /** 公示期满: the period's end check released these many projects to PUBLICIZED (the timer acts). */
    public record PublicityEnded(Actor by, long noticeId, int publicized, int waiting) implements DomainEvent {
        public AuditAction action() { return AuditAction.NOTICE_END; }
        public String target() { return "notice:" + noticeId; }
        public String detail() { return "publicized:" + publicized + " waiting:" + waiting; }
    }
}
