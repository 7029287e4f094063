package org.innofund.platform.backup;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

/** An administrator's backup was written and checked. */
public record BackupTaken(Actor by, BackupFile backup) implements DomainEvent {
    public AuditAction action() { return AuditAction.DATABASE_BACKUP; }
    public String target() { return "backup:" + backup.name(); }
    public String detail() { return backup.sizeBytes() + " bytes"; }
}
