package org.innofund.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A state-changing API request sent with an {@code Idempotency-Key} (幂等键): whose key it is, the key, and what makes
 * two requests "the same" — the method, the path, and a SHA-256 of the query string, the content type and the body.
 */
public record IdempotentRequest(String username, String key, String method, String path, String requestHash) {

    /** The request header that carries the key. */
    public static final String HEADER = "Idempotency-Key";
    /** The answer header that marks a stored answer given again. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** The longest key kept (the column's length). */
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_PATH_LENGTH = 1000;
    /** The methods that change state; a GET or HEAD is safe to repeat and ignores the header. */
    public static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    public IdempotentRequest {
        Objects.requireNonNull(username, "username");
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("not a valid idempotency key");
        }
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("not a state-changing method: " + method);
        }
        if (path == null || path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("no path, or longer than " + MAX_PATH_LENGTH);
        }
        Objects.requireNonNull(requestHash, "requestHash");
    }

    /**
     * 1 to 128 printable ASCII characters (space to tilde) — a UUID, a ULID or a client's own reference; nothing a
     * log or a header could misread.
     */
    public static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    /**
     * The fingerprint of what the request carries: its query string, its content type (lower case, without spaces:
     * {@code application/json; charset=UTF-8} and {@code application/json;charset=utf-8} are one) and its body. The
     * first two are preceded by their length, so that no two different requests can be cut into the same bytes.
     */
    public static String hash(String query, String contentType, byte[] body) {
        MessageDigest digest = digest(query, contentType);
        digest.update(body == null ? new byte[0] : body);
        return hex(digest);
    }

    /** {@link #hash} for a body read as it streams: this digest, then the body's bytes, then {@link #hex}. */
    public static MessageDigest digest(String query, String contentType) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        part(sha256, query == null ? new byte[0] : query.getBytes(StandardCharsets.UTF_8));
        String type = contentType == null ? "" : contentType.replace(" ", "").toLowerCase(Locale.ROOT);
        part(sha256, type.getBytes(StandardCharsets.UTF_8));
        return sha256;
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void part(MessageDigest digest, byte[] bytes) {
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    /** Whether another request with this key asks for the same thing as this one. */
    boolean sameAs(String otherMethod, String otherPath, String otherHash) {
        return method.equals(otherMethod) && path.equals(otherPath) && requestHash.equals(otherHash);
    }
}
