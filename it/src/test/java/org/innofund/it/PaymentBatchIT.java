package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payment batches over the API (issue 13): finance builds a batch of an approved run's items, an approver who did not
 * prepare it decides, finance exports the treasury file and records the bank's results — each item paid once, in the
 * ledger once, whatever the concurrency; every block refuses its item with its reason.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentBatchIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(PaymentBatchIT.class, Http.class, TestData.class, SandboxCalls.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    /** One payment item of the call's approved run. */
    record Item(long id, long enterpriseId, String name, String uscc, BigDecimal amount) {
    }

    /**
     * 50 attempts to record the same item paid, released together, each its own request with the version read: exactly
     * one PAYMENT in the ledger, the item PAID once, the call's PAID balance its amount; the 49 others say the result was
     * there already (unchanged) rather than fail. (With the batch's row lock in PaymentBatches.lock commented out, they
     * overlap: seen once, see the report.)
     */
    @Test
    void fiftyConcurrentRecordsOfOnePaymentPayItOnce() throws Exception {
        long callId = SandboxCalls.seed(dataSource, 1);
        Item item = approvedItems(callId).get(0);
        giveAccount(item.enterpriseId(), item.name());
        JsonObject batch = exported(List.of(item.id()));
        long batchId = id(batch);
        long version = batch.getJsonNumber("version").longValue();
        String finance = token("finance");
        String body = Json.createObjectBuilder().add("version", version).add("results", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("itemId", item.id()).add("result", "PAID").add("bankReference", "B-RACE-1")
                        .add("paidOn", TODAY.toString()))).build().toString();

        int attempts = 50;
        CyclicBarrier together = new CyclicBarrier(attempts);
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Thread t = new Thread(() -> {
                Http own = new Http();
                try {
                    together.await();
                    HttpResponse<String> r = own.postJson("api/v1/payment-batches/" + batchId + "/results", body,
                            Http.bearer(finance));
                    answers.add(r.statusCode() == 200 ? "paid " + Http.json(r).getInt("paid") + " unchanged "
                            + Http.json(r).getInt("unchanged") : r.statusCode() + " " + r.body());
                } catch (Exception e) {
                    answers.add(e.toString());
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(120_000);
        }
        List<String> sorted = new ArrayList<>(answers);
        Collections.sort(sorted);
        List<String> expected = new ArrayList<>(Collections.nCopies(attempts - 1, "paid 0 unchanged 1"));
        expected.add("paid 1 unchanged 0");
        assertEquals(expected, sorted);
        assertEquals(1, queryLong("select count(*) from ledger_transaction where kind = 'PAYMENT' and reference = 'item:"
                + item.id() + "'"), "one payment in the ledger");
        assertEquals(1, queryLong("select count(*) from payment_batch_line where paid_item_id = " + item.id()));
        assertEquals("PAID", queryString("select state from payment_item where id = " + item.id()));
        assertEquals(item.amount(), money(budget(callId), "paid"));
        assertEquals(new BigDecimal("0.00"), money(budget(callId), "committed"));
        assertEquals("CLOSED", batch(batchId).getJsonObject("batch").getString("state"));
    }

    /**
     * A batch's whole life: the preparer never decides it (an approver role held too: 409; finance: 403), a rejection
     * says why and makes its items payable again; at export a line blocked by then fails and is left out of the file,
     * whose control line counts the rest; the bank's file is taken all or nothing; a result recorded twice changes
     * nothing, a different one is refused; the run cannot be replaced once payment started.
     */
    @Test
    void aBatchIsDecidedByAnotherExportedAndItsResultsRecordedOnce() throws Exception {
        long callId = SandboxCalls.seed(dataSource, 2);
        List<Item> items = approvedItems(callId);
        Item first = items.get(0);
        Item second = items.get(1);
        items.forEach(i -> giveAccount(i.enterpriseId(), i.name()));
        String finance = token("finance");
        String approver = token("approver");

        // a user who is both finance and approver builds a batch: he cannot approve it; finance cannot approve at all
        String both = financeApprover();
        HttpResponse<String> built = http.postJson("api/v1/payment-batches", "{\"itemIds\":[" + first.id() + "]}",
                Http.bearer(both));
        assertEquals(201, built.statusCode(), built.body());
        JsonObject own = Http.json(built).getJsonObject("batch");
        assertEquals(1, Http.json(built).getInt("added"));
        assertEquals(first.amount(), money(own, "total"));
        // another finance user neither adds to nor submits his draft: the approver is compared with the preparer alone
        assertError(http.postJson("api/v1/payment-batches/" + id(own) + "/submit", version(own), Http.bearer(finance)),
                409, "paymentBatch.notPreparer");
        JsonObject submitted = post("api/v1/payment-batches/" + id(own) + "/submit", version(own), both, 200);
        assertError(http.postJson("api/v1/payment-batches/" + id(own) + "/approve", version(submitted), Http.bearer(both)),
                409, "paymentBatch.fourEyes");
        assertEquals(403, http.postJson("api/v1/payment-batches/" + id(own) + "/approve", version(submitted),
                Http.bearer(finance)).statusCode());
        // in the batch, the item is in no other
        assertError(http.postJson("api/v1/payment-batches", "{\"itemIds\":[" + first.id() + "]}", Http.bearer(finance)),
                409, "paymentItem.notPayable");
        // rejected with a reason only; then its item is payable again
        assertError(http.postJson("api/v1/payment-batches/" + id(own) + "/reject", "{\"version\":" + submitted.getJsonNumber(
                "version") + ",\"reason\":\" \"}", Http.bearer(approver)), 422, "paymentBatch.reasonRequired");
        HttpResponse<String> rejected = http.postJson("api/v1/payment-batches/" + id(own) + "/reject", "{\"version\":"
                + submitted.getJsonNumber("version") + ",\"reason\":\"账户待核实\"}", Http.bearer(approver));
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("REJECTED", Http.json(rejected).getString("state"));
        assertEquals("PAYABLE", queryString("select state from payment_item where id = " + first.id()));

        // a batch of both items, approved; then the second's enterprise owes a recovery: at export its line fails
        JsonObject approved = approved(List.of(first.id(), second.id()));
        assertEquals(2, approved.getInt("lineCount"));
        recovery(callId, second.enterpriseId());
        HttpResponse<byte[]> file = http.getBytes("api/v1/payment-batches/" + id(approved) + "/treasury-file?version="
                + approved.getJsonNumber("version"), Http.bearer(finance));
        assertEquals(200, file.statusCode(), new String(file.body(), StandardCharsets.UTF_8));
        assertEquals(String.valueOf(second.id()), file.headers().firstValue("X-Blocked-Items").orElseThrow());
        assertEquals("1", file.headers().firstValue("X-Payment-Lines").orElseThrow());
        String text = new String(file.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF批次号,明细号,收款人名称,收款账号,开户银行,开户网点,金额,用途\r\n"), text);
        List<String> lines = Arrays.asList(text.substring(1).split("\r\n"));
        assertEquals(3, lines.size(), text);
        assertEquals("PB" + id(approved) + ",PI" + first.id() + "," + first.name() + ",6222020200112233445,中国工商银行,慈溪支行,"
                + first.amount().toPlainString() + ",沙盘测试 " + (callId - 1) + " 后补助", lines.get(1));
        assertEquals("合计,1,,,,," + first.amount().toPlainString() + ",", lines.get(2));
        assertEquals("PAYABLE", queryString("select state from payment_item where id = " + second.id()));
        JsonObject exported = batch(id(approved));
        assertEquals("EXPORTED", exported.getJsonObject("batch").getString("state"));
        JsonObject failedLine = exported.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("itemId").longValue() == second.id()).findFirst().orElseThrow();
        assertEquals("FAILED", failedLine.getString("result"));
        assertTrue(failedLine.getString("failureReason").contains("追回"), failedLine.toString());
        // downloaded again: the same file
        HttpResponse<byte[]> again = http.getBytes("api/v1/payment-batches/" + id(approved) + "/treasury-file",
                Http.bearer(finance));
        assertEquals(text, new String(again.body(), StandardCharsets.UTF_8));
        assertTrue(Http.json(http.get("api/v1/payment-batches/" + id(approved), Http.bearer(finance)))
                .getBoolean("fileAvailable"), "no bank result yet: the file may be downloaded");

        // the bank's file: a bad line and nothing is recorded; a dry run records nothing; then it is recorded
        long version = exported.getJsonObject("batch").getJsonNumber("version").longValue();
        String header = "明细号,结果,银行流水号,支付日期,原因\r\n";
        HttpResponse<String> bad = http.upload("api/v1/payment-batches/" + id(approved) + "/result-file",
                Map.of("version", String.valueOf(version)), "回单.csv", "text/csv",
                (header + "PI" + first.id() + ",PAYED,B-1," + TODAY + ",\r\n").getBytes(StandardCharsets.UTF_8),
                Http.bearer(finance));
        assertEquals(422, bad.statusCode(), bad.body());
        JsonObject problem = Http.json(bad).getJsonArray("problems").getJsonObject(0);
        assertEquals(2, problem.getInt("line"));
        assertEquals("bankResult.result", problem.getString("code"));
        byte[] good = (header + "PI" + first.id() + ",PAID,B-20260501-1," + TODAY + ",\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> dry = http.upload("api/v1/payment-batches/" + id(approved) + "/result-file?dryRun=true",
                Map.of("version", String.valueOf(version)), "回单.csv", "text/csv", good, Http.bearer(finance));
        assertEquals(200, dry.statusCode(), dry.body());
        assertEquals(false, Http.json(dry).getBoolean("stored"));
        assertEquals(1, Http.json(dry).getInt("paid"));
        assertEquals("PENDING", lineResult(id(approved), first.id()));
        HttpResponse<String> recorded = http.upload("api/v1/payment-batches/" + id(approved) + "/result-file",
                Map.of("version", String.valueOf(version)), "回单.csv", "text/csv", good, Http.bearer(finance));
        assertEquals(200, recorded.statusCode(), recorded.body());
        assertEquals(1, Http.json(recorded).getInt("paid"));
        assertEquals("CLOSED", Http.json(recorded).getJsonObject("batch").getString("state"), "every line has its result");
        assertEquals(first.amount(), money(budget(callId), "paid"));

        // the same result again (by hand, with the version read before): nothing changes, and it says so
        String same = "{\"version\":" + version + ",\"results\":[{\"itemId\":" + first.id() + ",\"result\":\"PAID\","
                + "\"bankReference\":\"B-20260501-1\",\"paidOn\":\"" + TODAY + "\"}]}";
        HttpResponse<String> twice = http.postJson("api/v1/payment-batches/" + id(approved) + "/results", same,
                Http.bearer(finance));
        assertEquals(200, twice.statusCode(), twice.body());
        assertEquals(0, Http.json(twice).getInt("paid"));
        assertEquals(1, Http.json(twice).getInt("unchanged"));
        assertEquals(1, queryLong("select count(*) from ledger_transaction where kind = 'PAYMENT' and reference = 'item:"
                + first.id() + "'"));
        assertEquals(first.amount(), money(budget(callId), "paid"));
        // another result for it: refused
        assertError(http.postJson("api/v1/payment-batches/" + id(approved) + "/results", same.replace("B-20260501-1", "B-X"),
                Http.bearer(finance)), 409, "paymentResult.conflict");
        // the bank has answered: the file is not given again (sent twice, it could pay twice)
        HttpResponse<byte[]> resent = http.getBytes("api/v1/payment-batches/" + id(approved) + "/treasury-file",
                Http.bearer(finance));
        assertEquals(409, resent.statusCode());
        assertTrue(new String(resent.body(), StandardCharsets.UTF_8).contains("paymentBatch.resultsRecorded"));
        assertFalse(Http.json(http.get("api/v1/payment-batches/" + id(approved), Http.bearer(finance)))
                .getBoolean("fileAvailable"), "the page no longer offers it");

        // a new run of the call would pay the paid item again: its approval is refused
        HttpResponse<String> started = http.postJson("api/v1/calls/" + callId + "/calculation-runs", "", Http.bearer(token("reviewer")));
        assertEquals(201, started.statusCode(), started.body());
        assertError(http.postJson("api/v1/calculation-runs/" + id(Http.json(started)) + "/approval",
                version(Http.json(started)), Http.bearer(approver)), 409, "calculationRun.paymentStarted");
        assertEquals(2, queryLong("select count(*) from payment_item where call_id = " + callId), "no new items");

        for (String outsider : List.of(token("enterprise1"), token("reviewer"))) {
            assertEquals(403, http.get("api/v1/payment-batches/" + id(approved), Http.bearer(outsider)).statusCode());
        }
        assertEquals(404, http.get("api/v1/payment-batches/987654321", Http.bearer(finance)).statusCode());
    }

    /** Each block refuses its item, listed with its reason; the payable list shows the same. */
    @Test
    void eachBlockRefusesItsItemWithItsReason() throws Exception {
        long callId = SandboxCalls.seed(dataSource, 6);
        List<Item> items = approvedItems(callId);
        Item good = items.get(0);
        giveAccount(good.enterpriseId(), good.name());
        // 1: no account; 2: an account in another name; 3: changed just now (on hold); 4: blacklisted; 5: owes a recovery
        giveAccount(items.get(2).enterpriseId(), items.get(2).name() + "（慈溪）");
        changedAccount(items.get(3).enterpriseId(), items.get(3).name());
        giveAccount(items.get(4).enterpriseId(), items.get(4).name());
        HttpResponse<String> listed = http.postJson("api/v1/admin/integrity", Json.createObjectBuilder()
                .add("subjectKind", "ENTERPRISE").add("uscc", items.get(4).uscc()).add("subjectName", items.get(4).name())
                .add("reason", "虚报研发费用").add("validFrom", TODAY.minusDays(1).toString())
                .add("validUntil", TODAY.plusYears(3).toString()).build().toString(), Http.bearer(token("admin")));
        assertEquals(201, listed.statusCode(), listed.body());
        giveAccount(items.get(5).enterpriseId(), items.get(5).name());
        recovery(callId, items.get(5).enterpriseId());
        String finance = token("finance");

        HttpResponse<String> built = http.postJson("api/v1/payment-batches", "{\"itemIds\":[" + good.id() + "]}", Http.bearer(finance));
        assertEquals(201, built.statusCode(), built.body());
        JsonObject batch = Http.json(built).getJsonObject("batch");
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i < 6; i++) {
            ids.append(i == 1 ? "" : ",").append(items.get(i).id());
        }
        HttpResponse<String> added = http.postJson("api/v1/payment-batches/" + id(batch) + "/items", "{\"version\":"
                + batch.getJsonNumber("version") + ",\"itemIds\":[" + ids + "]}", Http.bearer(finance));
        assertEquals(200, added.statusCode(), added.body());
        assertEquals(0, Http.json(added).getInt("added"));
        List<JsonObject> blocked = Http.json(added).getJsonArray("blocked").getValuesAs(JsonObject.class);
        List<String> expected = List.of("NO_ACCOUNT", "NAME_MISMATCH", "ACCOUNT_ON_HOLD", "BLACKLISTED", "OPEN_RECOVERY");
        for (int i = 1; i < 6; i++) {
            long itemId = items.get(i).id();
            JsonObject b = blocked.stream().filter(o -> o.getJsonNumber("itemId").longValue() == itemId).findFirst().orElseThrow();
            JsonObject reason = b.getJsonArray("blocks").getJsonObject(0);
            assertEquals(expected.get(i - 1), reason.getString("code"), b.toString());
            assertTrue(!reason.getString("message").isBlank() && !reason.getString("message").startsWith("paymentBlock."), b.toString());
            assertEquals("PAYABLE", queryString("select state from payment_item where id = " + itemId));
        }
        assertTrue(blocked.toString().contains("虚报研发费用"), "the blacklist entry is named");
        // the payable list shows the same reasons
        HttpResponse<String> payable = http.get("api/v1/payment-batches/payable?callId=" + callId, Http.bearer(finance));
        assertEquals(200, payable.statusCode(), payable.body());
        assertEquals(5, Http.json(payable).getJsonNumber("count").longValue(), "the good item is in the batch");
        for (JsonObject i : Http.json(payable).getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertEquals(1, i.getJsonArray("blocks").size(), i.toString());
        }
        // a draft: an item taken out is payable again
        HttpResponse<String> removed = http.send(HttpRequest.newBuilder(Http.uri("api/v1/payment-batches/" + id(batch)
                + "/items/" + good.id() + "?version=" + Http.json(added).getJsonObject("batch").getJsonNumber("version")))
                .DELETE(), Http.bearer(finance));
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(0, Http.json(removed).getInt("lineCount"));
        assertEquals("PAYABLE", queryString("select state from payment_item where id = " + good.id()));
        // nothing payable in a new batch of the blocked ones
        assertError(http.postJson("api/v1/payment-batches", "{\"itemIds\":[" + ids + "]}", Http.bearer(finance)), 409,
                "paymentBatch.nothingPayable");
    }

    // ---------------------------------------------------------------------------------------------------- fixtures

    /** The call's run started by the reviewer and approved by the approver; its items, by enterprise. */
    private List<Item> approvedItems(long callId) throws SQLException {
        HttpResponse<String> started = http.postJson("api/v1/calls/" + callId + "/calculation-runs", "", Http.bearer(token("reviewer")));
        assertEquals(201, started.statusCode(), started.body());
        HttpResponse<String> approved = http.postJson("api/v1/calculation-runs/" + id(Http.json(started)) + "/approval",
                version(Http.json(started)), Http.bearer(token("approver")));
        assertEquals(200, approved.statusCode(), approved.body());
        List<Item> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select i.id, i.enterprise_id,"
                + " o.name, i.uscc, i.amount from payment_item i join organisation o on o.id = i.enterprise_id"
                + " where i.call_id = ? order by i.enterprise_id")) {
            ps.setLong(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)));
                }
            }
        }
        return items;
    }

    /** The enterprise's first account (never on hold), in {@code name}. */
    private void giveAccount(long enterpriseId, String name) {
        insertAccount(enterpriseId, enterpriseId, name, null, null);
    }

    /** The enterprise's account changed just now: its first superseded, the new one on hold. */
    private void changedAccount(long enterpriseId, String name) {
        long first = insertAccount(enterpriseId, null, name, null, Timestamp.from(Instant.now().minusSeconds(86_400 * 30)));
        insertAccount(enterpriseId, enterpriseId, name, first, null);
    }

    private long insertAccount(long enterpriseId, Long currentOf, String name, Long replaces, Timestamp superseded) {
        long id = 9_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into payee_account"
                + " (id, enterprise_id, current_of, account_name, account_number, bank_name, branch_name, replaces_id, changed_by,"
                + " changed_at, superseded_at, created_at) values (?, ?, ?, ?, '6222020200112233445', '中国工商银行', '慈溪支行',"
                + " ?, 'it', ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, enterpriseId);
            ps.setObject(3, currentOf);
            ps.setString(4, name);
            ps.setObject(5, replaces);
            ps.setTimestamp(6, superseded == null ? now : Timestamp.from(superseded.toInstant().minusSeconds(86_400)));
            ps.setTimestamp(7, superseded);
            ps.setTimestamp(8, now);
            assertEquals(1, ps.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** An open recovery against the enterprise, blocking its payments. */
    private void recovery(long callId, long enterpriseId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into recovery (id,"
                + " call_id, enterprise_id, origin, amount, repaid, reason, due_on, state, raised_by, created_at) values (?, ?,"
                + " ?, 'INTEGRITY', 1000.00, 0, '违规使用资金', ?, 'OPEN', 'reviewer', ?)")) {
            ps.setLong(1, 9_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L));
            ps.setLong(2, callId);
            ps.setLong(3, enterpriseId);
            ps.setObject(4, TODAY.plusDays(30));
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** A user of the bureau who is both finance and approver; a token of his. */
    private String financeApprover() throws SQLException {
        String admin = token("admin");
        long bureau = ((JsonArray) Http.jsonOf(http.get("api/v1/admin/organisations?role=FINANCE", Http.bearer(admin))))
                .getJsonObject(0).getJsonNumber("id").longValue();
        String username = TestData.newUsername("finapp");
        String password = "Caiwu#Shenpi2026";
        HttpResponse<String> made = http.postJson("api/v1/admin/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "计财科兼审批").add("role", "FINANCE").add("organisationId", bureau)
                .add("password", password).build().toString(), Http.bearer(admin));
        assertEquals(201, made.statusCode(), made.body());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into user_role (user_id, role) select id, 'APPROVER' from user_account where username = ?")) {
            ps.setString(1, username);
            assertEquals(1, ps.executeUpdate());
        }
        return http.token(username, password);
    }

    /** A batch of these items built and submitted by finance, approved by the approver. */
    private JsonObject approved(List<Long> itemIds) {
        String finance = token("finance");
        HttpResponse<String> built = http.postJson("api/v1/payment-batches", "{\"itemIds\":" + itemIds + "}", Http.bearer(finance));
        assertEquals(201, built.statusCode(), built.body());
        assertEquals(itemIds.size(), Http.json(built).getInt("added"), built.body());
        JsonObject batch = Http.json(built).getJsonObject("batch");
        JsonObject submitted = post("api/v1/payment-batches/" + id(batch) + "/submit", version(batch), finance, 200);
        return post("api/v1/payment-batches/" + id(batch) + "/approve", version(submitted), token("approver"), 200);
    }

    /** Approved and exported: the batch as it is after. */
    private JsonObject exported(List<Long> itemIds) {
        JsonObject approved = approved(itemIds);
        HttpResponse<byte[]> file = http.getBytes("api/v1/payment-batches/" + id(approved) + "/treasury-file?version="
                + approved.getJsonNumber("version"), Http.bearer(token("finance")));
        assertEquals(200, file.statusCode());
        return batch(id(approved)).getJsonObject("batch");
    }

    private JsonObject batch(long id) {
        HttpResponse<String> r = http.get("api/v1/payment-batches/" + id, Http.bearer(token("finance")));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private String lineResult(long batchId, long itemId) {
        return batch(batchId).getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("itemId").longValue() == itemId).findFirst().orElseThrow().getString("result");
    }

    private JsonObject post(String path, String body, String token, int status) {
        HttpResponse<String> r = http.postJson(path, body, Http.bearer(token));
        assertEquals(status, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, Http.json(r).getString("code"), r.body());
    }

    private JsonObject budget(long callId) {
        HttpResponse<String> r = http.get("api/v1/ledger/calls/" + callId, Http.bearer(token("finance")));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    private static String version(JsonObject o) {
        return "{\"version\":" + o.getJsonNumber("version").longValue() + "}";
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

    private String queryString(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
