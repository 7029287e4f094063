package org.innofund.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins of one user name, existing or not (so the lockout does not reveal which names exist):
 * five failures in a row lock the name for fifteen minutes. Attempts while locked are refused uncounted.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "failed_count", nullable = false)
    private int failedCount;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Version
    private long version;

    protected LoginThrottle() {
    }

    public LoginThrottle(String username) {
        this.username = username;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a failure; the fifth in a row locks. A lock that has run out starts a fresh count. */
    public void recordFailure(Instant now) {
        if (isLocked(now)) {
            return;
        }
        if (lockedUntil != null) {
            lockedUntil = null;
            failedCount = 0;
        }
        failedCount++;
        lastFailureAt = now;
        if (failedCount >= MAX_FAILURES) {
            lockedUntil = now.plus(LOCK_DURATION);
        }
    }

    public void recordSuccess() {
        failedCount = 0;
        lockedUntil = null;
    }

    /** An administrator's unlock. */
    public void unlock() {
        recordSuccess();
    }

    public String getUsername() {
        return username;
    }

    public int getFailedCount() {
        return failedCount;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }
}
