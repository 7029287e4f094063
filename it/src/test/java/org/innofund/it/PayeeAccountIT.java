package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 收款账户 and 资金拨付 over the API (issue 13): an enterprise sets its first account (not held) and changes it on the
 * account and version it read (held until 24:00 Beijing time of the change's day plus 3 days; a stale form 409);
 * another enterprise can neither read nor replace it (404, audited); finance lists the hold and releases it saying
 * how it was confirmed, once; nobody else can. The money view shows the caller's own items only, with why they wait.
 */
@ExtendWith(ArquillianExtension.class)
class PayeeAccountIT {

    private static final String PASSWORD = "payee-password-1";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(PayeeAccountIT.class, Http.class, TestData.class, SandboxCalls.class,
                EnterpriseUsers.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    @Test
    void anAccountChangeIsHeldUntilFinanceReleasesItAndNobodyElseTouchesIt() throws Exception {
        String first = TestData.newUsername("payee");
        String firstToken = http.registerEnterprise(first, TestData.newUscc(), PASSWORD);
        JsonObject me = Http.json(http.get("api/v1/me", Http.bearer(firstToken)));
        long enterpriseId = me.getJsonObject("organisation").getJsonNumber("id").longValue();
        String name = "测试企业" + first;
        String secondToken = userOf(enterpriseId, first);
        String otherToken = http.registerEnterprise(TestData.newUsername("payee"), TestData.newUscc(), PASSWORD);
        String finance = http.token("finance", TestData.DEMO_PASSWORD);

        JsonObject none = mine(firstToken);
        assertEquals(name, none.getString("registeredName"));
        assertTrue(absent(none, "current"));
        assertEquals(3, none.getInt("holdDays"));

        // the first account: not held
        HttpResponse<String> wrongName = put(firstToken, change(null, null, "别家公司", "6222 0212 3456 7890", "工商银行", "高新支行"));
        assertEquals(422, wrongName.statusCode(), wrongName.body());
        HttpResponse<String> noBranch = put(firstToken, change(null, null, name, "6222021234567890", "工商银行", " "));
        assertEquals(422, noBranch.statusCode(), noBranch.body());
        HttpResponse<String> set = put(firstToken, change(null, null, name, "6222 0212 3456 7890", "工商银行", "高新支行"));
        assertEquals(200, set.statusCode(), set.body());
        JsonObject original = Http.json(set);
        assertEquals("6222021234567890", original.getString("accountNumber"));
        assertFalse(original.getBoolean("changed"));
        assertFalse(original.getBoolean("onHold"));
        assertTrue(absent(original, "holdEnds"));
        long originalId = original.getJsonNumber("id").longValue();
        HttpResponse<String> again = put(firstToken, change(originalId, version(original), name, "6222021234567890",
                "工商银行", "高新支行"));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(originalId, Http.json(again).getJsonNumber("id").longValue(), "the same account changes nothing");
        HttpResponse<String> secondFirst = put(secondToken, change(null, null, name, "62220212999988887777", "建设银行", "江东支行"));
        assertEquals(409, secondFirst.statusCode(), "the other user saw no account, there is one now: " + secondFirst.body());

        // another enterprise: not found, whether it reads or replaces, and the attempt is audited
        assertEquals(404, http.get("api/v1/payee-accounts/" + originalId, Http.bearer(otherToken)).statusCode());
        HttpResponse<String> hijack = put(otherToken, change(originalId, version(original), name, "62220212999988887777",
                "建设银行", "江东支行"));
        assertEquals(404, hijack.statusCode(), hijack.body());
        assertEquals(2, count("select count(*) from audit_entry where action = 'PAYEE_ACCOUNT_ACCESS' and target = ?",
                "payeeAccount:" + originalId));

        // the second user of the enterprise changes it: held until 24:00 in Beijing of the change's day + 3
        HttpResponse<String> changed = put(secondToken, change(originalId, version(original), name, "62220212999988887777",
                "建设银行", "江东支行"));
        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject swapped = Http.json(changed);
        long swappedId = swapped.getJsonNumber("id").longValue();
        assertTrue(swapped.getBoolean("changed"));
        assertTrue(swapped.getBoolean("onHold"));
        Instant changedAt = Instant.parse(swapped.getString("changedAt"));
        Instant ends = LocalDate.ofInstant(changedAt, BEIJING).plusDays(4).atStartOfDay(BEIJING).toInstant();
        assertEquals(ends, Instant.parse(swapped.getString("holdEnds")));
        HttpResponse<String> stale = put(firstToken, change(originalId, version(original), name, "62220212555566667777",
                "农业银行", "鄞州支行"));
        assertEquals(409, stale.statusCode(), "the account read was replaced since: " + stale.body());
        JsonObject after = mine(firstToken);
        assertEquals(swappedId, after.getJsonObject("current").getJsonNumber("id").longValue(), "the stale form changed nothing");
        assertEquals(2, after.getJsonArray("history").size());
        assertEquals(1, count("select count(*) from audit_entry where action = 'PAYEE_ACCOUNT_CHANGE' and target = ?"
                + " and detail = ?", "payeeAccount:" + swappedId, "organisation:" + enterpriseId + " changed tail 7777"));
        assertEquals(0, count("select count(*) from audit_entry where detail like ?", "%62220212999988887777%"),
                "the trail never holds the whole number");

        // finance sees the hold with the old account's last digits, and releases it once; nobody else can
        JsonObject hold = holds(finance).stream().filter(h -> h.getJsonNumber("id").longValue() == swappedId)
                .findFirst().orElseThrow();
        assertEquals("7777", hold.getString("tail"));
        assertEquals("7890", hold.getString("oldTail"));
        assertEquals("工商银行", hold.getString("oldBankName"));
        assertEquals(ends, Instant.parse(hold.getString("holdEnds")));
        assertEquals(200, http.get("api/v1/payee-accounts/" + swappedId, Http.bearer(finance)).statusCode());
        String release = "api/v1/payee-accounts/" + swappedId + "/hold-release";
        String body = release(version(swapped), "已致电企业财务负责人核实");
        for (String outsider : List.of(firstToken, http.token("reviewer", TestData.DEMO_PASSWORD),
                http.token("approver", TestData.DEMO_PASSWORD))) {
            assertEquals(403, http.postJson(release, body, Http.bearer(outsider)).statusCode());
            assertEquals(403, http.get("api/v1/payee-accounts/holds", Http.bearer(outsider)).statusCode());
        }
        assertEquals(409, http.postJson(release, release(version(swapped) + 1, "电话核实"), Http.bearer(finance)).statusCode());
        assertEquals(422, http.postJson(release, release(version(swapped), " "), Http.bearer(finance)).statusCode());
        assertEquals(409, http.postJson("api/v1/payee-accounts/" + originalId + "/hold-release",
                release(version(original) + 1, "电话核实"), Http.bearer(finance)).statusCode(), "superseded, not held");
        HttpResponse<String> released = http.postJson(release, body, Http.bearer(finance));
        assertEquals(200, released.statusCode(), released.body());
        JsonObject free = Http.json(released);
        assertFalse(free.getBoolean("onHold"));
        assertEquals("finance", free.getString("holdReleasedBy"));
        assertEquals("已致电企业财务负责人核实", free.getString("holdReleaseNote"));
        HttpResponse<String> twice = http.postJson(release, release(version(free), "再次"), Http.bearer(finance));
        assertEquals(409, twice.statusCode(), twice.body());
        assertTrue(holds(finance).stream().noneMatch(h -> h.getJsonNumber("id").longValue() == swappedId));
        assertEquals(1, count("select count(*) from audit_entry where action = 'PAYEE_HOLD_RELEASE' and target = ?",
                "payeeAccount:" + swappedId));
        assertFalse(mine(secondToken).getJsonObject("current").getBoolean("onHold"));
    }

    @Test
    void theMoneyViewShowsTheCallersOwnItemsAndWhyTheyWait() throws Exception {
        long callId = SandboxCalls.seed(dataSource, 2);
        long base = callId - 1;
        long enterpriseId = base + 100; // band 2: 105,000.00; its neighbour base + 101 band 1: 300,000.00
        String name = "沙盘测试企业 " + base + "-0";
        String strangerName = TestData.newUsername("money");
        String stranger = http.registerEnterprise(strangerName, TestData.newUscc(), PASSWORD);
        String token = userOf(enterpriseId, strangerName); // its password, of the sandbox's enterprise
        assertEquals(0, money(stranger).getJsonArray("calls").size(), "nothing approved: an empty view");
        approvedRun(callId);

        JsonObject view = money(token);
        assertEquals(1, view.getJsonArray("calls").size(), "its own call only");
        JsonObject call = view.getJsonArray("calls").getJsonObject(0);
        assertEquals(callId, call.getJsonNumber("callId").longValue());
        assertEquals(2026, call.getInt("year"));
        assertEquals(new BigDecimal("105000.00"), amount(call, "approved"), "not the neighbour's 300,000.00");
        assertEquals(new BigDecimal("105000.00"), amount(call, "pending"));
        assertEquals(new BigDecimal("105000.00"), amount(call, "onHold"));
        assertEquals(new BigDecimal("0.00"), amount(call, "paid"));
        assertEquals(List.of("NO_ACCOUNT"), kinds(view.getJsonArray("blocks")));
        assertEquals(0, money(stranger).getJsonArray("calls").size(), "another enterprise sees none of it");

        // its first account lifts that block; a change holds the call's payments until the hold ends
        JsonObject first = Http.json(put(token, change(null, null, name, "6222021234567890", "工商银行", "高新支行")));
        assertEquals(List.of(), kinds(money(token).getJsonArray("blocks")));
        assertEquals(new BigDecimal("0.00"), amount(money(token).getJsonArray("calls").getJsonObject(0), "onHold"));
        HttpResponse<String> changed = put(token, change(first.getJsonNumber("id").longValue(), version(first), name,
                "62220212999988887777", "建设银行", "江东支行"));
        assertEquals(200, changed.statusCode(), changed.body());
        call = money(token).getJsonArray("calls").getJsonObject(0);
        assertEquals(List.of("ACCOUNT_HOLD"), kinds(call.getJsonArray("holds")));
        assertEquals(Http.json(changed).getString("holdEnds"), call.getJsonArray("holds").getJsonObject(0).getString("until"));

        // paid by the bank (as the batches record it) and an open recovery: both shown, the recovery blocks the rest
        long itemId = call.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        Timestamp now = Timestamp.from(Instant.now());
        update("insert into payment_batch (id, state, line_count, total, prepared_by, created_at) values (?, 'CLOSED', 1,"
                + " 105000.00, 'finance', ?)", base + 900, now);
        update("insert into payment_batch_line (batch_id, item_id, position, amount, payee_account_id, result,"
                + " bank_reference, paid_on, result_by, result_at, paid_item_id) values (?, ?, 0, 105000.00, ?, 'PAID',"
                + " 'BOC20260501-0007', DATE '2026-05-01', 'finance', ?, ?)", base + 900, itemId,
                first.getJsonNumber("id").longValue(), now, itemId);
        update("update payment_item set state = 'PAID' where id = ?", itemId);
        update("insert into recovery (id, call_id, enterprise_id, origin, amount, repaid, reason, due_on, state, raised_by,"
                + " created_at) values (?, ?, ?, 'INTEGRITY', 1000.00, 200.00, '虚报研发人员', DATE '2026-06-30', 'OPEN',"
                + " 'reviewer', ?)", base + 901, callId, enterpriseId, now);
        view = money(token);
        call = view.getJsonArray("calls").getJsonObject(0);
        assertEquals(new BigDecimal("105000.00"), amount(call, "paid"));
        assertEquals(new BigDecimal("0.00"), amount(call, "pending"));
        assertEquals(List.of(), kinds(call.getJsonArray("holds")), "nothing pending, nothing waits");
        JsonObject paid = call.getJsonArray("items").getJsonObject(0);
        assertEquals("PAID", paid.getString("state"));
        assertEquals("BOC20260501-0007", paid.getString("bankReference"));
        assertEquals("2026-05-01", paid.getString("paidOn"));
        assertEquals(new BigDecimal("1000.00"), amount(call, "askedBack"));
        assertEquals(new BigDecimal("200.00"), amount(call, "recovered"));
        assertEquals(List.of("RECOVERY"), kinds(view.getJsonArray("blocks")));
        assertEquals(403, http.get("api/v1/enterprise/money", Http.bearer(http.token("finance", TestData.DEMO_PASSWORD)))
                .statusCode());
    }

    /**
     * Ten changes of the same account at the version read, released together: one is made, nine are refused as stale
     * (409, not a 500), and the enterprise has one current account, replacing the one they read.
     */
    @Test
    void concurrentChangesOfOneAccountMakeOne() throws Exception {
        String username = TestData.newUsername("payee");
        String token = http.registerEnterprise(username, TestData.newUscc(), PASSWORD);
        String name = "测试企业" + username;
        JsonObject read = Http.json(put(token, change(null, null, name, "6222021234567890", "工商银行", "高新支行")));
        int attempts = 10;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(attempts);
        List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String body = change(read.getJsonNumber("id").longValue(), version(read), name, "622202129999888" + i, "建设银行",
                    "江东支行");
            Thread t = new Thread(() -> {
                try {
                    together.await();
                    statuses.add(put(token, body).statusCode());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(attempts - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        JsonObject after = mine(token);
        assertEquals(2, after.getJsonArray("history").size());
        assertEquals(read.getJsonNumber("id").longValue(), after.getJsonArray("history").getValuesAs(JsonObject.class)
                .stream().filter(a -> !a.getBoolean("current")).findFirst().orElseThrow().getJsonNumber("id").longValue());
    }

    /** Another user of the enterprise, a copy of the one who registered it (its password); their token. */
    private String userOf(long enterpriseId, String from) throws SQLException {
        String username = TestData.newUsername("payee");
        EnterpriseUsers.copy(dataSource, from, username, "周会计", enterpriseId);
        return http.token(username, PASSWORD);
    }

    private void approvedRun(long callId) {
        HttpResponse<String> started = http.postJson("api/v1/calls/" + callId + "/calculation-runs", "",
                Http.bearer(http.token("reviewer", TestData.DEMO_PASSWORD)));
        assertEquals(201, started.statusCode(), started.body());
        JsonObject run = Http.json(started);
        HttpResponse<String> approved = http.postJson("api/v1/calculation-runs/" + run.getJsonNumber("id").longValue()
                        + "/approval", "{\"version\":" + run.getJsonNumber("version").longValue() + "}",
                Http.bearer(http.token("approver", TestData.DEMO_PASSWORD)));
        assertEquals(200, approved.statusCode(), approved.body());
    }

    private static String change(Long replaces, Long version, String name, String number, String bank, String branch) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (replaces != null) {
            b.add("replaces", replaces).add("version", version);
        }
        return b.add("accountName", name).add("accountNumber", number).add("bankName", bank).add("branchName", branch)
                .build().toString();
    }

    private static String release(long version, String note) {
        return Json.createObjectBuilder().add("version", version).add("note", note).build().toString();
    }

    private HttpResponse<String> put(String token, String body) {
        return http.putJson("api/v1/payee-account", body, Http.bearer(token));
    }

    private JsonObject mine(String token) {
        HttpResponse<String> r = http.get("api/v1/payee-account", Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private JsonObject money(String token) {
        HttpResponse<String> r = http.get("api/v1/enterprise/money", Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private List<JsonObject> holds(String finance) {
        HttpResponse<String> r = http.get("api/v1/payee-accounts/holds", Http.bearer(finance));
        assertEquals(200, r.statusCode(), r.body());
        return ((JsonArray) Http.jsonOf(r)).getValuesAs(JsonObject.class);
    }

    /** JSON-B leaves a null out. */
    private static boolean absent(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name);
    }

    private static long version(JsonObject account) {
        return account.getJsonNumber("version").longValue();
    }

    private static BigDecimal amount(JsonObject o, String name) {
        return o.getJsonNumber(name).bigDecimalValue();
    }

    private static List<String> kinds(JsonArray blocks) {
        return blocks.getValuesAs(JsonObject.class).stream().map(b -> b.getString("kind")).toList();
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }

    private long count(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }
}
