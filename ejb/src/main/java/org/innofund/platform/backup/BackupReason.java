package org.innofund.platform.backup;

/** Why a backup was taken; part of its file name. */
public enum BackupReason {
    /** the daily backup at 02:00 */
    SCHEDULED,
    /** started by an administrator */
    MANUAL,
    /** at start-up, before the schema is migrated */
    PRE_MIGRATION;

    String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
