package org.innofund.platform.clock;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.platform.DatabaseMigrator;
import org.innofund.shared.Clocks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one source of "now" for every business service, and the clock the tests can move. Domain methods take the
 * instant as a parameter, so deadlines are unit-tested with fixed instants; integration and browser tests move the
 * server's clock forward instead of sleeping. That is possible only when {@code innofund.test-clock=true} (only the
 * tests' domain sets it): otherwise the clock is the system's and the offset is never read. The offset lives in the
 * database (table test_clock), so that every server of a cluster runs the same time; each reads it at most once a
 * second.
 */
@ApplicationScoped
public class TestClock {

    public static final String FLAG = "innofund.test-clock";
    static final Duration REREAD = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(TestClock.class.getName());

    @Inject
    @ConfigProperty(name = FLAG, defaultValue = "false")
    boolean enabled;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private DataSource dataSource;

    private final CachedOffset offset = new CachedOffset(this::read, REREAD);

    @Produces
    Clock clock() {
        return clock(enabled, Clock.system(Clocks.BUREAU_ZONE), offset);
    }

    /** The system clock unless the flag is on. */
    static Clock clock(boolean enabled, Clock system, CachedOffset offset) {
        return enabled ? new OffsetClock(system, offset) : system;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** How far the clock runs ahead of the real time now. */
    public Duration offset() {
        requireEnabled();
        return read();
    }

    /** Sets how far ahead of the real time the clock runs (zero: back to the real time), committed at once. */
    public void moveTo(Duration ahead) {
        requireEnabled();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update test_clock set offset_seconds = ? where id = 1")) {
            ps.setLong(1, ahead.getSeconds());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the test clock cannot be moved", e);
        } finally {
            offset.forget();
        }
        LOG.info(() -> "Test clock: " + ahead + " ahead of the real time");
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new IllegalStateException(FLAG + " is off: the clock is the system's");
        }
    }

    private Duration read() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select offset_seconds from test_clock where id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Duration.ofSeconds(rs.getLong(1)) : Duration.ZERO;
        } catch (SQLException e) {
            // before the schema has the table (a backup taken ahead of the migration): nobody can have moved it yet
            LOG.log(Level.FINE, "test clock not readable, taken as the real time", e);
            return Duration.ZERO;
        }
    }
}
