package org.innofund.platform.clock;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.innofund.identity.domain.Role;
import org.innofund.shared.BusinessException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Moving the server's clock, for the tests only (ADMIN): refused as not found unless the test flag is on. The change
 * is committed at once (no transaction of its own), so that the next request on any server sees it.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClockAdministration {

    /** Ten years: far enough for any deadline a test waits for. */
    static final Duration MAX_AHEAD = Duration.ofDays(3653);

    @Inject
    TestClock testClock;

    @Inject
    Clock clock;

    /** Whether the clock can be moved here (the API answers 404 otherwise, as for a path that does not exist). */
    @PermitAll
    public boolean isMovable() {
        return testClock.isEnabled();
    }

    public ClockView read() {
        requireMovable();
        return new ClockView(testClock.offset(), clock.instant());
    }

    /** Runs the clock this far ahead of the real time; zero puts it back. */
    public ClockView moveTo(Duration ahead) {
        requireMovable();
        if (ahead == null || ahead.isNegative() || ahead.compareTo(MAX_AHEAD) > 0) {
            throw BusinessException.invalid("testClock.offset", MAX_AHEAD.toDays());
        }
        testClock.moveTo(ahead);
        return read();
    }

    private void requireMovable() {
        if (!testClock.isEnabled()) {
            throw BusinessException.notFound("testClock.off");
        }
    }

    /** How far ahead the clock runs, and the time it gives now. */
    public record ClockView(Duration offset, Instant now) {
    }
}
