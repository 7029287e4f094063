package org.innofund.certificate.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.innofund.certificate.domain.SerialNumber;
import org.innofund.platform.DatabaseMigrator;
import org.innofund.platform.JdbcBatch;
import org.innofund.platform.JdbcParameters;
import org.innofund.platform.SequenceIds;
import org.innofund.shared.Money;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes issued documents as JDBC batches in the caller's transaction: a run's approval issues a confirmation per
 * enterprise (ten thousand in a large call), and persisting them one entity at a time tripled the approval's time.
 * The columns are {@code Certificate}'s mapping; read back through JPA. Ids: {@link SequenceIds}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CertificateTable {

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
            List<Long> ids = SequenceIds.take(c, rows.size());
            JdbcBatch batch = new JdbcBatch(ps);
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                ps.setLong(1, ids.get(i));
                ps.setString(2, r.serial().type().name());
                ps.setInt(3, r.serial().year());
                ps.setInt(4, r.serial().number());
                ps.setString(5, r.serial().text());
                ps.setString(6, r.verificationCode());
                ps.setLong(7, r.enterpriseId());
                JdbcParameters.setLong(ps, 8, r.projectId());
                ps.setLong(9, r.callId());
                ps.setString(10, r.subject());
                ps.setString(11, r.subjectVersion());
                JdbcParameters.setMoney(ps, 12, r.amount());
                JdbcParameters.setDate(ps, 13, r.decidedOn());
                ps.setString(14, r.content());
                JdbcParameters.setTimestamp(ps, 15, now);
                batch.add();
            }
            batch.finish();
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
            JdbcBatch batch = new JdbcBatch(ps);
            for (Map.Entry<Long, Long> e : successors.entrySet()) {
                ps.setLong(1, e.getValue());
                JdbcParameters.setTimestamp(ps, 2, now);
                ps.setLong(3, e.getKey());
                batch.add();
            }
            batch.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("certificates not superseded", e);
        }
    }
}
