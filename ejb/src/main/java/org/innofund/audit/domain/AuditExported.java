package org.innofund.audit.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

/** Entries of the trail left the system in a spreadsheet: who took how many is itself on the trail. */
public record AuditExported(Actor by, int entries) implements DomainEvent {
    public AuditAction action() { return AuditAction.AUDIT_EXPORT; }
    public String target() { return null; }
    public String detail() { return entries + " entries"; }
}
