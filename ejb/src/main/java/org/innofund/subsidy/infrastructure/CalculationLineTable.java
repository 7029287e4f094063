package org.innofund.subsidy.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.innofund.platform.DatabaseMigrator;
import org.innofund.platform.JdbcBatch;
import org.innofund.platform.JdbcParameters;
import org.innofund.subsidy.domain.CalculationLine;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a run's lines as JDBC batches in the caller's transaction: a run of an RD_INVESTMENT call has ten thousand
 * lines, and persisting them one entity at a time was one INSERT round trip each (the run must stay within 3x of a raw
 * batch insert of its rows, ISSUE-12). The columns are {@link CalculationLine}'s mapping; read back through JPA.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CalculationLineTable {

    private static final String INSERT = "insert into calculation_line (run_id, position, enterprise_id, uscc, name, "
            + "origin, computable, eligible, kind_amount, amount, recovery, inputs, reasons, steps) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private DataSource dataSource;

    public void insert(List<CalculationLine> lines) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            JdbcBatch batch = new JdbcBatch(ps);
            for (CalculationLine l : lines) {
                ps.setLong(1, l.getRunId());
                ps.setInt(2, l.getPosition());
                JdbcParameters.setLong(ps, 3, l.getEnterpriseId());
                ps.setString(4, l.getUscc());
                ps.setString(5, l.getName());
                ps.setString(6, l.getOrigin());
                ps.setInt(7, l.isComputable() ? 1 : 0);
                ps.setInt(8, l.isEligible() ? 1 : 0);
                ps.setBigDecimal(9, l.getKindAmount().amount());
                ps.setBigDecimal(10, l.getAmount().amount());
                ps.setBigDecimal(11, l.getRecovery().amount());
                ps.setString(12, l.getInputsJson());
                ps.setString(13, l.getReasonsJson());
                ps.setString(14, l.getStepsJson());
                batch.add();
            }
            batch.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("calculation lines not stored", e);
        }
    }
}
