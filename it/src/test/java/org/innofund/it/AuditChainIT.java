package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit chain's verification against the stored rows, inside the server: a row changed in the database is named
 * exactly, also beyond the first page of 1,000 entries that verification reads at a time. Each test puts the row
 * back, so the chain is intact again for everyone else. And writers committing at the same moment leave one
 * unforked chain with every entry in it.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(AuditChainIT.class, Http.class, TestData.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    @Resource
    private UserTransaction tx;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private Event<DomainEvent> events;

    /** A stand-in for any action's event. */
    record Filler(String target, String detail) implements DomainEvent {
        public Actor by() { return Actor.unknown("audit-chain-it"); }
        public AuditAction action() { return AuditAction.DECLARATION_SAVE; }
    }

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

    /** One transaction that fires {@code entries} events, as an action does. */
    private void record(int entries) throws Exception {
        tx.begin();
        for (int i = 0; i < entries; i++) {
            events.fire(new Filler("audit-chain-it", "entry " + i));
        }
        tx.commit();
    }

    private long chained(String target) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from audit_entry where target = ?")) {
            ps.setString(1, target);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    /**
     * Writers whose transactions each fire a few events and then commit at the same moment (released together by a
     * barrier), so that their entries are appended to the chain at the same moment: every writer's action commits,
     * its entries are in the chain when its commit returns, and the chain verifies, with every entry of every writer
     * in it exactly once. Without the head's lock two writers take the same next number and one commit fails.
     */
    @Test
    void writersCommittingTogetherLeaveOneWholeChain() throws Exception {
        int writers = 6;
        int entriesEach = 4;
        String run = UUID.randomUUID().toString().substring(0, 8);
        CyclicBarrier commitTogether = new CyclicBarrier(writers);
        ExecutorService executor = Executors.newFixedThreadPool(writers, threads); // one thread per writer, all at once
        List<Future<Long>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String target = "chain-race:" + run + ":" + w;
            done.add(executor.submit(() -> {
                tx.begin();
                for (int i = 0; i < entriesEach; i++) {
                    events.fire(new Filler(target, "entry " + i));
                }
                commitTogether.await(60, TimeUnit.SECONDS);
                tx.commit();
                return chained(target);
            }));
        }
        try {
            for (int w = 0; w < writers; w++) {
                try {
                    assertEquals(entriesEach, done.get(w).get(120, TimeUnit.SECONDS),
                            "writer " + w + "'s entries are in the chain when its commit returns");
                } catch (ExecutionException e) {
                    throw new AssertionError("writer " + w + "'s action did not commit", e.getCause());
                }
            }
        } finally {
            executor.shutdownNow();
        }
        JsonObject result = verify();
        assertTrue(result.getBoolean("intact"), result.toString());
        for (int w = 0; w < writers; w++) {
            assertEquals(entriesEach, chained("chain-race:" + run + ":" + w), "writer " + w);
        }
    }

    @Test
    void aRowChangedInTheDatabaseIsNamedExactly() throws Exception {
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
    void verificationReadsPastTheFirstThousandEntries() throws Exception {
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
