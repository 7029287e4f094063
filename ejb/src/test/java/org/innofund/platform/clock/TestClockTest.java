package org.innofund.platform.clock;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clock the tests move: refused unless the flag is on, ahead by the shared offset when it is, read at most once a second. */
class TestClockTest {

    private static final Instant REAL = Instant.parse("2026-03-01T01:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A real clock the test advances by hand. */
    private static final class ManualClock extends Clock {
        Instant now = REAL;

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** An offset store that counts its reads. */
    private static final class Store implements Supplier<Duration> {
        Duration offset = Duration.ZERO;
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Duration get() {
            reads.incrementAndGet();
            return offset;
        }
    }

    private final ManualClock real = new ManualClock();
    private final Store store = new Store();
    private final CachedOffset offset = new CachedOffset(store, TestClock.REREAD);

    @Test
    void theProductsOwnConfigurationLeavesTheFlagOffAndOnlyTheTestsDomainTurnsItOn() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        assertEquals("false", defaults.getProperty(TestClock.FLAG));
        // the run command (ear) and the crash tests' product (LocalProduct) start the domain as production would
        assertFalse(Files.readString(Path.of("..", "ear", "pom.xml"), StandardCharsets.UTF_8).contains("INNOFUND_TEST_CLOCK"));
        assertFalse(Files.readString(Path.of("..", "it", "src", "test", "java", "org", "innofund", "it", "LocalProduct.java"),
                StandardCharsets.UTF_8).contains("INNOFUND_TEST_CLOCK"));
        assertTrue(Files.readString(Path.of("..", "it", "pom.xml"), StandardCharsets.UTF_8)
                .contains("<INNOFUND_TEST_CLOCK>true</INNOFUND_TEST_CLOCK>"));
    }

    @Test
    void flagOffTheClockIsTheSystemsAndTheOffsetIsNeverRead() {
        store.offset = Duration.ofDays(3);
        Clock clock = TestClock.clock(false, real, offset);
        assertSame(real, clock);
        assertEquals(REAL, clock.instant());
        assertEquals(0, store.reads.get());
    }

    @Test
    void flagOffMovingOrReadingTheClockIsNotFound() {
        ClockAdministration administration = new ClockAdministration();
        administration.testClock = new TestClock();
        assertFalse(administration.isMovable());
        for (Runnable attempt : new Runnable[] {administration::read, () -> administration.moveTo(Duration.ofDays(2)),
                () -> administration.moveTo(Duration.ZERO)}) {
            BusinessException e = assertThrows(BusinessException.class, attempt::run);
            assertEquals(BusinessException.Kind.NOT_FOUND, e.kind());
            assertEquals("testClock.off", e.messageKey());
        }
        assertThrows(IllegalStateException.class, () -> administration.testClock.moveTo(Duration.ofDays(2)));
    }

    @Test
    void flagOnTheClockOnlyMovesForwardAndAtMostTenYears() {
        ClockAdministration administration = new ClockAdministration();
        administration.testClock = new TestClock();
        administration.testClock.enabled = true;
        assertTrue(administration.isMovable());
        for (Duration refused : new Duration[] {null, Duration.ofSeconds(-1), ClockAdministration.MAX_AHEAD.plusSeconds(1)}) {
            BusinessException e = assertThrows(BusinessException.class, () -> administration.moveTo(refused));
            assertEquals(BusinessException.Kind.INVALID, e.kind());
            assertEquals("testClock.offset", e.messageKey());
        }
    }

    @Test
    void flagOnTheClockRunsAheadByTheOffsetInItsZone() {
        store.offset = Duration.ofDays(2).plusHours(1);
        Clock clock = TestClock.clock(true, real, offset);
        assertEquals(REAL.plus(Duration.ofDays(2).plusHours(1)), clock.instant());
        assertEquals(SHANGHAI, clock.getZone());
        Clock utc = new OffsetClock(Clock.fixed(REAL, SHANGHAI), offset).withZone(ZoneOffset.UTC);
        assertEquals(ZoneOffset.UTC, utc.getZone());
        assertEquals(REAL.plus(Duration.ofDays(2).plusHours(1)), utc.instant(), "a clock in another zone keeps the offset");
    }

    @Test
    void theOffsetIsReadAtMostOnceASecondAndAtOnceAfterAChangeMadeHere() {
        Clock clock = TestClock.clock(true, real, offset);
        assertEquals(REAL, clock.instant());
        assertEquals(1, store.reads.get());
        store.offset = Duration.ofHours(5); // changed by another server
        real.now = REAL.plusMillis(999);
        assertEquals(REAL.plusMillis(999), clock.instant(), "still the reading of less than a second ago");
        assertEquals(1, store.reads.get());
        real.now = REAL.plusSeconds(1);
        assertEquals(REAL.plusSeconds(1).plus(Duration.ofHours(5)), clock.instant(), "read again after a second");
        assertEquals(2, store.reads.get());
        store.offset = Duration.ZERO;
        offset.forget(); // changed here
        assertEquals(REAL.plusSeconds(1), clock.instant());
        assertEquals(3, store.reads.get());
    }
}
