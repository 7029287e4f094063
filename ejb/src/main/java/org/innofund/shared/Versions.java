package org.innofund.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

/**
 * Optimistic locking as users meet it: a form carries the version it was read at; a change against an older
 * version, or one that loses a race at write time, is refused with "changed by someone else, reload".
 */
public final class Versions {

    private Versions() {
    }

    /**
     * Refuses a change made on a stale read. Every change names the version it read: one that says none is refused
     * too (422), or leaving it out would skip the check and overwrite whatever is there.
     */
    public static void requireCurrent(long actual, Long expected) {
        if (expected == null) {
            throw BusinessException.invalid("request.versionRequired");
        }
        if (expected != actual) {
            throw BusinessException.conflict("request.conflict");
        }
    }

    /** Writes now, so that a concurrent change surfaces here as a clear conflict rather than at commit. */
    public static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw BusinessException.conflict("request.conflict");
        }
    }
}
