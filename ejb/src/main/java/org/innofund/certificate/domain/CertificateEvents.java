package org.innofund.certificate.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;

/** What happens to certificates. */
public final class CertificateEvents {

    private CertificateEvents() {
    }

    /** Documents of a type issued on one decision (a run's confirmations are one entry, not a thousand). */
    public record Issued(Actor by, CertificateType type, long callId, int count, String firstSerial, String lastSerial)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.CERTIFICATE_ISSUE; }
        public String target() { return "call:" + callId; }
        public String detail() { return type + " " + count + ": " + firstSerial + (count > 1 ? " .. " + lastSerial : ""); }
    }

    /** 撤销: the bureau withdrew a document, with the reason the public verification shows. */
    public record Revoked(Actor by, long certificateId, String serial, String reason) implements DomainEvent {
        public AuditAction action() { return AuditAction.CERTIFICATE_REVOKE; }
        public String target() { return "certificate:" + certificateId; }
        public String detail() { return serial + ": " + reason; }
    }

    /** Someone asked for a document not theirs: recorded though refused (404). */
    public record AccessDenied(Actor by, long certificateId) implements DomainEvent {
        public AuditAction action() { return AuditAction.CERTIFICATE_ACCESS; }
        public String target() { return "certificate:" + certificateId; }
        public String detail() { return "not the caller's"; }
        public AuditOutcome outcome() { return AuditOutcome.DENIED; }
        public boolean recordedEvenOnRollback() { return true; }
    }
}
