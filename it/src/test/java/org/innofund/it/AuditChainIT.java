package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import org.innofund.audit.application.AuditLog;
import org.innofund.audit.domain.AuditOutcome;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit chain's verification against the stored rows, inside the server: a row changed in the database is named
 * exactly, also beyond the first page of 1,000 entries that verification reads at a time. Each test puts the row
 * back, so the chain is intact again for everyone else.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(AuditChainIT.class, Http.class, TestData.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    @EJB
    private AuditLog auditLog;

    /** The administrator's verification, through the API as the page and any client run it. */
    private static JsonObject verify() {
        Http http = new Http();
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        return Http.json(http.postJson("api/v1/admin/audit/verification", "", Http.bearer(admin)));
    }

    private long lastSeq() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select max(seq) from audit_entry"); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private String detailOf(long seq) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select detail from audit_entry where seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "entry " + seq);
                return rs.getString(1);
            }
        }
    }

    private void setDetail(long seq, String detail) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update audit_entry set detail = ? where seq = ?")) {
            ps.setString(1, detail);
            ps.setLong(2, seq);
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** Changes one stored entry, verifies, and puts it back; returns what verification said meanwhile. */
    private JsonObject verifyWithChanged(long seq) throws SQLException {
        String original = detailOf(seq);
        setDetail(seq, "nothing happened here");
        try {
            return verify();
        } finally {
            setDetail(seq, original);
        }
    }

    private void record(int entries) {
        for (int i = 0; i < entries; i++) {
            auditLog.record("TEST_FILLER", "audit-chain-it", AuditOutcome.SUCCESS, "entry " + i);
        }
    }

    @Test
    void aRowChangedInTheDatabaseIsNamedExactly() throws SQLException {
        record(5);
        long changed = lastSeq() - 2;
        JsonObject result = verifyWithChanged(changed);
        assertFalse(result.getBoolean("intact"), result.toString());
        assertEquals(changed, result.getJsonNumber("firstBrokenSeq").longValue(), result.toString());
        assertEquals("audit.verify.content", result.getString("problemKey"));
        assertEquals(changed - 1, result.getJsonNumber("checkedEntries").longValue(), "every entry before it was checked");
        assertTrue(verify().getBoolean("intact"), "put back, the chain is whole again");
    }

    /** Verification reads 1,000 entries at a time: a change beyond the first page is found as well. */
    @Test
    void verificationReadsPastTheFirstThousandEntries() throws SQLException {
        long before = lastSeq();
        if (before < 1_100) {
            record((int) (1_100 - before));
        }
        long changed = lastSeq();
        assertTrue(changed > 1_000, "more than one page: " + changed);
        JsonObject result = verifyWithChanged(changed);
        assertFalse(result.getBoolean("intact"), result.toString());
        assertEquals(changed, result.getJsonNumber("firstBrokenSeq").longValue(), result.toString());
        assertEquals(changed - 1, result.getJsonNumber("checkedEntries").longValue());
        JsonObject whole = verify();
        assertTrue(whole.getBoolean("intact"), whole.toString());
        assertTrue(whole.getJsonNumber("checkedEntries").longValue() > 1_000, whole.toString());
    }
}
