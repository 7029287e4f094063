package org.innofund.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.innofund.audit.domain.AuditChain;
import org.innofund.audit.domain.AuditEntry;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.audit.domain.AuditRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Online backups: taken while enterprises keep writing, restored into a fresh database by the restore command. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private final Http http = new Http();

    @Test
    void aBackupTakenWhileWritersRunRestoresWithEveryEarlierWriteAndAnIntactAuditChain() throws Exception {
        Writers writers = new Writers(4, 20_000);
        writers.start();
        LocalProduct.sleep(Duration.ofSeconds(3));
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        Instant backupStarted = Instant.now();
        HttpResponse<String> taken = http.postJson("api/v1/admin/backups", "", Http.bearer(admin));
        LocalProduct.sleep(Duration.ofSeconds(2));
        writers.stopAndJoin();
        assertEquals(201, taken.statusCode(), taken.body());
        JsonObject backup = Http.json(taken);
        assertEquals("MANUAL", backup.getString("reason"));
        assertTrue(backup.getJsonNumber("sizeBytes").longValue() > 0);

        JsonArray listed = (JsonArray) Http.jsonOf(http.get("api/v1/admin/backups", Http.bearer(admin)));
        assertEquals(backup.getString("name"), listed.getJsonObject(0).getString("name"), "newest first");

        Path work = Files.createDirectories(Path.of("target/backup-restore", UUID.randomUUID().toString())).toAbsolutePath();
        Path passwordFile = Files.writeString(work.resolve("db-password"), System.getenv("INNOFUND_DB_PASSWORD"));
        Path file = Path.of(System.getenv("INNOFUND_BACKUP_DIR"), backup.getString("name"));
        ProcessBuilder restore = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", LocalProduct.h2Jar(), "../ear/src/main/db/DatabaseServer.java", "restore", "--backup=" + file,
                "--dir=" + work.resolve("db"), "--password-file=" + passwordFile).inheritIO();
        assertEquals(0, restore.start().waitFor(), "the restore command succeeds");

        List<Writers.Enterprise> before = writers.acknowledged().stream()
                .filter(e -> e.registeredAt.isBefore(backupStarted)).toList();
        assertFalse(before.isEmpty(), "writes were acknowledged before the backup");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("db/innofund") + ";MODE=Oracle;IFEXISTS=TRUE",
                "innofund", System.getenv("INNOFUND_DB_PASSWORD"))) {
            for (Writers.Enterprise e : before) {
                assertEquals(1, count(db, "select count(*) from user_account where username = ?", e.username),
                        "registration of " + e.username + " acknowledged before the backup");
                if (e.declaredAt != null && e.declaredAt.isBefore(backupStarted)) {
                    assertEquals(1, count(db, "select count(*) from declaration where id = ?", e.declarationId));
                }
                if (e.submittedAt != null && e.submittedAt.isBefore(backupStarted)) {
                    assertEquals(1, count(db, "select count(*) from declaration where id = ? and state = 'SUBMITTED'", e.declarationId));
                }
            }
            assertTrue(verifiedAuditEntries(db) > before.size(), "the restored audit chain verifies");
        }
    }

    @Test
    void onlyAnAdministratorTakesOrListsBackups() {
        String enterprise = http.token("enterprise1", TestData.DEMO_PASSWORD);
        assertEquals(403, http.postJson("api/v1/admin/backups", "", Http.bearer(enterprise)).statusCode());
        assertEquals(403, http.get("api/v1/admin/backups", Http.bearer(enterprise)).statusCode());
        int anonymous = http.postJson("api/v1/admin/backups", "").statusCode();
        assertTrue(anonymous == 401 || anonymous == 403, "anonymous: " + anonymous);
    }

    private static long count(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Recomputes every entry's hash and link, as the product's own verification does; returns how many were checked. */
    private static long verifiedAuditEntries(Connection db) throws SQLException {
        AuditChain chain = new AuditChain();
        try (ResultSet rs = db.createStatement().executeQuery("select seq, occurred_at, username, organisation_id, "
                + "organisation_name, action, target, outcome, detail, client_address, prev_hash, entry_hash from audit_entry order by seq")) {
            while (rs.next()) {
                Instant at = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                long organisationId = rs.getLong(4);
                Long organisation = rs.wasNull() ? null : organisationId;
                AuditEntry recomputed = new AuditEntry(rs.getLong(1), at, new AuditRecord(rs.getString(3), organisation,
                        rs.getString(5), rs.getString(6), rs.getString(7), AuditOutcome.valueOf(rs.getString(8)),
                        rs.getString(9), rs.getString(10)), rs.getString(11));
                assertEquals(rs.getString(12), recomputed.getEntryHash(), "entry " + rs.getLong(1) + " as stored");
                assertTrue(chain.accept(recomputed), "entry " + rs.getLong(1) + ": " + chain.result());
            }
        }
        try (ResultSet head = db.createStatement().executeQuery("select last_seq, last_hash from audit_chain_head")) {
            head.next();
            assertTrue(chain.finish(head.getLong(1), head.getString(2)), chain.result().toString());
        }
        return chain.result().checkedEntries();
    }
}
