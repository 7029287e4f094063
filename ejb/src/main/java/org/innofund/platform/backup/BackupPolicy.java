package org.innofund.platform.backup;

import org.innofund.shared.Clocks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How backups are named and which are kept. A name carries the bureau's local time of the backup to the millisecond
 * and its reason ({@code innofund-20270315-020000-000-scheduled.zip}), so that the folder sorts by time, a person
 * reads it at a glance, and the time survives a copy that loses the file's modification time. Only the newest
 * {@code keep} backups stay; files that do not look like backups are never touched.
 */
public final class BackupPolicy {

    static final String PREFIX = "innofund-";
    static final String SUFFIX = ".zip";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final Pattern NAME = Pattern.compile(
            "innofund-(\\d{8}-\\d{6}-\\d{3})-(scheduled|manual|pre-migration)\\.zip");

    private final int keep;

    public BackupPolicy(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("at least one backup must be kept, not " + keep);
        }
        this.keep = keep;
    }

    public String fileName(Instant takenAt, BackupReason reason) {
        return PREFIX + STAMP.format(takenAt.atZone(Clocks.BUREAU_ZONE)) + "-" + reason.label() + SUFFIX;
    }

    /** The backup a file name stands for, or empty for any other file. */
    public Optional<BackupFile> parse(String fileName, long sizeBytes) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant takenAt = LocalDateTime.parse(m.group(1), STAMP).atZone(Clocks.BUREAU_ZONE).toInstant();
            BackupReason reason = BackupReason.valueOf(m.group(2).toUpperCase().replace('-', '_'));
            return Optional.of(new BackupFile(fileName, takenAt, reason, sizeBytes));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // e.g. month 13: not one of ours
        }
    }

    /** Newest first. */
    public List<BackupFile> sorted(List<BackupFile> backups) {
        return backups.stream().sorted(Comparator.comparing(BackupFile::takenAt).reversed()
                .thenComparing(BackupFile::name, Comparator.reverseOrder())).toList();
    }

    /** The backups to delete: all but the newest {@code keep}. */
    public List<BackupFile> toDelete(List<BackupFile> backups) {
        List<BackupFile> newestFirst = sorted(backups);
        return newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size());
    }
}
