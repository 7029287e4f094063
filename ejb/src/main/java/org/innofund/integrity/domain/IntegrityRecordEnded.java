package org.innofund.integrity.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

import java.time.LocalDate;

/** A 失信 record was ended before its period was over. */
public record IntegrityRecordEnded(Actor by, long recordId, String uscc, LocalDate endedOn, String reason)
        implements DomainEvent {
    public AuditAction action() { return AuditAction.INTEGRITY_END; }
    public String target() { return "integrity:" + recordId; }
    public String detail() { return uscc + " " + endedOn + ": " + reason; }
}
