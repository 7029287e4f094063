package org.innofund.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.innofund.platform.backup.BackupReason;
import org.innofund.platform.backup.Backups;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The application's database, defined here so that no server set-up is needed, and brought up to date by
 * Flyway from the scripts in {@code sql/} before anything else uses it. URL, driver, user and password are
 * configuration (MicroProfile Config: system properties, environment variables such as
 * {@code INNOFUND_DB_URL}, or the defaults in {@code META-INF/microprofile-config.properties}).
 * On a cluster, Flyway's own lock lets only one server migrate at a time.
 * <p>
 * On H2, a backup is taken before pending migrations are applied (on Oracle, Oracle's own backup is the answer).
 * If the database cannot be opened (a damaged file, a database server that is not there) or migrated, the product
 * does not start writing: it says why in the log and on every page ({@link #unavailable()}), with the newest backup
 * and the command that restores it.
 */
@DataSourceDefinition(
        name = DatabaseMigrator.DATA_SOURCE,
        className = "${MPCONFIG=innofund.db.datasource-class}",
        url = "${MPCONFIG=innofund.db.url}",
        user = "${MPCONFIG=innofund.db.user}",
        password = "${MPCONFIG=innofund.db.password}",
        minPoolSize = 2,
        maxPoolSize = 40)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@Lock(LockType.READ)
public class DatabaseMigrator {

    public static final String DATA_SOURCE = "java:app/jdbc/innofund";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Backups backups;

    private volatile DatabaseUnavailable unavailable;

    @PostConstruct
    void migrate() {
        try {
            Flyway flyway = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();
            backUpBeforeMigrating(flyway.info());
            MigrateResult result = flyway.migrate();
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migration(s) applied now)");
        } catch (RuntimeException | SQLException e) {
            unavailable = new DatabaseUnavailable(e.getMessage(), newestBackup(), backups.folder().toString());
            LOG.severe(unavailable.logText());
        }
    }

    private String newestBackup() {
        try {
            return backups.newest().map(b -> backups.folder().resolve(b.name()).toString()).orElse(null);
        } catch (RuntimeException unreadableFolder) {
            return null;
        }
    }

    private void backUpBeforeMigrating(MigrationInfoService info) throws SQLException {
        if (info.pending().length == 0 || info.applied().length == 0) {
            return; // nothing to change, or nothing yet to lose
        }
        try (Connection c = dataSource.getConnection()) {
            if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
                LOG.info("Not H2: the database's own backup covers the migration");
                return;
            }
            backups.backUp(c, BackupReason.PRE_MIGRATION);
        }
    }

    /** Why the product refuses to run, if it does. */
    public Optional<DatabaseUnavailable> unavailable() {
        return Optional.ofNullable(unavailable);
    }
}
