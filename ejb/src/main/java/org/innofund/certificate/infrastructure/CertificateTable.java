package org.innofund.certificate.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.innofund.certificate.domain.SerialNumber;
import org.innofund.platform.DatabaseMigrator;
import org.innofund.shared.Money;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes issued documents as JDBC batches in the caller's transaction: a run's approval issues a confirmation per
 * enterprise (ten thousand in a large call), and persisting them one entity at a time tripled the approval's time.
 * The columns are {@code Certificate}'s mapping; read back through JPA. Ids come from the one sequence in blocks as
 * EclipseLink takes them (a value N stands for N-49..N: INCREMENT BY is the allocation size, 50).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CertificateTable {

    static final int BATCH = 1000;
    private static final int BLOCK = 50;

    private static final String INSERT = "insert into certificate (id, certificate_type, serial_year, serial_no, serial,"
            + " verification_code, enterprise_id, project_id, call_id, subject, subject_version, amount, decided_on, content,"
            + " state, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?, 0)";
    private static final String SUPERSEDE = "update certificate set state = 'SUPERSEDED', superseded_by = ?, ended_at = ?,"
            + " version = version + 1 where id = ? and state = 'VALID'";

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private DataSource dataSource;

    /** One document to write. */
    public record Row(SerialNumber serial, String verificationCode, long enterpriseId, Long projectId, long callId,
                      String subject, String subjectVersion, Money amount, LocalDate decidedOn, String content) {
    }

    /** Writes the rows, valid, issued now; their ids in the rows' order. */
    public List<Long> insert(List<Row> rows, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            List<Long> ids = ids(c, rows.size());
            Timestamp created = Timestamp.valueOf(utc(now));
            int pending = 0;
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                ps.setLong(1, ids.get(i));
                ps.setString(2, r.serial().type().name());
                ps.setInt(3, r.serial().year());
                ps.setInt(4, r.serial().number());
                ps.setString(5, r.serial().text());
                ps.setString(6, r.verificationCode());
                ps.setLong(7, r.enterpriseId());
                if (r.projectId() == null) {
                    ps.setNull(8, Types.BIGINT);
                } else {
                    ps.setLong(8, r.projectId());
                }
                ps.setLong(9, r.callId());
                ps.setString(10, r.subject());
                ps.setString(11, r.subjectVersion());
                if (r.amount() == null) {
                    ps.setNull(12, Types.NUMERIC);
                } else {
                    ps.setBigDecimal(12, r.amount().amount());
                }
                ps.setDate(13, Date.valueOf(r.decidedOn()));
                ps.setString(14, r.content());
                ps.setTimestamp(15, created);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("certificates not stored", e);
        }
    }

    /** Ends each earlier document (key) as superseded by its successor (value), if it is still valid. */
    public void supersede(Map<Long, Long> successors, Instant now) {
        if (successors.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SUPERSEDE)) {
            Timestamp ended = Timestamp.valueOf(utc(now));
            int pending = 0;
            for (Map.Entry<Long, Long> e : successors.entrySet()) {
                ps.setLong(1, e.getValue());
                ps.setTimestamp(2, ended);
                ps.setLong(3, e.getKey());
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("certificates not superseded", e);
        }
    }

    private static List<Long> ids(Connection c, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement ps = c.prepareStatement("select innofund_seq.nextval from dual")) {
            while (ids.size() < count) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long last = rs.getLong(1);
                    for (long id = last - BLOCK + 1; id <= last && ids.size() < count; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    /** As InstantConverter stores an instant: its UTC date and time. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
