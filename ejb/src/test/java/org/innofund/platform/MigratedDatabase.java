package org.innofund.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fresh in-memory H2 database in Oracle mode (as the application runs it), migrated by Flyway from the scripts
 * of the {@code sql} module. A connection is held open for the life of the object, so the in-memory database is
 * not dropped when Flyway closes its own connections.
 */
final class MigratedDatabase implements AutoCloseable {

    /** Flyway logs every step through java.util.logging; held here so that the level set sticks. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    static final String USER = "innofund";
    static final String PASSWORD = "innofund";

    final String url;
    final Connection connection;
    final Flyway flyway;
    final MigrateResult result;

    MigratedDatabase() throws SQLException {
        url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
        connection = DriverManager.getConnection(url, USER, PASSWORD);
        flyway = Flyway.configure()
                .dataSource(url, USER, PASSWORD)
                .locations("classpath:db/migration")
                .load();
        result = flyway.migrate();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
