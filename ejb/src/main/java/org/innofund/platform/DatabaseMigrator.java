package org.innofund.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * The application's database, defined here so that no server set-up is needed, and brought up to date by
 * Flyway from the scripts in {@code sql/} before anything else uses it. URL, driver, user and password are
 * configuration (MicroProfile Config: system properties, environment variables such as
 * {@code INNOFUND_DB_URL}, or the defaults in {@code META-INF/microprofile-config.properties}).
 * On a cluster, Flyway's own lock lets only one server migrate at a time.
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
public class DatabaseMigrator {

    public static final String DATA_SOURCE = "java:app/jdbc/innofund";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }
}
