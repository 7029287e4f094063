package org.innofund.platform.backup;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupPolicyTest {

    private final BackupPolicy policy = new BackupPolicy(14);
    /** 2027-03-14 18:00:00 UTC is 2027-03-15 02:00:00 in Shanghai. */
    private final Instant twoAmShanghai = Instant.parse("2027-03-14T18:00:00Z");

    @Test
    void namesCarryTheBureausLocalTimeAndTheReason() {
        assertEquals("innofund-20270315-020000-000-scheduled.zip", policy.fileName(twoAmShanghai, BackupReason.SCHEDULED));
        assertEquals("innofund-20270315-020000-123-pre-migration.zip",
                policy.fileName(twoAmShanghai.plusMillis(123), BackupReason.PRE_MIGRATION));
        assertEquals("innofund-20270315-020000-000-manual.zip", policy.fileName(twoAmShanghai, BackupReason.MANUAL));
    }

    @Test
    void aNameReadsBackToTheSameInstantAndReason() {
        for (BackupReason reason : BackupReason.values()) {
            Instant at = twoAmShanghai.plusMillis(987);
            BackupFile parsed = policy.parse(policy.fileName(at, reason), 42).orElseThrow();
            assertEquals(at, parsed.takenAt());
            assertEquals(reason, parsed.reason());
            assertEquals(42, parsed.sizeBytes());
        }
    }

    @Test
    void otherFilesAreNotBackups() {
        for (String name : List.of("innofund.mv.db", "notes.txt", "innofund-20270315-020000-000-scheduled.zip.tmp",
                "innofund-20271315-020000-000-scheduled.zip", "innofund-20270315-020000-000-weekly.zip",
                "other-20270315-020000-000-manual.zip", "innofund-20270315-020000-manual.zip")) {
            assertTrue(policy.parse(name, 1).isEmpty(), name);
        }
    }

    @Test
    void keepsTheNewestFourteenAndDeletesTheRestOldestLast() {
        Clock start = Clock.fixed(twoAmShanghai, ZoneOffset.UTC);
        List<BackupFile> backups = new ArrayList<>();
        for (int day = 0; day < 20; day++) {
            Instant at = Clock.offset(start, Duration.ofDays(day)).instant();
            backups.add(policy.parse(policy.fileName(at, BackupReason.SCHEDULED), day).orElseThrow());
        }
        List<BackupFile> deleted = policy.toDelete(backups);
        assertEquals(6, deleted.size());
        // the six oldest: days 0..5
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L, 0L), deleted.stream().map(BackupFile::sizeBytes).toList());
        assertEquals(19L, policy.sorted(backups).get(0).sizeBytes());
    }

    @Test
    void keepsAllWhileThereAreNoMoreThanTheLimit() {
        List<BackupFile> few = List.of(
                policy.parse(policy.fileName(twoAmShanghai, BackupReason.MANUAL), 1).orElseThrow(),
                policy.parse(policy.fileName(twoAmShanghai.plusSeconds(1), BackupReason.PRE_MIGRATION), 2).orElseThrow());
        assertTrue(policy.toDelete(few).isEmpty());
        assertTrue(policy.toDelete(List.of()).isEmpty());
    }

    @Test
    void aPreMigrationBackupCountsLikeAnyOtherAndTheNewestSurvives() {
        BackupPolicy keepTwo = new BackupPolicy(2);
        BackupFile old = keepTwo.parse(keepTwo.fileName(twoAmShanghai, BackupReason.SCHEDULED), 1).orElseThrow();
        BackupFile middle = keepTwo.parse(keepTwo.fileName(twoAmShanghai.plusMillis(1), BackupReason.PRE_MIGRATION), 2).orElseThrow();
        BackupFile newest = keepTwo.parse(keepTwo.fileName(twoAmShanghai.plusMillis(2), BackupReason.MANUAL), 3).orElseThrow();
        assertEquals(List.of(old), keepTwo.toDelete(List.of(newest, old, middle)));
    }

    @Test
    void atLeastOneBackupIsKept() {
        assertThrows(IllegalArgumentException.class, () -> new BackupPolicy(0));
        assertEquals(List.of(), new BackupPolicy(1).toDelete(List.of(
                policy.parse(policy.fileName(twoAmShanghai, BackupReason.MANUAL), 1).orElseThrow())));
    }
}
