package org.innofund.platform.backup;

import org.innofund.identity.application.CurrentUser;
import jakarta.enterprise.event.Event;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.identity.domain.Role;
import org.innofund.platform.DatabaseMigrator;
import org.innofund.shared.BusinessException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 数据库备份: online backups of the H2 database, daily at 02:00 (bureau time, a persistent timer, so that one missed
 * while the server was down runs when it is back), before every migration, and on an administrator's demand. Kept by
 * count ({@code innofund.backup.keep}, default 14) in {@code innofund.backup.dir} (default ~/.innofund/backups).
 * One backup at a time. On Oracle nothing is done here: Oracle's own backup (RMAN) is the production answer.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "innofund.backup.dir", defaultValue = "~/.innofund/backups")
    private String directory;

    @Inject
    @ConfigProperty(name = "innofund.backup.keep", defaultValue = "14")
    private int keep;

    @Inject
    @ConfigProperty(name = "innofund.db.user")
    private String user;

    @Inject
    @ConfigProperty(name = "innofund.db.password")
    private Optional<String> password;

    @Inject
    private Clock clock;

    @Inject
    private Event<DomainEvent> events;

    @EJB
    private CurrentUser currentUser;

    private BackupFolder folder;

    @PostConstruct
    void init() {
        folder = new BackupFolder(directory, new BackupPolicy(keep), clock, user, password.orElse(""));
    }

    @Schedule(hour = "2", minute = "0", timezone = "Asia/Shanghai", info = "daily database backup")
    @Lock(LockType.WRITE)
    void daily() {
        try (Connection c = dataSource.getConnection()) {
            if (isH2(c)) {
                backUp(c, BackupReason.SCHEDULED);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "The daily database backup failed", e);
        }
    }

    /** A backup now (the admin page's button, {@code POST /admin/backups}). */
    @RolesAllowed(Role.Names.ADMIN)
    @Lock(LockType.WRITE)
    public BackupFile takeNow() {
        try (Connection c = dataSource.getConnection()) {
            if (!isH2(c)) {
                throw BusinessException.conflict("backup.notH2");
            }
            BackupFile taken = backUp(c, BackupReason.MANUAL);
            events.fire(new BackupTaken(currentUser.actor(), taken));
            return taken;
        } catch (SQLException | IllegalStateException e) {
            LOG.log(Level.SEVERE, "A database backup failed", e);
            throw BusinessException.conflict("backup.failed", e.getMessage());
        }
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Lock(LockType.READ)
    public List<BackupFile> list() {
        return folder.list();
    }

    /** Writes, checks and prunes; the caller holds the connection (the migrator's, before Flyway runs). */
    @Lock(LockType.WRITE)
    public BackupFile backUp(Connection database, BackupReason reason) {
        return folder.backUp(database, reason);
    }

    @Lock(LockType.READ)
    public Optional<BackupFile> newest() {
        return folder.newest();
    }

    @Lock(LockType.READ)
    public Path folder() {
        return folder.path();
    }

    private static boolean isH2(Connection c) throws SQLException {
        return "H2".equals(c.getMetaData().getDatabaseProductName());
    }
}
