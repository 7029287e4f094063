package org.innofund.platform;

import org.innofund.shared.InstantConverter;
import org.innofund.shared.Money;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/** Parameters that may be null, bound as the entities' mappings store them, for the tables written by JDBC batch. */
public final class JdbcParameters {

    private JdbcParameters() {
    }

    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    public static void setDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(value));
        }
    }

    /** As {@link InstantConverter} stores an instant: its UTC date and time. */
    public static void setTimestamp(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.valueOf(InstantConverter.utc(value)));
        }
    }

    /** As MoneyConverter stores an amount: a NUMBER(16,2). */
    public static void setMoney(PreparedStatement ps, int index, Money value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NUMERIC);
        } else {
            ps.setBigDecimal(index, value.amount());
        }
    }
}
