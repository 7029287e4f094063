package org.innofund.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ids for rows written by JDBC batch, from the one sequence the entities use, in blocks as EclipseLink takes them: a
 * value N stands for N-49..N (INCREMENT BY is the allocation size, 50, in V001), so that both never hand out one id twice.
 */
public final class SequenceIds {

    private static final int BLOCK = 50;

    private SequenceIds() {
    }

    /** {@code count} new ids, ascending, on the caller's connection. */
    public static List<Long> take(Connection c, int count) throws SQLException {
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
}
