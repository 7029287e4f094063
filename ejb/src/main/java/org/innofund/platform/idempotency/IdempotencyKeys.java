package org.innofund.platform.idempotency;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.innofund.identity.domain.Role;
import org.innofund.platform.DatabaseMigrator;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The store of idempotency keys (幂等键), each its caller's: the first request with a key reserves it, in a transaction
 * of its own so that a second request sees the reservation at once (the primary key decides between two that arrive
 * together); the answer is kept when the request is done, or the reservation released when it failed with a 5xx.
 * Plain JDBC: a refused insert is the expected answer to "is this key taken?", and must not doom a JPA transaction.
 * Only authenticated callers hold keys: an anonymous caller's answers (a token among them) would be anyone's.
 */
@Stateless
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.AGENCY, Role.Names.REVIEWER, Role.Names.APPROVER,
        Role.Names.FINANCE, Role.Names.ADMIN})
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {

    private static final String INSERT = "insert into idempotency_key (username, idempotency_key, method, path, "
            + "request_hash, state, created_at) values (?, ?, ?, ?, ?, 'IN_PROGRESS', ?)";
    private static final String DELETE_EXPIRED = "delete from idempotency_key where username = ? and idempotency_key = ? "
            + "and created_at <= ?";
    private static final String SELECT = "select method, path, request_hash, state, status, content_type, location, body, "
            + "created_at from idempotency_key where username = ? and idempotency_key = ?";
    private static final String COMPLETE = "update idempotency_key set state = ?, status = ?, content_type = ?, location = ?, "
            + "body = ?, completed_at = ? where username = ? and idempotency_key = ? and state = 'IN_PROGRESS'";
    private static final String RELEASE = "delete from idempotency_key where username = ? and idempotency_key = ? "
            + "and state = 'IN_PROGRESS'";
    private static final String PRUNE = "delete from idempotency_key where created_at <= ?";

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private SessionContext context;

    @Inject
    private Clock clock;

    /** What became of a request's attempt to reserve its key: run it, or what to answer instead. */
    public record Reservation(StoredKey.Decision decision, StoredKey stored) {

        static Reservation run() {
            return new Reservation(StoredKey.Decision.RUN, null);
        }
    }

    /**
     * Reserves the key for this request, unless it is in use: then the stored key's decision (a replay, in progress,
     * another request). A key older than 24 hours is dropped first and the request runs as a new one.
     */
    public Reservation reserve(String key, String method, String path, String requestHash) {
        IdempotentRequest request = new IdempotentRequest(caller(), key, method, path, requestHash);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(DELETE_EXPIRED)) {
                ps.setString(1, request.username());
                ps.setString(2, request.key());
                ps.setObject(3, utc(StoredKey.keptSince(now)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, request.username());
                ps.setString(2, request.key());
                ps.setString(3, request.method());
                ps.setString(4, request.path());
                ps.setString(5, request.requestHash());
                ps.setObject(6, utc(now));
                ps.executeUpdate();
                return Reservation.run();
            } catch (SQLException taken) {
                if (taken.getSQLState() == null || !taken.getSQLState().startsWith("23")) {
                    throw taken;
                }
            }
            // Taken by a request committed before ours (the insert waited for it if it was not): what it says now.
            // Gone again in between (that request failed with a 5xx and released it): the caller simply retries.
            return stored(c, request.username(), request.key())
                    .map(s -> new Reservation(s.decide(request, now), s))
                    .orElse(new Reservation(StoredKey.Decision.IN_PROGRESS, null));
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key not reserved", e);
        }
    }

    /**
     * Keeps the answer of the request that reserved the key (a 5xx releases it instead: see {@link #release}); a body
     * above {@link StoredKey#MAX_BODY_BYTES}, or {@code null} (not known whole), keeps only the status.
     */
    public void complete(String key, int status, String contentType, String location, byte[] body) {
        if (!StoredKey.keeps(status)) {
            release(key);
            return;
        }
        boolean kept = body != null && StoredKey.fits(body.length);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COMPLETE)) {
            ps.setString(1, (kept ? StoredKey.State.DONE : StoredKey.State.NOT_KEPT).name());
            ps.setInt(2, status);
            ps.setString(3, contentType);
            ps.setString(4, location != null && location.length() > IdempotentRequest.MAX_PATH_LENGTH ? null : location);
            if (kept) {
                ps.setBinaryStream(5, new ByteArrayInputStream(body), body.length);
            } else {
                ps.setNull(5, java.sql.Types.BLOB);
            }
            ps.setObject(6, utc(clock.instant()));
            ps.setString(7, caller());
            ps.setString(8, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key not completed", e);
        }
    }

    /** Frees the key of a request that failed (5xx, or no answer at all), so that a retry with it runs. */
    public void release(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setString(1, caller());
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key not released", e);
        }
    }

    /** Deletes the keys no longer kept (24 hours by the clock); how many. Run by {@link IdempotencyKeyPruning}. */
    @PermitAll
    public int prune() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PRUNE)) {
            ps.setObject(1, utc(StoredKey.keptSince(clock.instant())));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency keys not pruned", e);
        }
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

    private static Optional<StoredKey> stored(Connection c, String username, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, username);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int status = rs.getInt("status");
                Integer answered = rs.wasNull() ? null : status;
                Blob blob = rs.getBlob("body");
                byte[] body = blob == null ? null : blob.getBytes(1, (int) blob.length());
                return Optional.of(new StoredKey(rs.getString("method"), rs.getString("path"), rs.getString("request_hash"),
                        StoredKey.State.valueOf(rs.getString("state")), answered, rs.getString("content_type"),
                        rs.getString("location"), body == null ? new byte[0] : body,
                        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
            }
        }
    }

    /** Every instant stored as UTC, as {@link org.innofund.shared.InstantConverter} does for the entities. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
