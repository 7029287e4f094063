package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calculation runs over the API (issue 12) on an RD_INVESTMENT call of its own whose publicized approval list holds
 * 1,200 declarations (seeded in bulk; the way there is ApprovalIT's and PublicNoticeIT's): every enterprise's amount by
 * the rules and the budget's pro-rata, one of them on the agency's verified figure; a run read after the call's
 * parameters changed says what it said; two runs started at once numbered one after the other; approval only by another
 * person, only of the newest run, with the version read, superseding the run approved before; other roles refused. And
 * SHARED_SERVICE calls of one year: the voucher caps count what the year's other voucher calls approved.
 */
@ExtendWith(ArquillianExtension.class)
class CalculationRunIT {

    private static final int ENTERPRISES = 1200;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(CalculationRunIT.class, Http.class, TestData.class, SectionHead.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    @Test
    void aRunIsCalculatedStoredWholeAndApprovedByAnotherPersonOnly() throws Exception {
        assertFalse(ENTERPRISES < 1001, "more than one IN list of a thousand");
        long callId = seedCall(ENTERPRISES, null);
        String reviewer = token("reviewer");
        String approver = token("approver");
        String head = SectionHead.token(http, dataSource);
        String enterprise = http.registerEnterprise(TestData.newUsername("runs"), TestData.newUscc(), "runs-password-1");

        assertRefused(403, "auth.forbidden", start(callId, enterprise));
        assertRefused(403, "auth.forbidden", start(callId, approver));
        HttpResponse<String> first = start(callId, head);
        assertEquals(201, first.statusCode(), first.body());
        JsonObject run = Http.json(first);
        long runId = run.getJsonNumber("id").longValue();
        assertEquals(1, run.getInt("versionNo"));
        assertEquals("PREVIEW", run.getString("state"));
        assertEquals(ENTERPRISES, run.getInt("lines"));
        // 1,199 × 6% × 5,000,000.00 and one verified E_tax of 4,000,000.00 (growth 0: 5%), over a budget of 100,000,000.00
        assertEquals(new BigDecimal("359900000.00"), run.getJsonNumber("demand").bigDecimalValue());
        assertEquals(new BigDecimal("0.2778549597"), run.getJsonNumber("factor").bigDecimalValue());
        assertEquals(new BigDecimal("99999990.51"), run.getJsonNumber("total").bigDecimalValue());
        assertEquals(new BigDecimal("9.49"), run.getJsonNumber("leftover").bigDecimalValue());

        HttpResponse<String> page = read(runId, "?page=0&size=3&sort=AMOUNT_ASC", reviewer);
        assertEquals(200, page.statusCode(), page.body());
        JsonArray lines = Http.json(page).getJsonArray("lines");
        assertEquals(3, lines.size());
        JsonObject verified = lines.getJsonObject(0);
        assertEquals(new BigDecimal("200000.00"), verified.getJsonNumber("kindAmount").bigDecimalValue());
        assertEquals(new BigDecimal("55570.99"), verified.getJsonNumber("amount").bigDecimalValue());
        assertTrue(verified.getBoolean("eligible"));
        assertEquals(0, verified.getJsonArray("reasons").size());
        String steps = verified.getJsonArray("steps").toString();
        assertTrue(steps.contains("4,000,000.00"), steps);
        assertTrue(steps.contains("0.2778549597"), steps);
        assertEquals(new BigDecimal("83356.48"), lines.getJsonObject(1).getJsonNumber("amount").bigDecimalValue());
        assertEquals(ENTERPRISES, Http.json(page).getJsonNumber("lineCount").intValue());
        assertEquals(ENTERPRISES - 1, queryLong("select count(*) from calculation_line where run_id = " + runId
                + " and amount = 83356.48"));

        assertRefused(403, "calculationRun.approverIsStarter", approve(runId, run.getJsonNumber("version").longValue(), head));
        assertRefused(403, "auth.forbidden", approve(runId, run.getJsonNumber("version").longValue(), reviewer));
        assertRefused(403, "auth.forbidden", read(runId, "", enterprise));

        // the call's parameters change (band 1 at 8%): the stored run says what it said, with the parameters it used
        String before = Http.json(read(runId, "?page=0&size=50", reviewer)).toString();
        changeParameters(callId, RuleParameter.BAND1_RATE, new BigDecimal("0.08"));
        JsonObject after = Http.json(read(runId, "?page=0&size=50", reviewer));
        assertEquals(before, after.toString());
        assertEquals(new BigDecimal("0.06"), after.getJsonObject("run").getJsonObject("parameters")
                .getJsonNumber("band1.rate").bigDecimalValue());

        // two runs at once: versions 2 and 3, both on the new parameters
        List<JsonObject> raced = startTogether(callId, reviewer, head);
        Set<Integer> versions = new TreeSet<>();
        for (JsonObject r : raced) {
            versions.add(r.getInt("versionNo"));
            assertEquals(new BigDecimal("479800000.00"), r.getJsonNumber("demand").bigDecimalValue());
        }
        assertEquals(Set.of(2, 3), versions);
        JsonObject third = raced.stream().filter(r -> r.getInt("versionNo") == 3).findFirst().orElseThrow();
        long thirdId = third.getJsonNumber("id").longValue();

        assertRefused(409, "calculationRun.notNewest", approve(runId, run.getJsonNumber("version").longValue(), approver));
        assertRefused(409, "request.conflict", approve(thirdId, third.getJsonNumber("version").longValue() + 1,
                approver));
        HttpResponse<String> approved = approve(thirdId, third.getJsonNumber("version").longValue(), approver);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("APPROVED", Http.json(approved).getString("state"));
        assertEquals("approver", Http.json(approved).getString("approvedBy"));
        assertRefused(409, "calculationRun.notPreview", approve(thirdId, Http.json(approved).getJsonNumber("version")
                .longValue(), approver));

        // a later run approved supersedes the one approved before, which stays readable
        HttpResponse<String> fourth = start(callId, reviewer);
        assertEquals(201, fourth.statusCode(), fourth.body());
        HttpResponse<String> approvedFourth = approve(Http.json(fourth).getJsonNumber("id").longValue(),
                Http.json(fourth).getJsonNumber("version").longValue(), head);
        assertEquals(200, approvedFourth.statusCode(), approvedFourth.body());
        HttpResponse<String> all = http.get("api/v1/calls/" + callId + "/calculation-runs", Http.bearer(approver));
        assertEquals(200, all.statusCode(), all.body());
        List<String> states = new ArrayList<>();
        ((JsonArray) Http.jsonOf(all)).getValuesAs(JsonObject.class).forEach(r -> states.add(r.getString("state")));
        assertEquals(List.of("APPROVED", "SUPERSEDED", "PREVIEW", "PREVIEW"), states);
        HttpResponse<String> superseded = read(thirdId, "?size=1", approver);
        assertEquals("SUPERSEDED", Http.json(superseded).getJsonObject("run").getString("state"));
        assertEquals(1, Http.json(superseded).getJsonArray("lines").size());
        assertEquals(2, queryLong("select count(*) from audit_entry where action = 'CALCULATION_RUN_APPROVE'"
                + " and detail like 'call:" + callId + " %'"));
    }

    /**
     * SHARED_SERVICE caps across the year's voucher calls (ids above the sequences'). In 2025, E is paid and F, whose
     * provider was not listed, is not: E has used vouchers, F has not. In 2026, call 1 pays A (controller X) 40,000.00 and
     * S (X) 20,000.00. Call 2 (controller cap 90,000.00) then gives A what is left of its first-year cap (10,000.00), B
     * (X) what is left of X's cap after the 60,000.00 elsewhere and A (20,000.00), E its full 80,000.00 under the
     * enterprise cap and F 50,000.00 under the first-year cap. Call 3 pays X's S2, not in call 2, after call 2's run
     * started: approving that run is refused, a new run reads it (B 16,000.00).
     */
    @Test
    void voucherCapsCountTheYearsOtherVoucherCalls() throws Exception {
        String reviewer = token("reviewer");
        String approver = token("approver");
        long base = 20_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 1_000;
        String x = "核定测试控制人 " + base;
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String listed = TestData.newUscc();
        String a = TestData.newUscc(), b = TestData.newUscc(), s = TestData.newUscc(), s2 = TestData.newUscc();
        String e = TestData.newUscc(), f = TestData.newUscc();
        try (Connection c = dataSource.getConnection()) {
            update(c, "insert into program (id, name, subsidy_kind, department, created_at) values (?, '创新券',"
                    + " 'SHARED_SERVICE', '高新科', ?)", base, now);
            update(c, "insert into service_provider (id, uscc, name, local_provider, controller, registered_on, listed_on,"
                    + " registered_by, created_at) values (?, ?, '检测服务机构', 0, ?, DATE '2024-12-20', DATE '2025-01-01',"
                    + " 'reviewer', ?)", base + 1, listed, "服务机构控制人 " + base, now);
            List<String> enterprises = List.of(a, b, s, s2, e, f);
            for (int i = 0; i < enterprises.size(); i++) {
                update(c, "insert into organisation (id, kind, name, uscc, created_at) values (?, 'ENTERPRISE', ?, ?, ?)",
                        base + 10 + i, "创新券测试企业 " + base + "-" + i, enterprises.get(i), now);
            }
            for (String u : List.of(a, b, s, s2)) {
                update(c, "insert into enterprise_controller (id, uscc, controller, recorded_by, recorded_at, created_at)"
                        + " values (?, ?, ?, 'reviewer', ?, ?)", base + 20 + enterprises.indexOf(u), u, x, now, now);
            }
        }
        String defaults = RuleParameters.defaults(SubsidyKind.SHARED_SERVICE).format();
        long earlier = seedVoucherCall(base, base + 100, 2025, defaults, now, List.of(
                new Voucher(base + 14, listed, "2025-06-01", "10000.00"),
                new Voucher(base + 15, TestData.newUscc(), "2025-06-01", "10000.00")));
        assertEquals(Set.of(e), paid(approveNew(earlier, reviewer, approver), reviewer));
        long call1 = seedVoucherCall(base, base + 200, 2026, defaults, now, List.of(
                new Voucher(base + 10, listed, "2026-03-01", "100000.00"),
                new Voucher(base + 12, listed, "2026-03-01", "50000.00")));
        approveNew(call1, reviewer, approver);
        long call2 = seedVoucherCall(base, base + 300, 2026, RuleParameters.defaults(SubsidyKind.SHARED_SERVICE)
                .with(RuleParameter.CONTROLLER_CAP, new BigDecimal("90000.00")).format(), now, List.of(
                new Voucher(base + 10, listed, "2026-04-01", "100000.00"),
                new Voucher(base + 11, listed, "2026-04-01", "100000.00"),
                new Voucher(base + 14, listed, "2026-04-01", "200000.00"),
                new Voucher(base + 15, listed, "2026-04-01", "200000.00")));
        HttpResponse<String> started = start(call2, reviewer);
        assertEquals(201, started.statusCode(), started.body());
        JsonObject run = Http.json(started);
        Map<String, JsonObject> lines = lines(run.getJsonNumber("id").longValue(), reviewer);
        assertEquals(new BigDecimal("10000.00"), amount(lines.get(a)));
        String stepsOfA = lines.get(a).getJsonArray("steps").toString();
        assertTrue(stepsOfA.contains("本年度其他创新券批次已核定 40,000.00，首次使用创新券的年度上限 50,000.00，剩余上限 10,000.00"),
                stepsOfA);
        assertEquals(new BigDecimal("40000.00"), lines.get(b).getJsonNumber("kindAmount").bigDecimalValue());
        assertEquals(new BigDecimal("20000.00"), amount(lines.get(b)));
        String stepsOfB = lines.get(b).getJsonArray("steps").toString();
        assertTrue(stepsOfB.contains("本年度其他创新券批次已核定 60,000.00，本批次按提交时间（同时按统一社会信用代码）排在前面的企业已占用"
                + " 10,000.00，尚余 20,000.00：40,000.00 核减为 20,000.00"), stepsOfB);
        assertEquals(new BigDecimal("80000.00"), amount(lines.get(e)), "E used vouchers in 2025: the enterprise cap");
        assertEquals(new BigDecimal("50000.00"), amount(lines.get(f)), "F was paid nothing in 2025: its first year");

        // call 3 pays S2 (controller X, not in call 2) after call 2's run started: its basis changed
        long call3 = seedVoucherCall(base, base + 400, 2026, defaults, now, List.of(
                new Voucher(base + 13, listed, "2026-05-01", "10000.00")));
        approveNew(call3, reviewer, approver);
        assertRefused(409, "calculationRun.basisChanged", approve(run.getJsonNumber("id").longValue(),
                run.getJsonNumber("version").longValue(), approver));
        JsonObject again = approveNew(call2, reviewer, approver);
        Map<String, JsonObject> now2 = lines(again.getJsonNumber("id").longValue(), reviewer);
        assertEquals(new BigDecimal("16000.00"), amount(now2.get(b)));
        assertEquals(new BigDecimal("10000.00"), amount(now2.get(a)));
    }

    /** One enterprise's voucher in a seeded call: its organisation id, the provider, the invoice date and amount. */
    private record Voucher(long enterpriseId, String providerUscc, String invoiceDate, String amount) {
    }

    /**
     * A published SHARED_SERVICE call of {@code year} (closed, budget 10,000,000.00) whose publicized list holds a
     * declaration per voucher, submitted a second apart in the list's order. Ids from {@code base}, under
     * the SHARED_SERVICE {@code program}.
     */
    private long seedVoucherCall(long program, long base, int year, String parameters, Timestamp now,
                                 List<Voucher> vouchers) throws SQLException {
        long call = base + 1;
        long list = base + 2;
        try (Connection c = dataSource.getConnection()) {
            update(c, "insert into funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status,"
                    + " created_at, created_by, published_by, published_at, rule_parameters) values (?, ?, ?, ?, ?, ?,"
                    + " 10000000.00, 'PUBLISHED', ?, 'reviewer', 'approver', ?, ?)", call, program, "创新券核定测试 " + base,
                    year, Timestamp.from(now.toInstant().minus(60, ChronoUnit.DAYS)),
                    Timestamp.from(now.toInstant().minus(1, ChronoUnit.DAYS)), now, now, parameters);
            update(c, "insert into approval_list (id, call_id, version_no, state, budget, prepared_by, submitted_by,"
                    + " submitted_at, decided_by, decided_at, live_call_id, created_at) values (?, ?, 1, 'APPROVED',"
                    + " 10000000.00, 'reviewer', 'reviewer', ?, 'approver', ?, ?, ?)", list, call, now, now, call, now);
            for (int i = 0; i < vouchers.size(); i++) {
                Voucher v = vouchers.get(i);
                long declaration = base + 10 + i;
                update(c, "insert into declaration (id, call_id, enterprise_id, state, created_by, created_at,"
                        + " submitted_at, revision) values (?, ?, ?, 'ACCEPTED', 'e', ?, ?, 1)", declaration, call,
                        v.enterpriseId(), now, Timestamp.from(now.toInstant().plusSeconds(i)));
                update(c, "insert into declaration_service_record (declaration_id, position, provider_name, provider_uscc,"
                        + " invoice_no, invoice_date, amount) values (?, 0, '检测服务机构', ?, ?, ?, ?)", declaration,
                        v.providerUscc(), "FP-" + declaration, java.sql.Date.valueOf(v.invoiceDate()),
                        new BigDecimal(v.amount()));
                update(c, "insert into project (id, declaration_id, call_id, enterprise_id, approval_list_id, subsidy_kind,"
                        + " enterprise_name, approved_amount, agency_grade, agency_score, state, created_at) values (?, ?,"
                        + " ?, ?, ?, 'SHARED_SERVICE', '创新券测试企业', 50000.00, 'GOOD', 85.00, 'PUBLICIZED', ?)",
                        base + 50 + i, declaration, call, v.enterpriseId(), list, now);
            }
        }
        return call;
    }

    /** A new run of the call started by the reviewer and approved by the approver: the approved run. */
    private JsonObject approveNew(long callId, String reviewer, String approver) {
        HttpResponse<String> started = start(callId, reviewer);
        assertEquals(201, started.statusCode(), started.body());
        JsonObject run = Http.json(started);
        HttpResponse<String> approved = approve(run.getJsonNumber("id").longValue(),
                run.getJsonNumber("version").longValue(), approver);
        assertEquals(200, approved.statusCode(), approved.body());
        return Http.json(approved);
    }

    /** A run's lines by USCC (a run of a few lines: one page). */
    private Map<String, JsonObject> lines(long runId, String token) {
        HttpResponse<String> page = read(runId, "?page=0&size=50", token);
        assertEquals(200, page.statusCode(), page.body());
        Map<String, JsonObject> byUscc = new java.util.HashMap<>();
        Http.json(page).getJsonArray("lines").getValuesAs(JsonObject.class).forEach(l -> byUscc.put(l.getString("uscc"), l));
        return byUscc;
    }

    /** The USCCs a run pays. */
    private Set<String> paid(JsonObject run, String token) {
        return lines(run.getJsonNumber("id").longValue(), token).entrySet().stream()
                .filter(l -> amount(l.getValue()).signum() > 0).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    private static BigDecimal amount(JsonObject line) {
        return line.getJsonNumber("amount").bigDecimalValue();
    }

    /**
     * The approval basis: an enterprise in two calls of 2026 (the first call's yearly cap lowered to 300,000.00), a run
     * started on each; once the other call's run is approved (paying it 200,000.00), the first call's run — which read
     * nothing approved elsewhere — is refused and stays a preview; a new run reads the approval (the yearly cap step
     * names it) and is approved.
     */
    @Test
    void aRunIsNotApprovedAfterAnotherCallOfTheYearApprovedItsEnterprises() throws Exception {
        long callId = seedCall(2, null);
        long shared = queryLong("select min(enterprise_id) from declaration where call_id = " + callId);
        long otherCallId = seedCall(2, shared);
        changeParameters(callId, RuleParameter.ENTERPRISE_YEAR_CAP, new BigDecimal("300000.00"));
        String reviewer = token("reviewer");
        String approver = token("approver");

        JsonObject run = Http.json(start(callId, reviewer));
        JsonObject other = Http.json(start(otherCallId, reviewer));
        assertEquals(new BigDecimal("500000.00"), run.getJsonNumber("total").bigDecimalValue(), "nothing approved yet");
        HttpResponse<String> otherApproved = approve(other.getJsonNumber("id").longValue(),
                other.getJsonNumber("version").longValue(), approver);
        assertEquals(200, otherApproved.statusCode(), otherApproved.body());

        long runId = run.getJsonNumber("id").longValue();
        HttpResponse<String> refused = approve(runId, run.getJsonNumber("version").longValue(), approver);
        assertRefused(409, "calculationRun.basisChanged", refused);
        assertTrue(Http.json(refused).getString("message").startsWith("第 1 版核定已不能批准"), refused.body());
        assertEquals("PREVIEW", Http.json(read(runId, "?size=1", reviewer)).getJsonObject("run").getString("state"));
        assertEquals(0, queryLong("select count(*) from audit_entry where action = 'CALCULATION_RUN_APPROVE'"
                + " and detail like 'call:" + callId + " %'"));

        HttpResponse<String> again = start(callId, reviewer);
        assertEquals(201, again.statusCode(), again.body());
        JsonObject second = Http.json(again);
        JsonObject line = Http.json(read(second.getJsonNumber("id").longValue(), "?size=2&sort=AMOUNT_ASC", reviewer))
                .getJsonArray("lines").getJsonObject(0);
        assertEquals(new BigDecimal("200000.00"), line.getJsonNumber("kindAmount").bigDecimalValue());
        assertEquals(new BigDecimal("100000.00"), line.getJsonNumber("amount").bigDecimalValue());
        String steps = line.getJsonArray("steps").toString();
        assertTrue(steps.contains("企业年度补助上限 300,000.00，本年度其他项目已核定 200,000.00，尚余 100,000.00"), steps);
        HttpResponse<String> approved = approve(second.getJsonNumber("id").longValue(),
                second.getJsonNumber("version").longValue(), approver);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals(1, queryLong("select count(*) from audit_entry where action = 'CALCULATION_RUN_APPROVE'"
                + " and detail like 'call:" + callId + " %'"));
    }

    /** The call's parameters become the defaults with one changed, as an edit of the call would store them. */
    private void changeParameters(long callId, RuleParameter parameter, BigDecimal value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update funding_call set rule_parameters = ? where id = ?")) {
            ps.setString(1, RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).with(parameter, value).format());
            ps.setLong(2, callId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private HttpResponse<String> start(long callId, String token) {
        return http.postJson("api/v1/calls/" + callId + "/calculation-runs", "", Http.bearer(token));
    }

    private HttpResponse<String> read(long runId, String query, String token) {
        return http.get("api/v1/calculation-runs/" + runId + query, Http.bearer(token));
    }

    private HttpResponse<String> approve(long runId, long version, String token) {
        return http.postJson("api/v1/calculation-runs/" + runId + "/approval", "{\"version\":" + version + "}",
                Http.bearer(token));
    }

    /** Two reviewers start a run of the call at the same moment; both runs as answered. */
    private List<JsonObject> startTogether(long callId, String one, String other) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String token : List.of(one, other)) {
                answers.add(pool.submit(() -> {
                    together.await();
                    return new Http().postJson("api/v1/calls/" + callId + "/calculation-runs", "", Http.bearer(token));
                }));
            }
            List<JsonObject> runs = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                assertEquals(201, r.statusCode(), r.body());
                runs.add(Http.json(r));
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertRefused(int status, String code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, Http.json(r).getString("code"), r.body());
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
     * A published RD_INVESTMENT call of 2026 (budget 100,000,000.00, the default parameters) whose approved list was
     * publicized: {@code enterprises} enterprises declared E_tax 5,200,000.00, E_stat 5,000,000.00, E0 4,000,000.00
     * (growth 25%), revenue 100,000,000.00, 3 patents, 2 applications, 30 of 200 staff; the agency's APPROVAL evaluation
     * of the first corrected its E_tax to 4,000,000.00 (growth 0: 200,000.00). The first is {@code firstEnterprise}, an
     * enterprise seeded before, if not null. Seeded in bulk with ids above the sequence's.
     */
    private long seedCall(int enterprises, Long firstEnterprise) throws SQLException {
        long base = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 10_000;
        long program = base;
        long call = base + 1;
        long list = base + 2;
        long agency = base + 3;
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (Connection c = dataSource.getConnection()) {
            update(c, "insert into program (id, name, subsidy_kind, department, created_at) values (?, '研发投入后补助', "
                    + "'RD_INVESTMENT', '高新科', ?)", program, now);
            update(c, "insert into funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, "
                    + "created_at, created_by, published_by, published_at, rule_parameters) values (?, ?, ?, 2026, ?, ?, "
                    + "100000000.00, 'PUBLISHED', ?, 'reviewer', 'approver', ?, ?)", call, program, "核定测试 " + base,
                    // closed already, as a call is when it is calculated: other tests looking for an open call of the
                    // kind must not find this one (this test changes its parameters)
                    Timestamp.from(now.toInstant().minus(60, ChronoUnit.DAYS)),
                    Timestamp.from(now.toInstant().minus(1, ChronoUnit.DAYS)), now, now,
                    // as every call since V010 has them: the bureau's list of calls reads them (a call without them
                    // left by this fixture broke UserAdministrationIT's list of calls with a 500)
                    RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).format());
            update(c, "insert into organisation (id, kind, name, uscc, created_at) values (?, 'AGENCY', ?, ?, ?)",
                    agency, "核定测试机构 " + base, TestData.newUscc(), now);
            update(c, "insert into approval_list (id, call_id, version_no, state, budget, prepared_by, submitted_by, "
                    + "submitted_at, decided_by, decided_at, live_call_id, created_at) values (?, ?, 1, 'APPROVED', "
                    + "100000000.00, 'reviewer', 'reviewer', ?, 'approver', ?, ?, ?)", list, call, now, now, call, now);
            try (PreparedStatement org = c.prepareStatement("insert into organisation (id, kind, name, uscc, created_at) "
                    + "values (?, 'ENTERPRISE', ?, ?, ?)");
                 PreparedStatement decl = c.prepareStatement("insert into declaration (id, call_id, enterprise_id, state, "
                         + "created_by, created_at, submitted_at, revision, rd_expense_tax, rd_expense_stat, "
                         + "rd_expense_prior, revenue, valid_invention_patents, invention_applications, rd_staff, "
                         + "total_staff) values (?, ?, ?, 'ACCEPTED', 'e', ?, ?, 1, 5200000.00, 5000000.00, 4000000.00, "
                         + "100000000.00, 3, 2, 30, 200)");
                 PreparedStatement project = c.prepareStatement("insert into project (id, declaration_id, call_id, "
                         + "enterprise_id, approval_list_id, subsidy_kind, enterprise_name, approved_amount, agency_grade, "
                         + "agency_score, state, created_at) values (?, ?, ?, ?, ?, 'RD_INVESTMENT', ?, 300000.00, 'GOOD', "
                         + "85.00, 'PUBLICIZED', ?)")) {
                for (int i = 0; i < enterprises; i++) {
                    boolean seededBefore = i == 0 && firstEnterprise != null;
                    long enterprise = seededBefore ? firstEnterprise : base + 100 + i;
                    long declaration = base + 3000 + i;
                    String name = "核定测试企业 " + base + "-" + i;
                    if (!seededBefore) {
                        org.setLong(1, enterprise);
                        org.setString(2, name);
                        org.setString(3, TestData.newUscc());
                        org.setTimestamp(4, now);
                        org.addBatch();
                    }
                    decl.setLong(1, declaration);
                    decl.setLong(2, call);
                    decl.setLong(3, enterprise);
                    decl.setTimestamp(4, now);
                    decl.setTimestamp(5, Timestamp.from(now.toInstant().plusSeconds(i)));
                    decl.addBatch();
                    project.setLong(1, base + 6000 + i);
                    project.setLong(2, declaration);
                    project.setLong(3, call);
                    project.setLong(4, enterprise);
                    project.setLong(5, list);
                    project.setString(6, name);
                    project.setTimestamp(7, now);
                    project.addBatch();
                }
                org.executeBatch();
                decl.executeBatch();
                project.executeBatch();
            }
            long assignment = base + 9000;
            update(c, "insert into evaluation_assignment (id, declaration_id, enterprise_id, agency_id, enterprise_name, "
                    + "stage, state, due_on, assigned_by, live_key, created_at) values (?, ?, ?, ?, '核定测试企业', "
                    + "'APPROVAL', 'SUBMITTED', DATE '2026-12-31', 'reviewer', ?, ?)",
                    assignment, base + 3000, firstEnterprise == null ? base + 100 : firstEnterprise, agency,
                    (base + 3000) + ":APPROVAL", now);
            update(c, "insert into evaluation (id, assignment_id, version_no, state, total, grade, verdict, "
                    + "verified_expense_tax, report_name, report_size, report_sha256, report_uploaded_by, "
                    + "report_uploaded_at, submitted_by, submitted_at, created_at) values (?, ?, 1, 'SUBMITTED', 85.00, "
                    + "'GOOD', 'RECOMMEND', 4000000.00, '评估报告.pdf', 100, 'ab', 'agency1', ?, 'agency1', ?, ?)",
                    base + 9001, assignment, now, now, now);
        }
        return call;
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }
}
