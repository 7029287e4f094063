package org.innofund.platform.idempotency;

import org.innofund.platform.idempotency.StoredKey.Decision;
import org.innofund.platform.idempotency.StoredKey.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a request with an Idempotency-Key already in use gets, and which keys and requests are "the same". */
class IdempotencyRulesTest {

    private static final Instant CREATED = Instant.parse("2026-11-30T08:00:00Z");
    private static final String JSON = "application/json";
    private static final String PATH = "/innofund/api/v1/bureau/programs";

    private static String hash(String body) {
        return IdempotentRequest.hash(null, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static IdempotentRequest request(String method, String path, String hash) {
        return new IdempotentRequest("reviewer", "k-1", method, path, hash);
    }

    private static StoredKey stored(State state, Integer status) {
        return new StoredKey("POST", PATH, hash("{\"name\":\"A\"}"), state, status, JSON, null,
                "{\"id\":7}".getBytes(StandardCharsets.UTF_8), CREATED);
    }

    @Test
    void theSameRequestAnsweredIsReplayed() {
        assertEquals(Decision.REPLAY, stored(State.DONE, 201).decide(request("POST", PATH, hash("{\"name\":\"A\"}")), CREATED.plusSeconds(1)));
    }

    @Test
    void theSameRequestStillRunningIsInProgress() {
        assertEquals(Decision.IN_PROGRESS, stored(State.IN_PROGRESS, null).decide(request("POST", PATH, hash("{\"name\":\"A\"}")), CREATED));
    }

    @Test
    void anAnswerTooLargeToKeepIsNotRunAgain() {
        assertEquals(Decision.NOT_KEPT, stored(State.NOT_KEPT, 200).decide(request("POST", PATH, hash("{\"name\":\"A\"}")), CREATED));
    }

    @Test
    void anotherBodyPathOrMethodIsAMismatchWhateverTheState() {
        for (State state : State.values()) {
            StoredKey s = stored(state, state == State.IN_PROGRESS ? null : 201);
            assertEquals(Decision.MISMATCH, s.decide(request("POST", PATH, hash("{\"name\":\"B\"}")), CREATED), state.name());
            assertEquals(Decision.MISMATCH, s.decide(request("POST", PATH + "/1", hash("{\"name\":\"A\"}")), CREATED), state.name());
            assertEquals(Decision.MISMATCH, s.decide(request("PUT", PATH, hash("{\"name\":\"A\"}")), CREATED), state.name());
        }
    }

    @Test
    void aKeyIsKeptJustUnder24HoursAndExpiredAtExactly24() {
        StoredKey done = stored(State.DONE, 201);
        IdempotentRequest same = request("POST", PATH, hash("{\"name\":\"A\"}"));
        IdempotentRequest other = request("POST", PATH, hash("{\"name\":\"B\"}"));
        Instant lastMoment = CREATED.plus(Duration.ofHours(24)).minusNanos(1);
        assertEquals(Decision.REPLAY, done.decide(same, lastMoment));
        assertEquals(Decision.MISMATCH, done.decide(other, lastMoment));
        assertEquals(Decision.RUN, done.decide(same, CREATED.plus(Duration.ofHours(24))));
        assertEquals(Decision.RUN, done.decide(other, CREATED.plus(Duration.ofHours(24))), "an expired key is free for anything");
        assertEquals(Decision.RUN, stored(State.IN_PROGRESS, null).decide(same, CREATED.plus(Duration.ofDays(2))),
                "a reservation whose server stopped frees its key after 24 hours too");
        assertFalse(StoredKey.expired(CREATED, lastMoment));
        assertTrue(StoredKey.expired(CREATED, CREATED.plus(Duration.ofHours(24))));
        assertEquals(CREATED, StoredKey.keptSince(CREATED.plus(Duration.ofHours(24))));
    }

    @Test
    void theFingerprintCoversBodyQueryAndContentType() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String base = IdempotentRequest.hash("x=1", JSON, body);
        assertEquals(base, IdempotentRequest.hash("x=1", JSON, body.clone()));
        assertEquals(64, base.length());
        assertNotEquals(base, IdempotentRequest.hash("x=2", JSON, body));
        assertNotEquals(base, IdempotentRequest.hash(null, JSON, body));
        assertNotEquals(base, IdempotentRequest.hash("x=1", "text/plain", body));
        assertNotEquals(base, IdempotentRequest.hash("x=1", JSON, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(base, IdempotentRequest.hash("x=1", JSON, "{\"a\":1} ".getBytes(StandardCharsets.UTF_8)),
                "byte for byte: no JSON normalisation");
        assertEquals(IdempotentRequest.hash(null, "application/json; charset=UTF-8", body),
                IdempotentRequest.hash(null, "application/json;charset=utf-8", body), "one media type, two spellings");
        assertEquals(IdempotentRequest.hash(null, null, new byte[0]), IdempotentRequest.hash("", "", null));
        // the parts cannot slide into each other
        assertNotEquals(IdempotentRequest.hash("ab", "c", new byte[0]), IdempotentRequest.hash("a", "bc", new byte[0]));
        assertNotEquals(IdempotentRequest.hash(null, "a", "b".getBytes(StandardCharsets.UTF_8)),
                IdempotentRequest.hash(null, "ab", new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "550e8400-e29b-41d4-a716-446655440000", "order 17/2026#1", "~!@#$%^&*()_+{}|:<>?"})
    void printableAsciiKeysUpTo128AreAccepted(String key) {
        assertTrue(IdempotentRequest.isValidKey(key), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "幂等", "tab\there", "new\nline", "del\u007f", "nul\u0000", "é"})
    void otherKeysAreRefused(String key) {
        assertFalse(IdempotentRequest.isValidKey(key), key);
    }

    @Test
    void aKeyIsAtMost128Characters() {
        assertTrue(IdempotentRequest.isValidKey("k".repeat(128)));
        assertFalse(IdempotentRequest.isValidKey("k".repeat(129)));
        assertFalse(IdempotentRequest.isValidKey(null));
        assertThrows(IllegalArgumentException.class, () -> new IdempotentRequest("u", "k".repeat(129), "POST", PATH, "h"));
    }

    @Test
    void onlyStateChangingMethodsTakeAKey() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(method, request(method, PATH, "h").method());
        }
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "post"}) {
            assertThrows(IllegalArgumentException.class, () -> request(method, PATH, "h"), method);
        }
    }

    @Test
    void a5xxIsNotKeptAnythingElseIs() {
        assertTrue(StoredKey.keeps(200));
        assertTrue(StoredKey.keeps(201));
        assertTrue(StoredKey.keeps(404));
        assertTrue(StoredKey.keeps(409));
        assertTrue(StoredKey.keeps(499));
        assertFalse(StoredKey.keeps(500));
        assertFalse(StoredKey.keeps(503));
    }

    @Test
    void anAnswerUpTo1MiBIsKeptWhole() {
        assertTrue(StoredKey.fits(0));
        assertTrue(StoredKey.fits(1024 * 1024));
        assertFalse(StoredKey.fits(1024 * 1024 + 1));
    }
}
