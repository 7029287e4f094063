package org.innofund.platform.backup;

import java.time.Instant;

/** One backup in the backup folder: its file name, when it was taken (from the name), why, and its size. */
public record BackupFile(String name, Instant takenAt, BackupReason reason, long sizeBytes) {
}
