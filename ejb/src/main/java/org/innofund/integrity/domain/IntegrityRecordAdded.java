package org.innofund.integrity.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

import java.time.LocalDate;

/** A 失信 record was entered. */
public record IntegrityRecordAdded(Actor by, long recordId, IntegrityRecord.SubjectKind kind, String uscc,
                                   LocalDate validFrom, LocalDate validUntil) implements DomainEvent {
    public AuditAction action() { return AuditAction.INTEGRITY_ADD; }
    public String target() { return "integrity:" + recordId; }
    public String detail() { return kind + " " + uscc + " " + validFrom + "~" + validUntil; }
}
