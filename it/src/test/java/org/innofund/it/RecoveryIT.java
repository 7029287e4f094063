package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import org.innofund.payment.application.LedgerPostings;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 追回 over the API (issue 13). Each test seeds its own call of two enterprises ({@link SandboxCalls}), has its run
 * approved through the API (two payable items, committed: 105,000.00 and 300,000.00), and pays items by
 * {@link PaidItems} (state PAID by SQL, the PAYMENT transactions through the ledger); a registered user is moved into
 * the first enterprise to act for it.
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(RecoveryIT.class, Http.class, TestData.class, SandboxCalls.class, PaidItems.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    @Resource
    private UserTransaction transaction;

    @EJB
    private LedgerPostings postings;

    private final Http http = new Http();

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aRecoveryIsRaisedWithinWhatWasPaidRepaidInPartsAndSettled() throws Exception {
        String reviewer = token("reviewer");
        String finance = token("finance");
        long callId = approvedCall();
        List<Long> enterprises = PaidItems.enterprises(dataSource, callId);
        long payee = enterprises.get(0);
        assertEquals(new BigDecimal("105000.00"), PaidItems.pay(dataSource, transaction, postings, callId, payee));
        String uscc = PaidItems.uscc(dataSource, payee);
        String username = TestData.newUsername("recovery");
        http.registerEnterprise(username, TestData.newUscc(), "recovery-password-12");
        PaidItems.attach(dataSource, username, payee);
        String enterprise = token(username, "recovery-password-12");
        JsonObject before = budget(callId, finance);
        assertEquals(new BigDecimal("105000.00"), money(before, "paid"));

        // what may be asked back, per call
        HttpResponse<String> recoverable = http.get("api/v1/recoveries/recoverable?uscc=" + uscc, Http.bearer(reviewer));
        assertEquals(200, recoverable.statusCode(), recoverable.body());
        JsonObject line = ((jakarta.json.JsonArray) Http.jsonOf(recoverable)).getJsonObject(0);
        assertEquals(callId, line.getJsonNumber("callId").longValue());
        assertEquals(new BigDecimal("105000.00"), money(line, "recoverable"));

        // beyond what was paid: refused with both figures, nothing written
        HttpResponse<String> tooMuch = raise(reviewer, uscc, callId, "105000.01", null);
        assertEquals(422, tooMuch.statusCode(), tooMuch.body());
        assertEquals("recovery.beyondPaid", Http.json(tooMuch).getString("code"));
        assertTrue(Http.json(tooMuch).getString("message").contains("105000.00"), tooMuch.body());
        assertEquals(0, count("select count(*) from recovery where call_id = ?", callId));
        assertEquals(before, budget(callId, finance));
        // the other enterprise was paid nothing yet: nothing to ask back from it
        assertEquals(422, raise(reviewer, PaidItems.uscc(dataSource, enterprises.get(1)), callId, "0.01", null).statusCode());
        // not by finance, nor the enterprise, nor due in the past
        assertEquals(403, raise(finance, uscc, callId, "1.00", null).statusCode());
        assertEquals(403, raise(enterprise, uscc, callId, "1.00", null).statusCode());
        HttpResponse<String> past = raise(reviewer, uscc, callId, "1.00", TODAY.minusDays(1));
        assertEquals("recovery.dueInPast", Http.json(past).getString("code"), past.body());

        // within: PAID down, RECEIVABLE up; due in 30 days by default; it blocks payments
        HttpResponse<String> raised = raise(reviewer, uscc, callId, "60000.00", null);
        assertEquals(201, raised.statusCode(), raised.body());
        JsonObject recovery = Http.json(raised).getJsonObject("recovery");
        long id = recovery.getJsonNumber("id").longValue();
        assertEquals("OPEN", recovery.getString("state"));
        assertEquals("INTEGRITY", recovery.getString("origin"));
        assertEquals(TODAY.plusDays(30).toString(), recovery.getString("dueOn"));
        assertTrue(recovery.getBoolean("blocksPayments"));
        JsonObject raisedBudget = budget(callId, finance);
        assertEquals(new BigDecimal("45000.00"), money(raisedBudget, "paid"));
        assertEquals(new BigDecimal("60000.00"), money(raisedBudget, "receivable"));
        assertEquals(1, count("select count(*) from ledger_transaction where kind = 'RECOVERY' and reference = ?", "recovery:" + id));
        // what was asked back counts: 45,000.00 left
        HttpResponse<String> second = raise(reviewer, uscc, callId, "45000.01", null);
        assertEquals("recovery.beyondPaid", Http.json(second).getString("code"), second.body());

        // the enterprise sees its own, another enterprise does not (404, audited)
        HttpResponse<String> mine = http.get("api/v1/recoveries", Http.bearer(enterprise));
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(1, Http.json(mine).getJsonNumber("total").longValue());
        JsonObject own = Http.json(mine).getJsonArray("items").getJsonObject(0);
        assertEquals(new BigDecimal("60000.00"), money(own, "outstanding"));
        assertEquals("虚报研发费用", own.getString("reason"));
        assertFalse(own.containsKey("raisedBy") && !own.isNull("raisedBy"), "who raised it is the bureau's");
        assertEquals(200, http.get("api/v1/recoveries/" + id, Http.bearer(enterprise)).statusCode());
        String other = token("enterprise1");
        assertEquals(404, http.get("api/v1/recoveries/" + id, Http.bearer(other)).statusCode());
        assertEquals(0, Http.json(http.get("api/v1/recoveries?enterprise=" + uscc, Http.bearer(other)))
                .getJsonNumber("total").longValue(), "an enterprise's filter is its own");
        assertEquals(1, count("select count(*) from audit_entry where action = 'RECOVERY_ACCESS' and outcome = 'DENIED'"
                + " and target = ?", "recovery:" + id));
        assertEquals(403, repay(other, id, 1, "1.00", "X").statusCode());

        // a part repaid, on the version read; a stale version is refused
        long version = recovery.getJsonNumber("version").longValue();
        HttpResponse<String> part = repay(finance, id, version, "20000.00", "CMB20260501001");
        assertEquals(201, part.statusCode(), part.body());
        JsonObject afterPart = Http.json(part).getJsonObject("recovery").getJsonObject("recovery");
        assertEquals(new BigDecimal("40000.00"), money(afterPart, "outstanding"));
        assertEquals("OPEN", afterPart.getString("state"));
        assertEquals(409, repay(finance, id, version, "1.00", "CMB20260501002").statusCode(), "stale version");
        // the same bank reference again: nothing changes, and it says so
        HttpResponse<String> again = repay(finance, id, version, "20000.00", "CMB20260501001");
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(Http.json(again).getBoolean("alreadyRecorded"));
        assertEquals(409, repay(finance, id, afterPart.getJsonNumber("version").longValue(), "1.00", "CMB20260501001")
                .statusCode(), "the same reference with another amount");
        assertEquals(1, count("select count(*) from recovery_repayment where recovery_id = ?", id));
        JsonObject partBudget = budget(callId, finance);
        assertEquals(new BigDecimal("40000.00"), money(partBudget, "receivable"));
        assertEquals(new BigDecimal("20000.00"), money(partBudget, "recovered"));
        assertEquals(money(before, "available").add(new BigDecimal("20000.00")), money(partBudget, "available"));
        // more than owed is refused; the rest settles it
        long v2 = afterPart.getJsonNumber("version").longValue();
        assertEquals(422, repay(finance, id, v2, "40000.01", "CMB20260502001").statusCode());
        HttpResponse<String> rest = repay(finance, id, v2, "40000.00", "CMB20260502001");
        assertEquals(201, rest.statusCode(), rest.body());
        JsonObject settled = Http.json(rest).getJsonObject("recovery").getJsonObject("recovery");
        assertEquals("SETTLED", settled.getString("state"));
        assertFalse(settled.getBoolean("blocksPayments"));
        assertEquals(2, Http.json(rest).getJsonObject("recovery").getJsonArray("repayments").size());
        JsonObject after = budget(callId, finance);
        assertEquals(new BigDecimal("0.00"), money(after, "receivable"));
        assertEquals(new BigDecimal("60000.00"), money(after, "recovered"));
        assertEquals(new BigDecimal("45000.00"), money(after, "paid"));
        assertEquals(money(before, "available").add(new BigDecimal("60000.00")), money(after, "available"));
        assertEquals(409, repay(finance, id, settled.getJsonNumber("version").longValue(), "0.01", "CMB3").statusCode());
        assertEquals(0, count("select count(*) from (select transaction_id from ledger_entry where call_id = ?"
                + " group by transaction_id having sum(amount_fen) <> 0)", callId), "every transaction sums to zero");
        HttpResponse<String> settledList = http.get("api/v1/recoveries?state=SETTLED&enterprise=" + uscc, Http.bearer(finance));
        assertEquals(1, Http.json(settledList).getJsonNumber("total").longValue(), settledList.body());
        assertEquals(3, count("select count(*) from audit_entry where target = ? and action in ('RECOVERY_RAISE',"
                + " 'RECOVERY_REPAY')", "recovery:" + id), "raised, and two repayments recorded (the resent one changed nothing)");
    }

    @Test
    void anApproverReleasesTheBlockTheDebtStandsAndTheOverdueAreListed() throws Exception {
        String reviewer = token("reviewer");
        String approver = token("approver");
        long callId = approvedCall();
        long payee = PaidItems.enterprises(dataSource, callId).get(0);
        PaidItems.pay(dataSource, transaction, postings, callId, payee);
        String uscc = PaidItems.uscc(dataSource, payee);
        HttpResponse<String> raised = raise(reviewer, uscc, callId, "1000.00", TODAY);
        assertEquals(201, raised.statusCode(), raised.body());
        JsonObject recovery = Http.json(raised).getJsonObject("recovery");
        long id = recovery.getJsonNumber("id").longValue();
        long version = recovery.getJsonNumber("version").longValue();

        assertEquals(403, release(reviewer, id, version, "已签还款协议").statusCode());
        assertEquals(422, release(approver, id, version, " ").statusCode(), "a reason is required");
        HttpResponse<String> released = release(approver, id, version, "已签还款协议");
        assertEquals(200, released.statusCode(), released.body());
        JsonObject after = Http.json(released).getJsonObject("recovery");
        assertFalse(after.getBoolean("blocksPayments"));
        assertEquals("OPEN", after.getString("state"));
        assertEquals(new BigDecimal("1000.00"), money(after, "outstanding"));
        assertEquals("已签还款协议", after.getString("blockReleaseReason"));
        assertEquals(409, release(approver, id, after.getJsonNumber("version").longValue(), "再次").statusCode());

        // due today: not overdue yet; a day later it is
        assertEquals(0, overdue(uscc));
        http.moveClock(java.time.Duration.ofDays(1));
        try {
            assertEquals(1, overdue(uscc));
        } finally {
            http.moveClock(java.time.Duration.ZERO);
        }
    }

    /**
     * Ten recoveries of 20,000.00 raised at once against an enterprise paid 105,000.00 in a call that paid 405,000.00 in
     * all: exactly five are raised (the call's ledger alone would let more through; the call's row lock in
     * Recoveries.raise checks them one after the other).
     */
    @Test
    void recoveriesRaisedAtOnceAskBackNoMoreThanWasPaid() throws Exception {
        String reviewer = token("reviewer");
        long callId = approvedCall();
        List<Long> enterprises = PaidItems.enterprises(dataSource, callId);
        PaidItems.pay(dataSource, transaction, postings, callId, enterprises.get(0));
        PaidItems.pay(dataSource, transaction, postings, callId, enterprises.get(1));
        String uscc = PaidItems.uscc(dataSource, enterprises.get(0));
        int attempts = 10;
        CyclicBarrier together = new CyclicBarrier(attempts);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Thread t = new Thread(() -> {
                try {
                    together.await();
                    statuses.add(raise(reviewer, uscc, callId, "20000.00", null).statusCode());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(120_000);
        }
        assertEquals(5, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(5, Collections.frequency(statuses, 422), statuses.toString());
        assertEquals(5, count("select count(*) from recovery where call_id = ?", callId));
        assertEquals(new BigDecimal("100000.00"), money(budget(callId, token("finance")), "receivable"));
    }

    /** How many of the enterprise's recoveries are overdue, as the approver reads it now (a token of the server's time). */
    private long overdue(String uscc) {
        HttpResponse<String> r = http.get("api/v1/recoveries?overdue=true&enterprise=" + uscc, Http.bearer(token("approver")));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).getJsonNumber("total").longValue();
    }

    /** A seeded call of two enterprises whose run is approved: two payable items, committed. */
    private long approvedCall() throws SQLException {
        long callId = SandboxCalls.seed(dataSource, 2);
        approve(startRun(callId));
        return callId;
    }

    /** The call's next run, started by the reviewer (a preview). */
    private JsonObject startRun(long callId) {
        HttpResponse<String> started = http.postJson("api/v1/calls/" + callId + "/calculation-runs", "",
                Http.bearer(token("reviewer")));
        assertEquals(201, started.statusCode(), started.body());
        return Http.json(started);
    }

    private void approve(JsonObject run) {
        HttpResponse<String> approved = http.postJson("api/v1/calculation-runs/" + run.getJsonNumber("id").longValue()
                + "/approval", "{\"version\":" + run.getJsonNumber("version").longValue() + "}", Http.bearer(token("approver")));
        assertEquals(200, approved.statusCode(), approved.body());
    }

    private HttpResponse<String> raise(String token, String uscc, long callId, String amount, LocalDate dueOn) {
        var body = Json.createObjectBuilder().add("uscc", uscc).add("callId", callId).add("amount", new BigDecimal(amount))
                .add("reason", "虚报研发费用");
        if (dueOn != null) {
            body.add("dueOn", dueOn.toString());
        }
        return http.postJson("api/v1/recoveries", body.build().toString(), Http.bearer(token));
    }

    private HttpResponse<String> repay(String token, long id, long version, String amount, String reference) {
        return http.postJson("api/v1/recoveries/" + id + "/repayments", Json.createObjectBuilder().add("version", version)
                .add("amount", new BigDecimal(amount)).add("receivedOn", TODAY.toString()).add("bankReference", reference)
                .build().toString(), Http.bearer(token));
    }

    private HttpResponse<String> release(String token, long id, long version, String reason) {
        return http.postJson("api/v1/recoveries/" + id + "/block-release", Json.createObjectBuilder().add("version", version)
                .add("reason", reason).build().toString(), Http.bearer(token));
    }

    private JsonObject budget(long callId, String token) {
        HttpResponse<String> r = http.get("api/v1/ledger/calls/" + callId, Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static BigDecimal money(JsonObject o, String name) {
        return o.getJsonNumber(name).bigDecimalValue();
    }

    private String token(String demoUser) {
        return http.token(demoUser, TestData.DEMO_PASSWORD);
    }

    private String token(String username, String password) {
        return http.token(username, password);
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }
}
