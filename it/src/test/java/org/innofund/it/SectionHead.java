package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user who is both reviewer and approver (a small bureau's section head), for the four-eyes tests (ApprovalIT,
 * CalculationRunIT): made by the administrator as a reviewer, the approver role added in the database (no screen
 * gives a user two roles yet). In-container tests only: it needs the data source.
 */
final class SectionHead {

    private static final String PASSWORD = "Vier-Augen#2026!";

    private SectionHead() {
    }

    /** A new section head's token. */
    static String token(Http http, DataSource dataSource) throws SQLException {
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        long bureau = ((JsonArray) Http.jsonOf(http.get("api/v1/admin/organisations?role=REVIEWER", Http.bearer(admin))))
                .getJsonObject(0).getJsonNumber("id").longValue();
        String username = TestData.newUsername("head");
        HttpResponse<String> user = http.postJson("api/v1/admin/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "科长").add("role", "REVIEWER").add("organisationId", bureau)
                .add("password", PASSWORD).build().toString(), Http.bearer(admin));
        assertEquals(201, user.statusCode(), user.body());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into user_role "
                + "(user_id, role) select id, 'APPROVER' from user_account where username = ?")) {
            ps.setString(1, username);
            assertEquals(1, ps.executeUpdate());
        }
        return http.token(username, PASSWORD);
    }
}
