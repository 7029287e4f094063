package org.innofund.platform.backup;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real H2 backups of a migrated file database: written, opened and counted, pruned by count. */
class BackupFolderTest {

    private static final String USER = "innofund";
    private static final String PASSWORD = "backup-test-password";

    @TempDir
    Path temp;

    /** A clock that a test moves forward. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2027-03-14T18:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Connection migratedFileDatabase() throws SQLException {
        String url = "jdbc:h2:file:" + temp.resolve("db/innofund") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure().dataSource(url, USER, PASSWORD).locations("classpath:db/migration").load().migrate();
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    @Test
    void aBackupIsWrittenUnderItsNameCheckedAndHoldsTheRowsCommittedBeforeIt() throws Exception {
        SteppingClock clock = new SteppingClock();
        BackupFolder folder = new BackupFolder(temp.resolve("backups").toString(), new BackupPolicy(14), clock, USER, PASSWORD);
        try (Connection db = migratedFileDatabase(); Statement s = db.createStatement()) {
            s.execute("insert into audit_entry (seq, occurred_at, action, target, outcome, prev_hash, entry_hash) "
                    + "values (1, systimestamp, 'TEST', 't', 'SUCCESS', '" + "0".repeat(64) + "', '" + "1".repeat(64) + "')");
            BackupFile taken = folder.backUp(db, BackupReason.MANUAL);
            assertEquals("innofund-20270315-020000-000-manual.zip", taken.name());
            Path file = temp.resolve("backups").resolve(taken.name());
            assertTrue(Files.size(file) > 0);
            assertEquals(Files.size(file), taken.sizeBytes());
            BackupFolder.Check check = folder.check(file);
            assertEquals(1, check.auditEntries());
            assertTrue(check.tables() >= 10, "tables: " + check.tables());
            // a row written after the backup is not in it
            s.execute("insert into audit_entry (seq, occurred_at, action, target, outcome, prev_hash, entry_hash) "
                    + "values (2, systimestamp, 'TEST', 't', 'SUCCESS', '" + "1".repeat(64) + "', '" + "2".repeat(64) + "')");
            assertEquals(1, folder.check(file).auditEntries());
        }
    }

    @Test
    void onlyTheNewestAreKeptAndOtherFilesAreLeftAlone() throws Exception {
        SteppingClock clock = new SteppingClock();
        Path backups = Files.createDirectories(temp.resolve("backups"));
        Files.writeString(backups.resolve("README.txt"), "not a backup");
        BackupFolder folder = new BackupFolder(backups.toString(), new BackupPolicy(2), clock, USER, PASSWORD);
        try (Connection db = migratedFileDatabase()) {
            for (int day = 0; day < 4; day++) {
                folder.backUp(db, BackupReason.SCHEDULED);
                clock.advance(Duration.ofDays(1));
            }
        }
        assertEquals(List.of("innofund-20270318-020000-000-scheduled.zip", "innofund-20270317-020000-000-scheduled.zip"),
                folder.list().stream().map(BackupFile::name).toList());
        assertTrue(Files.exists(backups.resolve("README.txt")));
        assertEquals("innofund-20270318-020000-000-scheduled.zip", folder.newest().orElseThrow().name());
    }

    @Test
    void aBackupThatCannotBeReadBackIsRefused() throws Exception {
        Path backups = Files.createDirectories(temp.resolve("backups"));
        Path broken = backups.resolve("innofund-20270315-020000-000-manual.zip");
        Files.write(broken, new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3});
        BackupFolder folder = new BackupFolder(backups.toString(), new BackupPolicy(2), new SteppingClock(), USER, PASSWORD);
        assertThrows(IllegalStateException.class, () -> folder.check(broken));
        try (var left = Files.list(backups)) {
            assertEquals(List.of(broken), left.toList(), "the check's temporary copy is removed");
        }
    }

    @Test
    void aFailedBackupLeavesNoFileBehind() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("occupied"), "a file where the folder should be");
        BackupFolder folder = new BackupFolder(notAFolder.toString(), new BackupPolicy(2), new SteppingClock(), USER, PASSWORD);
        try (Connection db = migratedFileDatabase()) {
            assertThrows(IllegalStateException.class, () -> folder.backUp(db, BackupReason.MANUAL));
        }
        assertFalse(Files.isDirectory(notAFolder));
    }

    @Test
    void noFolderYetMeansNoBackups() {
        assertTrue(new BackupFolder(temp.resolve("none").toString(), new BackupPolicy(2), new SteppingClock(), USER, PASSWORD).list().isEmpty());
    }
}
