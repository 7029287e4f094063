package org.innofund.identity.domain;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiTokenTest {

    private static final Instant NOW = Instant.parse("2025-04-01T02:00:00Z");

    private static UserAccount user() {
        return new UserAccount("api.user", "API User", "HASH", UserAccountTest.enterprise(), Set.of(Role.ENTERPRISE), NOW);
    }

    /** SHA-256 as lower-case hex, computed here without the class under test. */
    private static String sha256Hex(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    private static String storedHash(ApiToken token) throws ReflectiveOperationException {
        Field field = ApiToken.class.getDeclaredField("tokenHash");
        field.setAccessible(true);
        return (String) field.get(token);
    }

    @Test
    void onlyTheSha256OfTheTokenIsStored() throws Exception {
        ApiToken.Issued issued = ApiToken.issue(user(), NOW);
        String stored = storedHash(issued.entity());
        assertEquals(sha256Hex(issued.token()), stored);
        assertEquals(64, stored.length());
        assertFalse(stored.contains(issued.token()));
        assertEquals(stored, ApiToken.hash(issued.token()));
    }

    @Test
    void hashIsTheKnownSha256() throws Exception {
        // FIPS 180-2 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiToken.hash("abc"));
        assertEquals(sha256Hex("令牌"), ApiToken.hash("令牌"));
    }

    @Test
    void theTokenIs256RandomBitsUrlSafe() {
        String token = ApiToken.issue(user(), NOW).token();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    }

    @Test
    void tokensAreNeverTheSame() throws Exception {
        UserAccount user = user();
        Set<String> tokens = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ApiToken.Issued issued = ApiToken.issue(user, NOW);
            tokens.add(issued.token());
            hashes.add(storedHash(issued.entity()));
        }
        assertEquals(200, tokens.size());
        assertEquals(200, hashes.size());
        ApiToken.Issued a = ApiToken.issue(user, NOW);
        ApiToken.Issued b = ApiToken.issue(user, NOW);
        assertNotEquals(a.token(), b.token());
    }

    @Test
    void validForExactlyEightHours() {
        UserAccount user = user();
        ApiToken token = ApiToken.issue(user, NOW).entity();
        assertSame(user, token.getUser());
        assertEquals(NOW.plus(Duration.ofHours(8)), token.getExpiresAt());
        assertTrue(token.isValid(NOW));
        assertTrue(token.isValid(NOW.plus(Duration.ofHours(8)).minusNanos(1)));
        assertFalse(token.isValid(NOW.plus(Duration.ofHours(8))));
        assertFalse(token.isValid(NOW.plus(Duration.ofDays(2))));
    }

    @Test
    void aRevokedTokenIsInvalidAtOnce() {
        ApiToken token = ApiToken.issue(user(), NOW).entity();
        token.revoke();
        assertFalse(token.isValid(NOW));
        assertFalse(token.isValid(NOW.plusSeconds(1)));
    }

    @Test
    void aDisabledUsersTokenIsInvalid() {
        UserAccount user = user();
        ApiToken token = ApiToken.issue(user, NOW).entity();
        user.disable();
        assertFalse(token.isValid(NOW.plusSeconds(1)));
    }
}
