package org.innofund.identity.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2025-03-10T01:30:00Z");

    private static void fail(LoginThrottle throttle, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(at);
        }
    }

    /** Five failures, the last one at {@code T0}. */
    private static LoginThrottle lockedAtT0() {
        LoginThrottle throttle = new LoginThrottle("zhang.wei");
        fail(throttle, 4, T0.minusSeconds(30));
        throttle.recordFailure(T0);
        return throttle;
    }

    @Test
    void aNewThrottleIsNotLocked() {
        LoginThrottle throttle = new LoginThrottle("zhang.wei");
        assertEquals("zhang.wei", throttle.getUsername());
        assertEquals(0, throttle.getFailedCount());
        assertFalse(throttle.isLocked(T0));
        assertNull(throttle.getLockedUntil());
    }

    @Test
    void fourFailuresDoNotLock() {
        LoginThrottle throttle = new LoginThrottle("zhang.wei");
        fail(throttle, 4, T0);
        assertEquals(4, throttle.getFailedCount());
        assertFalse(throttle.isLocked(T0));
        assertNull(throttle.getLockedUntil());
    }

    @Test
    void theFifthFailureLocksForExactlyFifteenMinutes() {
        LoginThrottle throttle = lockedAtT0();
        assertEquals(5, throttle.getFailedCount());
        assertEquals(T0.plus(Duration.ofMinutes(15)), throttle.getLockedUntil());
        assertTrue(throttle.isLocked(T0));
        assertTrue(throttle.isLocked(T0.plus(Duration.ofMinutes(14)).plusSeconds(59)));
        assertTrue(throttle.isLocked(T0.plus(Duration.ofMinutes(15)).minusNanos(1)));
        assertFalse(throttle.isLocked(T0.plus(Duration.ofMinutes(15))));
        assertFalse(throttle.isLocked(T0.plus(Duration.ofHours(3))));
    }

    @Test
    void failuresSpreadOverTimeStillCount() {
        // the rule is "five in a row", not "five within a window"
        LoginThrottle throttle = new LoginThrottle("zhang.wei");
        for (int day = 0; day < 5; day++) {
            throttle.recordFailure(T0.plus(Duration.ofDays(day)));
        }
        assertTrue(throttle.isLocked(T0.plus(Duration.ofDays(4))));
    }

    @Test
    void attemptsWhileLockedAreNotCountedAndDoNotExtendTheLock() {
        LoginThrottle throttle = lockedAtT0();
        Instant until = throttle.getLockedUntil();
        fail(throttle, 20, T0.plus(Duration.ofMinutes(10)));
        throttle.recordFailure(T0.plus(Duration.ofMinutes(15)).minusNanos(1));
        assertEquals(5, throttle.getFailedCount());
        assertEquals(until, throttle.getLockedUntil());
        assertFalse(throttle.isLocked(T0.plus(Duration.ofMinutes(15))));
    }

    @Test
    void afterTheLockRunsOutTheCountStartsAfresh() {
        LoginThrottle throttle = lockedAtT0();
        Instant afterLock = T0.plus(Duration.ofMinutes(15));
        throttle.recordFailure(afterLock);
        assertEquals(1, throttle.getFailedCount());
        assertFalse(throttle.isLocked(afterLock));
        assertNull(throttle.getLockedUntil());

        fail(throttle, 3, afterLock.plusSeconds(1));
        assertFalse(throttle.isLocked(afterLock.plusSeconds(1)));
        throttle.recordFailure(afterLock.plusSeconds(2));
        assertEquals(5, throttle.getFailedCount());
        assertTrue(throttle.isLocked(afterLock.plusSeconds(2)));
        assertEquals(afterLock.plusSeconds(2).plus(Duration.ofMinutes(15)), throttle.getLockedUntil());
    }

    @Test
    void successResetsTheCount() {
        LoginThrottle throttle = new LoginThrottle("zhang.wei");
        fail(throttle, 4, T0);
        throttle.recordSuccess();
        assertEquals(0, throttle.getFailedCount());
        throttle.recordFailure(T0.plusSeconds(1));
        assertFalse(throttle.isLocked(T0.plusSeconds(1)), "one failure after a success must not lock");
        fail(throttle, 3, T0.plusSeconds(2));
        assertFalse(throttle.isLocked(T0.plusSeconds(2)));
        throttle.recordFailure(T0.plusSeconds(3));
        assertTrue(throttle.isLocked(T0.plusSeconds(3)));
    }

    @Test
    void unlockEndsTheLockAtOnceAndResetsTheCount() {
        LoginThrottle throttle = lockedAtT0();
        throttle.unlock();
        assertFalse(throttle.isLocked(T0.plusSeconds(1)));
        assertNull(throttle.getLockedUntil());
        assertEquals(0, throttle.getFailedCount());
        throttle.recordFailure(T0.plusSeconds(2));
        assertEquals(1, throttle.getFailedCount());
        assertFalse(throttle.isLocked(T0.plusSeconds(2)));
    }
}
