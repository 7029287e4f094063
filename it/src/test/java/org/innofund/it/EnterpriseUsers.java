package org.innofund.it;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Another user of an enterprise, for tests that need two (the administrator makes no enterprise user: an enterprise
 * registers itself): a copy of an existing user (its password too) under a new name, of the given organisation, with
 * the ENTERPRISE role. Rows inserted directly, with an id above the sequence's.
 */
final class EnterpriseUsers {

    private EnterpriseUsers() {
    }

    static void copy(DataSource dataSource, String fromUsername, String newUsername, String displayName,
                     long organisationId) throws SQLException {
        long id = 8_500_000_000L + ThreadLocalRandom.current().nextLong(100_000_000);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into user_account (id, username, display_name,"
                    + " password_hash, organisation_id, enabled, session_epoch, created_at) select ?, ?, ?, password_hash,"
                    + " ?, 1, 0, created_at from user_account where username = ?")) {
                ps.setLong(1, id);
                ps.setString(2, newUsername);
                ps.setString(3, displayName);
                ps.setLong(4, organisationId);
                ps.setString(5, fromUsername);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("no user " + fromUsername);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into user_role (user_id, role) values (?, 'ENTERPRISE')")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
    }
}
