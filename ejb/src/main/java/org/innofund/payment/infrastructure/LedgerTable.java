package org.innofund.payment.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.innofund.payment.domain.LedgerEntry;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.platform.DatabaseMigrator;
import org.innofund.platform.JdbcBatch;
import org.innofund.platform.JdbcParameters;
import org.innofund.platform.SequenceIds;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes ledger transactions and their entries as JDBC batches in the caller's transaction: an approved run commits
 * ten thousand items and a bank's result file pays as many, three rows each, and persisting them one entity at a time
 * kept a batch's import far from the raw insert of the same rows it is measured against (ISSUE-13, BENCHMARKS.md).
 * The columns are {@link LedgerTransaction}'s mapping (V031); read back through JPA. Only ever inserted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LedgerTable {

    private static final String INSERT_TRANSACTION = "insert into ledger_transaction (id, call_id, kind, reference, reason,"
            + " reverses_id, recorded_by, recorded_at, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    private static final String INSERT_ENTRY = "insert into ledger_entry (transaction_id, position, call_id, account,"
            + " amount_fen) values (?, ?, ?, ?, ?)";

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private DataSource dataSource;

    /** Writes the transactions, then their entries (which name them); their ids in the transactions' order. */
    public List<Long> insert(List<LedgerTransaction> transactions) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement tx = c.prepareStatement(INSERT_TRANSACTION);
             PreparedStatement entry = c.prepareStatement(INSERT_ENTRY)) {
            List<Long> ids = SequenceIds.take(c, transactions.size());
            JdbcBatch rows = new JdbcBatch(tx);
            for (int i = 0; i < transactions.size(); i++) {
                LedgerTransaction t = transactions.get(i);
                tx.setLong(1, ids.get(i));
                tx.setLong(2, t.getCallId());
                tx.setString(3, t.getKind().name());
                tx.setString(4, t.getReference());
                tx.setString(5, t.getReason());
                JdbcParameters.setLong(tx, 6, t.getReversesId());
                tx.setString(7, t.getRecordedBy());
                JdbcParameters.setTimestamp(tx, 8, t.getRecordedAt());
                JdbcParameters.setTimestamp(tx, 9, t.getCreatedAt());
                rows.add();
            }
            rows.finish();
            JdbcBatch entries = new JdbcBatch(entry);
            for (int i = 0; i < transactions.size(); i++) {
                List<LedgerEntry> sides = transactions.get(i).getEntries();
                for (int position = 0; position < sides.size(); position++) {
                    LedgerEntry e = sides.get(position);
                    entry.setLong(1, ids.get(i));
                    entry.setInt(2, position);
                    entry.setLong(3, e.getCallId());
                    entry.setString(4, e.getAccount().name());
                    entry.setLong(5, e.getAmountFen());
                    entries.add();
                }
            }
            entries.finish();
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("ledger transactions not stored", e);
        }
    }
}
