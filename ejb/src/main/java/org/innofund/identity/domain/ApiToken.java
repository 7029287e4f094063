package org.innofund.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import org.innofund.shared.FlagConverter;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** An API bearer token. The token itself is shown once; only its SHA-256 is kept. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    public static final Duration VALIDITY = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @SequenceGenerator(name = "innofund_seq", sequenceName = "innofund_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "innofund_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean revoked;

    protected ApiToken() {
    }

    private ApiToken(UserAccount user, String tokenHash, Instant now) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.issuedAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    /** A fresh random token (256 bits, URL-safe) and the entity that remembers its hash. */
    public static Issued issue(UserAccount user, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, new ApiToken(user, hash(token), now));
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isValid(Instant now) {
        return !revoked && now.isBefore(expiresAt) && user.isEnabled();
    }

    public void revoke() {
        revoked = true;
    }

    public UserAccount getUser() {
        return user;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public record Issued(String token, ApiToken entity) {
    }
}
