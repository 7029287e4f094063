package org.innofund.platform.backup;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Restore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The folder of H2 online backups ({@code BACKUP TO}: a consistent copy of the database file, taken while others keep
 * writing). H2 writes the file itself, so the folder is a path on the database server's host; it must also be
 * readable here, where each new backup is opened and counted before it is trusted (on one machine it is the same
 * path; on a cluster, a shared folder mounted at the same path on every host).
 */
public class BackupFolder {

    private static final Logger LOG = Logger.getLogger(BackupFolder.class.getName());

    private final Path folder;
    private final BackupPolicy policy;
    private final Clock clock;
    private final String user;
    private final String password;

    /** {@code user} and {@code password}: the database's, which its backups keep. */
    public BackupFolder(String folder, BackupPolicy policy, Clock clock, String user, String password) {
        this.folder = Paths.get(folder.startsWith("~") ? System.getProperty("user.home") + folder.substring(1) : folder)
                .toAbsolutePath().normalize();
        this.policy = policy;
        this.clock = clock;
        this.user = user;
        this.password = password;
    }

    public Path path() {
        return folder;
    }

    /** What a backup held when it was checked. */
    public record Check(int tables, long auditEntries) {
    }

    /**
     * Writes a backup through the given connection, opens the written file on its own and counts its tables and audit
     * entries (a backup that cannot be read back is deleted and reported as a failure), then deletes the oldest
     * backups beyond the number kept.
     */
    public BackupFile backUp(Connection database, BackupReason reason) {
        String name = policy.fileName(clock.instant(), reason);
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            try (Statement s = database.createStatement()) {
                s.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            Check check = check(file);
            long size = Files.size(file);
            LOG.info(() -> "Backup " + file + " written and checked: " + check.tables() + " tables, "
                    + check.auditEntries() + " audit entries, " + size + " bytes");
            prune();
            return policy.parse(name, size).orElseThrow();
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // reported below with the cause
            }
            throw new IllegalStateException("Backup " + file + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Restores the backup into a temporary folder beside it, opens that copy read-only and counts what it holds. Not
     * opened in place ({@code jdbc:h2:zip:}): H2 reads a zip by re-reading it from the start at every seek, and a
     * 40 MB backup took over five minutes to check that way.
     */
    public Check check(Path file) throws SQLException, IOException {
        Path copy = Files.createTempDirectory(file.getParent(), ".check-");
        try {
            Restore.execute(file.toString(), copy.toString(), null);
            String database;
            try (Stream<Path> files = Files.list(copy)) {
                database = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".mv.db")).findFirst()
                        .map(n -> n.substring(0, n.length() - ".mv.db".length()))
                        .orElseThrow(() -> new IllegalStateException("The backup holds no database file"));
            }
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + copy.resolve(database) + ";ACCESS_MODE_DATA=r;MODE=Oracle");
            ds.setUser(user);
            ds.setPassword(password);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                int tables;
                try (ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_schema = 'PUBLIC'")) {
                    rs.next();
                    tables = rs.getInt(1);
                }
                if (tables == 0) {
                    return new Check(0, 0); // an empty database (nothing migrated yet) is a valid backup too
                }
                try (ResultSet rs = s.executeQuery("select count(*) from audit_entry")) {
                    rs.next();
                    return new Check(tables, rs.getLong(1));
                }
            }
        } finally {
            try (Stream<Path> paths = Files.walk(copy)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<BackupFile> backups = new ArrayList<>();
            files.filter(Files::isRegularFile).forEach(f -> policy.parse(f.getFileName().toString(), size(f)).ifPresent(backups::add));
            return policy.sorted(backups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<BackupFile> newest() {
        return list().stream().findFirst();
    }

    void prune() throws IOException {
        for (BackupFile old : policy.toDelete(list())) {
            Files.deleteIfExists(folder.resolve(old.name()));
            LOG.info(() -> "Backup " + old.name() + " deleted (only the newest are kept)");
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }
}
