package org.innofund.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One prepared statement executed as JDBC batches of {@link #SIZE} rows (bounding the driver's buffer whatever the
 * number of rows), counting the rows the database says each execution changed. The callers of a table written this
 * way check that count: an UPDATE guarded by a row's version or state that changed nothing must fail the transaction.
 * Oracle's driver (12c and later) and H2's report a count per row of a batch.
 */
public final class JdbcBatch {

    public static final int SIZE = 1000;

    private final PreparedStatement statement;
    private int pending;
    private long changed;

    public JdbcBatch(PreparedStatement statement) {
        this.statement = statement;
    }

    /** The statement's parameters as set now become a row of the batch. */
    public void add() throws SQLException {
        statement.addBatch();
        if (++pending == SIZE) {
            execute();
        }
    }

    /** Executes what is pending; the rows changed by all the executions. */
    public long finish() throws SQLException {
        if (pending > 0) {
            execute();
        }
        return changed;
    }

    private void execute() throws SQLException {
        for (int count : statement.executeBatch()) {
            if (count < 0) { // SUCCESS_NO_INFO: a driver that does not say cannot be checked
                throw new SQLException("the driver did not report the rows a batch changed");
            }
            changed += count;
        }
        pending = 0;
    }
}
