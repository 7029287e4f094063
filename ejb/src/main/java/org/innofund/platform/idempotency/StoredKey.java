package org.innofund.platform.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * A key as stored: the request that reserved it and, once it was answered, the answer. {@link #decide} says what a
 * later request with the same key gets.
 */
public record StoredKey(String method, String path, String requestHash, State state, Integer status, String contentType,
                        String location, byte[] body, Instant createdAt) {

    /** How long a key is kept: a request with a key older than this runs again as a new one. */
    public static final Duration KEPT = Duration.ofHours(24);
    /** The largest answer kept for a replay (a bigger one keeps only its status). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    public enum State {
        /** Reserved by a request still running (or one whose server stopped before it answered). */
        IN_PROGRESS,
        /** Answered, and the answer kept. */
        DONE,
        /** Answered with more than {@link #MAX_BODY_BYTES}: the status is kept, the body is not. */
        NOT_KEPT
    }

    /** What a request with a key already in use gets. */
    public enum Decision {
        /** The key is older than {@link #KEPT}: the request runs as if the key were new. */
        RUN,
        /** The same request answered: the stored answer again, byte for byte. */
        REPLAY,
        /** The same request, still running: 409, try again shortly. */
        IN_PROGRESS,
        /** Another request (body, query, content type, method or path) with the same key: 409, nothing done. */
        MISMATCH,
        /** The same request answered, but its answer was too large to keep: 409, look the result up. */
        NOT_KEPT
    }

    /** Whether a key stored at {@code createdAt} is no longer kept at {@code now}: exactly 24 hours old is expired. */
    public static boolean expired(Instant createdAt, Instant now) {
        return !now.isBefore(createdAt.plus(KEPT));
    }

    /** The oldest creation time still kept at {@code now}: keys created before it are pruned. */
    public static Instant keptSince(Instant now) {
        return now.minus(KEPT);
    }

    public Decision decide(IdempotentRequest request, Instant now) {
        if (expired(createdAt, now)) {
            return Decision.RUN;
        }
        if (!request.sameAs(method, path, requestHash)) {
            return Decision.MISMATCH;
        }
        return switch (state) {
            case IN_PROGRESS -> Decision.IN_PROGRESS;
            case DONE -> Decision.REPLAY;
            case NOT_KEPT -> Decision.NOT_KEPT;
        };
    }

    /** Whether an answer of this status is stored: a 5xx is not (the key is released so that a retry runs). */
    public static boolean keeps(int status) {
        return status < 500;
    }

    /** Whether an answer of this size is kept whole. */
    public static boolean fits(int bodyBytes) {
        return bodyBytes <= MAX_BODY_BYTES;
    }
}
