package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.UserTransaction;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.innofund.payment.application.LedgerPostings;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget ledger and payment items over the API (issue 13): the demo calls' budgets allocated as published; an
 * approved calculation run's lines with an amount become payable items, each committed; when a later run is approved,
 * the first one's items are cancelled and released and the new ones committed — every figure derived from entries that
 * sum to zero; readable by finance, approvers and reviewers only.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(LedgerIT.class, Http.class, TestData.class, SandboxCalls.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    @Resource
    private UserTransaction transaction;

    @EJB
    private LedgerPostings postings;

    private final Http http = new Http();

    @Test
    void anApprovedRunIsCommittedAndALaterOneReplacesItsCommitment() throws Exception {
        String finance = token("finance");
        String reviewer = token("reviewer");
        String approver = token("approver");
        String enterprise = token("enterprise1");
        String agency = token("agency1");

        // the demo calls were published with their budgets allocated
        HttpResponse<String> all = http.get("api/v1/ledger", Http.bearer(finance));
        assertEquals(200, all.statusCode(), all.body());
        List<JsonObject> budgets = ((JsonArray) Http.jsonOf(all)).getValuesAs(JsonObject.class);
        JsonArray calls = (JsonArray) Http.jsonOf(http.get("api/v1/calls"));
        for (JsonObject call : calls.getValuesAs(JsonObject.class)) {
            JsonObject budget = budgets.stream().filter(b -> b.getJsonNumber("callId").longValue()
                    == call.getJsonNumber("id").longValue()).findFirst().orElseThrow();
            assertEquals(call.getJsonNumber("budget").bigDecimalValue(), money(budget, "budget"), budget.toString());
        }

        // five enterprises: 300,000.00 × 3 + 105,000.00 × 2 = 1,110,000.00 of a budget of 100,000,000.00
        long callId = SandboxCalls.seed(dataSource, 5);
        long first = approvedRun(callId, reviewer, approver);
        JsonObject budget = budget(callId, finance);
        assertEquals(new BigDecimal("100000000.00"), money(budget, "budget"));
        assertEquals(new BigDecimal("1110000.00"), money(budget, "committed"));
        assertEquals(new BigDecimal("98890000.00"), money(budget, "available"));
        assertEquals(new BigDecimal("0.00"), money(budget, "paid"));

        // band 1 at 8% (the call is closed: no other test reads it), a second run approved: the first run's
        // commitment is released, not added to
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update funding_call set rule_parameters = ? where id = ?")) {
            ps.setString(1, RuleParameters.defaults(SubsidyKind.RD_INVESTMENT)
                    .with(RuleParameter.BAND1_RATE, new BigDecimal("0.08")).format());
            ps.setLong(2, callId);
            assertEquals(1, ps.executeUpdate());
        }
        long second = approvedRun(callId, reviewer, approver);
        budget = budget(callId, approver);
        assertEquals(new BigDecimal("1410000.00"), money(budget, "committed"), "400,000.00 × 3 + 105,000.00 × 2");
        assertEquals(new BigDecimal("98590000.00"), money(budget, "available"));
        // the first run's five items cancelled and released, the second run's five payable and committed
        HttpResponse<String> itemsAnswer = http.get("api/v1/payment-items?callId=" + callId, Http.bearer(finance));
        assertEquals(200, itemsAnswer.statusCode(), itemsAnswer.body());
        List<JsonObject> items = ((JsonArray) Http.jsonOf(itemsAnswer)).getValuesAs(JsonObject.class);
        assertEquals(10, items.size());
        assertEquals(List.of("PAYABLE", "PAYABLE", "PAYABLE", "PAYABLE", "PAYABLE", "CANCELLED", "CANCELLED", "CANCELLED",
                "CANCELLED", "CANCELLED"), items.stream().map(i -> i.getString("state")).toList());
        assertEquals(List.of(second, second, second, second, second, first, first, first, first, first),
                items.stream().map(i -> i.getJsonNumber("runId").longValue()).toList());
        assertEquals(List.of("105000.00", "105000.00", "400000.00", "400000.00", "400000.00"), items.subList(0, 5).stream()
                .map(i -> money(i, "amount").toPlainString()).sorted().toList());
        JsonObject cancelled = items.stream().filter(i -> i.getString("state").equals("CANCELLED")
                && money(i, "amount").equals(new BigDecimal("300000.00"))).findFirst().orElseThrow();
        HttpResponse<String> payable = http.get("api/v1/payment-items?callId=" + callId + "&state=PAYABLE", Http.bearer(approver));
        assertEquals(5, ((JsonArray) Http.jsonOf(payable)).size());
        HttpResponse<String> committed = http.get("api/v1/ledger/calls/" + callId + "/transactions?account=COMMITTED&size=200",
                Http.bearer(reviewer));
        assertEquals(200, committed.statusCode(), committed.body());
        List<JsonObject> transactions = ((JsonArray) Http.jsonOf(committed)).getValuesAs(JsonObject.class);
        assertEquals(15, transactions.size(), "5 commitments, 5 releases, 5 commitments");
        assertEquals(10, transactions.stream().filter(t -> t.getString("kind").equals("COMMITMENT")).count());
        JsonObject release = transactions.stream().filter(t -> t.getString("kind").equals("RELEASE")
                && t.getString("reference").equals("item:" + cancelled.getJsonNumber("id").longValue())).findFirst().orElseThrow();
        assertEquals(new BigDecimal("-300000.00"), release.getJsonObject("amounts").getJsonNumber("COMMITTED").bigDecimalValue());
        assertEquals(new BigDecimal("300000.00"), release.getJsonObject("amounts").getJsonNumber("AVAILABLE").bigDecimalValue());
        assertEquals(0, queryLong("select count(*) from (select transaction_id from ledger_entry where call_id = " + callId
                + " group by transaction_id having sum(amount_fen) <> 0)"), "every transaction sums to zero");

        HttpResponse<String> year = http.get("api/v1/ledger/programs/" + (callId - 1) + "/years/2026", Http.bearer(finance));
        assertEquals(200, year.statusCode(), year.body());
        assertEquals(1, Http.json(year).getInt("calls"));
        assertEquals(new BigDecimal("1410000.00"), money(Http.json(year), "committed"));

        for (String outsider : List.of(enterprise, agency)) {
            assertEquals(403, http.get("api/v1/ledger/calls/" + callId, Http.bearer(outsider)).statusCode());
            assertEquals(403, http.get("api/v1/payment-items?callId=" + callId, Http.bearer(outsider)).statusCode());
            assertEquals(403, http.get("api/v1/ledger", Http.bearer(outsider)).statusCode());
        }
        assertEquals(401, http.get("api/v1/ledger/calls/" + callId).statusCode());
        HttpResponse<String> noAccount = http.get("api/v1/ledger/calls/" + callId + "/transactions", Http.bearer(finance));
        assertEquals(422, noAccount.statusCode(), noAccount.body());
        assertEquals(404, http.get("api/v1/ledger/calls/987654321", Http.bearer(finance)).statusCode());
        assertEquals(404, http.get("api/v1/payment-items?callId=987654321", Http.bearer(finance)).statusCode());
    }

    /** A run of the call started by the reviewer and approved by the approver; its id. */
    private long approvedRun(long callId, String reviewer, String approver) {
        HttpResponse<String> started = http.postJson("api/v1/calls/" + callId + "/calculation-runs", "", Http.bearer(reviewer));
        assertEquals(201, started.statusCode(), started.body());
        JsonObject run = Http.json(started);
        long runId = run.getJsonNumber("id").longValue();
        HttpResponse<String> approved = http.postJson("api/v1/calculation-runs/" + runId + "/approval",
                "{\"version\":" + run.getJsonNumber("version").longValue() + "}", Http.bearer(approver));
        assertEquals(200, approved.statusCode(), approved.body());
        return runId;
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

    private long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /**
     * 50 commitments of a tenth of a 100,000,000.00 budget posted at the same moment, each in its own transaction:
     * exactly 10 are recorded, 40 refused with ledger.overdrawn.AVAILABLE, and what is available ends at 0.00, never
     * below (without the call's row lock in LedgerPostings.post, more than 10 pass on the same balance: seen once).
     */
    @Test
    void nothingIsCommittedBeyondTheBudgetWhateverTheInterleaving() throws Exception {
        long callId = SandboxCalls.seed(dataSource, 1);
        transaction.begin();
        postings.allocateOnce(postings.lock(callId), "ledger-it");
        transaction.commit();
        int attempts = 50;
        CyclicBarrier together = new CyclicBarrier(attempts);
        AtomicInteger recorded = new AtomicInteger();
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String reference = "item:race-" + i;
            Thread t = new Thread(() -> {
                try {
                    together.await();
                    transaction.begin();
                    try {
                        postings.post(List.of(LedgerTransaction.commitment(callId, reference, Money.parse("10000000.00"),
                                "ledger-it", Instant.now())));
                        transaction.commit();
                        recorded.incrementAndGet();
                    } catch (BusinessException e) {
                        transaction.rollback();
                        refusals.add(e.messageKey());
                    }
                } catch (Exception e) {
                    refusals.add(e.toString());
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertEquals(10, recorded.get(), refusals.toString());
        assertEquals(java.util.Collections.nCopies(40, "ledger.overdrawn.AVAILABLE"), refusals);
        assertEquals(new BigDecimal("0.00"), money(budget(callId, token("finance")), "available"));
        assertEquals(new BigDecimal("100000000.00"), money(budget(callId, token("finance")), "committed"));
    }
}
