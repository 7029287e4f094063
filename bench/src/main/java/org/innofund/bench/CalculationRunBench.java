package org.innofund.bench;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.innofund.bench.BulkEvaluations.Timed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calculation-run and policy-sandbox benchmark (issue 12, BENCHMARKS.md). Setup, not measured: an RD_INVESTMENT
 * call created and published through the API with a budget below the demand (pro-rata applies), and a CSV in the
 * product's template of {@code --enterprises} qualifying enterprises (every band and edge of the rules) and
 * {@code --ineligible} that are not. Measured: the import (dry run, then store) through the API; then, after the
 * requests are confirmed by SQL and the call closed by the tests' clock, per round a calculation run
 * ({@code POST /calls/{id}/calculation-runs}), the limit (the run's rows inserted by one raw JDBC batch, one
 * transaction, into a scratch table shaped like calculation_line) and the policy sandbox with band 1's rate changed.
 */
public final class CalculationRunBench {

    private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String DEMO_PASSWORD = DeadlineRush.DEMO_PASSWORD;
    /** calculation_line's columns (V026), in order: what the run stores and the limit inserts. */
    private static final String COLUMNS = "run_id, position, enterprise_id, uscc, name, origin, computable, eligible, "
            + "kind_amount, amount, recovery, inputs, reasons, steps";

    private final Api api;
    private final Path out;
    private final int enterprises;
    private final int ineligible;
    private final int rounds;
    private final long serverPid;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final String serverConfig;
    private final String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    private final StringBuilder log = new StringBuilder();
    private final List<String> failures = new ArrayList<>();

    private CalculationRunBench(Map<String, String> o) {
        api = new Api(o.getOrDefault("base", "http://127.0.0.1:8080/innofund/"), Duration.ofMinutes(10));
        out = Path.of(o.getOrDefault("out", "target/calculation-run"));
        enterprises = Integer.parseInt(o.getOrDefault("enterprises", "10000"));
        ineligible = Integer.parseInt(o.getOrDefault("ineligible", "500"));
        rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        jdbcUrl = o.get("jdbc-url");
        jdbcUser = o.getOrDefault("jdbc-user", "innofund");
        jdbcPassword = o.getOrDefault("jdbc-password", "");
        serverConfig = o.getOrDefault("server-config", "");
    }

    public static void main(String[] args) throws Exception {
        System.exit(new CalculationRunBench(Options.parse(args)).run() ? 0 : 1);
    }

    private void log(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }

    private Timed timed(HttpRequest request) {
        return Timed.of(api, request, serverPid);
    }

    /** One counted round: the run, the limit (in-process and over the AUTO_SERVER connection), the sandbox. */
    private record Round(Timed run, double limitMillis, double limitTcpMillis, Timed sandbox) {
        double ratio() {
            return run.millis() / limitMillis;
        }
    }

    private boolean run() throws Exception {
        Files.createDirectories(out);
        log("run %s: %d qualifying enterprises and %d not, %d rounds after one warm-up, against %s", runId, enterprises,
                ineligible, rounds, api);
        String reviewer = api.token("reviewer", DEMO_PASSWORD);
        int year = LocalDate.now(BUREAU_ZONE).getYear();
        List<Row> rows = rows(year);
        Money budget = budget(rows);
        long callId = publishedCall(reviewer, year, budget);

        // (1) the import, timed apart: the dry run, then the store
        byte[] csv = csv(rows, api.getBytes("api/v1/calls/" + callId + "/exempt-imports/template?format=csv", reviewer));
        Timed dry = timed(importRequest(callId, csv, true, reviewer));
        Timed stored = timed(importRequest(callId, csv, false, reviewer));
        expectImport("dry run", dry, false);
        expectImport("store", stored, true);
        BigDecimal demand = ((JsonObject) Api.parse(dry.response().body())).getJsonNumber("total").bigDecimalValue();
        log("import of %d rows (%d bytes of CSV): dry run %.0f ms (server cpu %.0f ms), store %.0f ms (server cpu %.0f ms); "
                        + "demand %s against a budget of %s", rows.size(), csv.length, dry.millis(), dry.serverCpuMillis(),
                stored.millis(), stored.serverCpuMillis(), demand.toPlainString(), budget.text());
        if (demand.compareTo(budget.value()) <= 0) {
            fail("the demand " + demand + " does not exceed the budget " + budget.text() + ": no pro-rata");
        }

        String limitUrl = "jdbc:h2:file:" + out.toAbsolutePath().resolve("limit-db/limit")
                + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        List<Round> counted = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
             Connection limitDb = DriverManager.getConnection(limitUrl, "sa", "")) {
            // (2) the confirmations (setup, SQL), a few enterprises blacklisted since; (3) the call closed
            confirmAll(db, callId);
            int blacklisted = blacklistSome(db, callId);
            log("%d requests confirmed by SQL (organisations registered, bank accounts), %d of them blacklisted since",
                    BulkEvaluations.single(db, "select count(*) from confirmation_request where call_id = ? and state = 'CONFIRMED'", callId),
                    blacklisted);
            api.put("api/v1/test/clock", Json.createObjectBuilder().add("offset", "P8D").build(),
                    api.token("admin", DEMO_PASSWORD));
            // tokens expire by the server's clock: new ones after it moved
            reviewer = api.token("reviewer", DEMO_PASSWORD);
            if (api.getJson("api/v1/calls/" + callId, null).getBoolean("open")) {
                fail("the call is still open after the clock moved past its close");
            }
            createScratch(limitDb);
            createScratch(db);
            // (4) and (5): one warm-up round, not counted, then the rounds
            for (int round = 0; round <= rounds; round++) {
                Timed run = timed(post("api/v1/calls/" + callId + "/calculation-runs", "", reviewer));
                long runNo = expectRun(db, round, run, budget);
                List<Object[]> lines = lines(db, runNo);
                double limit = insert(limitDb, lines);
                double limitTcp = insert(db, lines);
                Timed sandbox = timed(post("api/v1/calls/" + callId + "/sandbox",
                        "{\"parameters\": {\"band1.rate\": \"0.07\"}}", reviewer));
                expectSandbox(round, sandbox);
                Round r = new Round(run, limit, limitTcp, sandbox);
                log("%s: run %.0f ms (server cpu %.0f ms), limit %.0f ms (over TCP %.0f ms), run/limit %.2f, sandbox %.0f ms "
                                + "(server cpu %.0f ms)  [%s | %s]", round == 0 ? "warm-up" : "round " + round, run.millis(),
                        run.serverCpuMillis(), limit, limitTcp, r.ratio(), sandbox.millis(), sandbox.serverCpuMillis(),
                        run.machine(), sandbox.machine());
                if (round > 0) {
                    counted.add(r);
                }
            }
            dropScratch(limitDb);
            dropScratch(db);
            api.put("api/v1/test/clock", Json.createObjectBuilder().add("offset", "PT0S").build(),
                    api.token("admin", DEMO_PASSWORD));
        }
        summary(rows.size(), csv.length, budget, demand, dry, stored, counted);
        return failures.isEmpty();
    }

    private void fail(String what) {
        failures.add(what);
        log("FAILED %s", what);
    }

    // ---------------------------------------------------------------- the call and the file (setup, not measured)

    /** Money in fen, written as the bureau's sheets write it: yuan with two decimals. */
    private record Money(long fen) {
        String text() {
            return String.format(Locale.ROOT, "%d.%02d", fen / 100, fen % 100);
        }

        BigDecimal value() {
            return BigDecimal.valueOf(fen, 2);
        }
    }

    /** One enterprise's row of the import file; {@code stat} null: no statistics report (not eligible). */
    private record Row(String uscc, String name, Money tax, Money stat, Money prev, Money revenue, int patents,
                       int applications, int rdStaff, int staff, boolean qualifies) {
    }

    /**
     * The qualifying enterprises first, cycling through the rules' bands and edges: growth above 20 %, exactly 20 %,
     * between 0 and 20 %, exactly 0, between −10 % and 0, exactly −10 %, no previous year's figure (the top band);
     * E1 from the tax or from the statistics figure, exactly 2,000,000.00 now and then, 60,000,000.00 now and then (a
     * cap hit); intensity 5 % or exactly 3 %; R&D staff a quarter or exactly 10 %. Then the ineligible ones, one
     * failed condition each in turn: no statistics figure, intensity a little under 3 %, growth of −20 %, E1 a fen
     * under 2,000,000.00, no invention patent, R&D staff 9 %.
     */
    private List<Row> rows(int year) {
        List<Row> rows = new ArrayList<>(enterprises + ineligible);
        for (int i = 0; i < enterprises + ineligible; i++) {
            boolean qualifies = i < enterprises;
            long e1 = (2_000_000L + i * 7_919L % 10_000_000L) * 100 + i % 100;
            if (i % 97 == 5) {
                e1 = 60_000_000_00L;
            } else if (i % 101 == 1) {
                e1 = 2_000_000_00L;
            }
            long prev = switch (i % 10) {
                case 0, 1, 2, 3 -> e1 * 100 / 130;
                case 4 -> {
                    e1 += (6 - e1 % 6) % 6; // exactly 20 %: E1 = 1.2 × E0
                    yield e1 * 5 / 6;
                }
                case 5, 6 -> e1 * 100 / 110;
                case 7 -> e1;
                case 8 -> e1 * 100 / 95;
                default -> {
                    e1 += 300_000_00L + (9 - (e1 + 300_000_00L) % 9) % 9; // exactly −10 %: E1 = 0.9 × E0, E1 ≥ 2,000,000
                    yield e1 * 10 / 9;
                }
            };
            if (i % 53 == 7) {
                prev = 0; // a new enterprise: the top band
            }
            long revenue = i % 7 == 0 ? e1 * 100 / 3 : e1 * 20;
            int patents = 1 + i % 5;
            int staff = 50 + i % 20 * 10;
            int rdStaff = i % 4 == 0 ? staff / 10 : staff / 4;
            boolean noStat = false;
            if (!qualifies) {
                switch (i % 6) {
                    case 0 -> noStat = true;
                    case 1 -> revenue = e1 * 100 / 3 + 100;
                    case 2 -> prev = e1 * 100 / 80;
                    case 3 -> e1 = 2_000_000_00L - 1;
                    case 4 -> patents = 0;
                    default -> {
                        staff = 100;
                        rdStaff = 9;
                    }
                }
            }
            // E1 is the lower of the two sources: the tax figure for even rows, the statistics figure for odd ones
            Money lower = new Money(e1);
            Money higher = new Money(e1 + (i % 2 == 0 ? 500_000_00L : 123_456_78L));
            rows.add(new Row(Uscc.of(Long.parseLong(runId, 36) * 100_000 + i), "研发投入压测企业 " + runId + "-" + i,
                    i % 2 == 0 ? lower : higher, noStat ? null : i % 2 == 0 ? higher : lower, new Money(prev),
                    new Money(revenue), patents, 1 + i % 3, rdStaff, staff, qualifies));
        }
        return rows;
    }

    /**
     * A budget surely below the demand, so that pro-rata applies as it does when a city's enterprises ask for more
     * than the year's money: 60 % of what the qualifying enterprises would get at band 1's rate and cap (the demand at
     * the import's dry run is checked against it).
     */
    private static Money budget(List<Row> rows) {
        long upper = 0;
        for (Row r : rows) {
            if (r.qualifies) {
                upper += Math.min(Math.min(r.tax.fen, r.stat.fen) * 6 / 100, 3_000_000_00L);
            }
        }
        return new Money(upper * 6 / 10 / 100 * 100);
    }

    /** The reviewer's program and draft call (opening now, closing in a week); the approver publishes it. */
    private long publishedCall(String reviewer, int year, Money budget) {
        long program = api.post(201, "api/v1/bureau/programs", Json.createObjectBuilder()
                .add("name", "研发投入后补助压测 " + runId).add("subsidyKind", "RD_INVESTMENT").add("department", "高新技术科")
                .build(), reviewer).getJsonNumber("id").longValue();
        Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.MINUTES);
        JsonObject call = api.post(201, "api/v1/bureau/calls", Json.createObjectBuilder().add("programId", program)
                .add("title", year + " 年度企业研发投入后补助（压测 " + runId + "）").add("year", year)
                .add("opensAt", opens.toString()).add("closesAt", opens.plus(7, ChronoUnit.DAYS).toString())
                .add("budget", budget.value()).build(), reviewer);
        long id = call.getJsonNumber("id").longValue();
        api.post(200, "api/v1/bureau/calls/" + id + "/publication", Json.createObjectBuilder()
                .add("version", call.getJsonNumber("version").longValue()).build(), api.token("approver", DEMO_PASSWORD));
        log("call %d published: RD_INVESTMENT %d, budget %s, closes %s", id, year, budget.text(), opens.plus(7, ChronoUnit.DAYS));
        return id;
    }

    /** The rows under the header of the product's CSV template (UTF-8 with its BOM), as the bureau fills it in. */
    private static byte[] csv(List<Row> rows, byte[] template) {
        String header = new String(template, StandardCharsets.UTF_8).strip();
        StringBuilder s = new StringBuilder(rows.size() * 160).append(header).append("\r\n");
        int year = LocalDate.now(BUREAU_ZONE).getYear();
        for (Row r : rows) {
            s.append(r.uscc).append(',').append(r.name).append(',').append(year).append(',').append(r.tax.text())
                    .append(',').append(r.stat == null ? "" : r.stat.text()).append(',').append(r.prev.text())
                    .append(',').append(r.revenue.text()).append(',').append(r.patents).append(',')
                    .append(r.applications).append(',').append(r.rdStaff).append(',').append(r.staff).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest importRequest(long callId, byte[] csv, boolean dryRun, String token) {
        String boundary = "----innofund-import-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length + 512);
        BulkEvaluations.part(body, boundary, "file", "figures.csv", csv);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(api + "api/v1/calls/" + callId + "/exempt-imports?dryRun=" + dryRun))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private HttpRequest post(String path, String json, String token) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    // ---------------------------------------------------------------- checks

    /** Every row read, exactly the qualifying ones asked to confirm (the bands landed where the rules put them). */
    private void expectImport(String what, Timed t, boolean stored) {
        if (t.response().statusCode() != 200) {
            fail("import " + what + ": " + t.response().statusCode() + " " + abbreviate(t.response().body()));
            return;
        }
        JsonObject r = (JsonObject) Api.parse(t.response().body());
        if (r.getInt("rows") != enterprises + ineligible || r.getInt("qualifying") != enterprises
                || r.getBoolean("stored") != stored) {
            fail("import " + what + ": " + abbreviate(t.response().body()));
        }
    }

    /** 201, every enterprise a line (in the answer and in the table), pro-rata applied, the total within the budget. */
    private long expectRun(Connection db, int round, Timed t, Money budget) throws SQLException {
        if (t.response().statusCode() != 201) {
            throw new IllegalStateException("run " + round + ": " + t.response().statusCode() + " " + abbreviate(t.response().body()));
        }
        JsonObject run = (JsonObject) Api.parse(t.response().body());
        long id = run.getJsonNumber("id").longValue();
        BigDecimal total = run.getJsonNumber("total").bigDecimalValue();
        long stored = BulkEvaluations.single(db, "select count(*) from calculation_line where run_id = ?", id);
        long paid = BulkEvaluations.single(db, "select count(*) from calculation_line where run_id = ? and amount > 0", id);
        if (run.getInt("lines") != enterprises || stored != enterprises || total.compareTo(budget.value()) > 0
                || run.isNull("factor") || paid == 0) {
            fail("run " + round + ": " + stored + " lines stored (" + paid + " paid), answer "
                    + abbreviate(run.toString()) + ", budget " + budget.text());
        }
        return id;
    }

    /** 200, the totals and the counts covering every enterprise, band 1 at 7 % asking for more than at 6 %. */
    private void expectSandbox(int round, Timed t) {
        if (t.response().statusCode() != 200) {
            fail("sandbox " + round + ": " + t.response().statusCode() + " " + abbreviate(t.response().body()));
            return;
        }
        JsonObject s = (JsonObject) Api.parse(t.response().body());
        int counted = s.getJsonObject("counts").values().stream().mapToInt(v -> ((JsonNumber) v).intValue()).sum();
        BigDecimal before = s.getJsonObject("current").getJsonNumber("demand").bigDecimalValue();
        BigDecimal after = s.getJsonObject("proposed").getJsonNumber("demand").bigDecimalValue();
        if (s.getInt("lineCount") != enterprises || counted != enterprises || after.compareTo(before) <= 0
                || s.getJsonArray("lines").isEmpty() || s.get("buckets").getValueType() != JsonValue.ValueType.ARRAY) {
            fail("sandbox " + round + ": lineCount " + s.getInt("lineCount") + ", counts " + s.getJsonObject("counts")
                    + ", demand " + before + " -> " + after);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    // ---------------------------------------------------------------- SQL: confirmations, blacklist, the limit

    /**
     * 确认享受 for every request, by SQL: 10,000 registrations through the API would cost minutes of PBKDF2, and the API's
     * confirmation is ExemptImportIT's. Each enterprise registered as an organisation (no user) with the name the file
     * gave, and its request CONFIRMED with a bank account in that name, as V027's checks want a confirmed request.
     */
    private void confirmAll(Connection db, long callId) throws SQLException {
        Limit.inTransaction(db, () -> {
            try (PreparedStatement org = db.prepareStatement("insert into organisation (id, kind, name, uscc, created_at) "
                    + "select innofund_seq.nextval, 'ENTERPRISE', r.company_name, r.uscc, current_timestamp "
                    + "from confirmation_request r where r.call_id = ? and r.state = 'PENDING'");
                 PreparedStatement confirm = db.prepareStatement("update confirmation_request r set state = 'CONFIRMED', "
                         + "enterprise_id = (select o.id from organisation o where o.uscc = r.uscc), "
                         + "account_name = r.company_name, account_number = '622202' || lpad(to_char(r.source_row), 10, '0'), "
                         + "bank_name = '工商银行宁波分行', decided_by = 'bench-enterprise', decided_at = current_timestamp, "
                         + "version = version + 1 where r.call_id = ? and r.state = 'PENDING'")) {
                org.setLong(1, callId);
                org.executeUpdate();
                confirm.setLong(1, callId);
                confirm.executeUpdate();
            }
        });
    }

    /** Every hundredth confirmed enterprise on the integrity blacklist from yesterday for a year: ineligible in a run. */
    private static int blacklistSome(Connection db, long callId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into integrity_record (id, subject_kind, subject_uscc, "
                + "subject_name, reason, valid_from, valid_until, created_by, created_at) select innofund_seq.nextval, "
                + "'ENTERPRISE', r.uscc, r.company_name, '压测：严重失信', ?, ?, 'bench', current_timestamp "
                + "from confirmation_request r where r.call_id = ? and r.state = 'CONFIRMED' and mod(r.source_row, 100) = 0")) {
            LocalDate today = LocalDate.now(BUREAU_ZONE);
            ps.setDate(1, Date.valueOf(today.minusDays(1)));
            ps.setDate(2, Date.valueOf(today.plusYears(1)));
            ps.setLong(3, callId);
            return ps.executeUpdate();
        }
    }

    /** A run's rows as stored, column by column (not timed: the limit is the insert). */
    private static List<Object[]> lines(Connection db, long runId) throws SQLException {
        List<Object[]> lines = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select " + COLUMNS + " from calculation_line where run_id = ? "
                + "order by position")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[14];
                    for (int c = 0; c < 14; c++) {
                        row[c] = c >= 11 ? rs.getString(c + 1) : rs.getObject(c + 1);
                    }
                    lines.add(row);
                }
            }
        }
        return lines;
    }

    /** Shaped like calculation_line (V026: its columns, key and index; no foreign keys: a bench-only scratch table). */
    private static void createScratch(Connection db) throws SQLException {
        dropScratch(db);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE bench_limit_line (run_id NUMBER(19) NOT NULL, position NUMBER(9) NOT NULL, "
                    + "enterprise_id NUMBER(19), uscc VARCHAR2(18 CHAR) NOT NULL, name VARCHAR2(200 CHAR) NOT NULL, "
                    + "origin VARCHAR2(64 CHAR) NOT NULL, computable NUMBER(1) NOT NULL, eligible NUMBER(1) NOT NULL, "
                    + "kind_amount NUMBER(16, 2) NOT NULL, amount NUMBER(16, 2) NOT NULL, recovery NUMBER(16, 2) NOT NULL, "
                    + "inputs CLOB NOT NULL, reasons CLOB NOT NULL, steps CLOB NOT NULL, PRIMARY KEY (run_id, position))");
            s.execute("CREATE INDEX ix_bench_limit_line_ent ON bench_limit_line (enterprise_id)");
        }
    }

    private static void dropScratch(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_limit_line"); // bench-only scratch on H2, never a migration
        }
    }

    /** The limit: the same rows, same columns and values, one JDBC batch, one transaction; ms. Emptied afterwards. */
    private static double insert(Connection db, List<Object[]> lines) throws SQLException {
        long t = System.nanoTime();
        Limit.inTransaction(db, () -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO bench_limit_line (" + COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Object[] row : lines) {
                    for (int c = 0; c < row.length; c++) {
                        ps.setObject(c + 1, row[c]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        double millis = (System.nanoTime() - t) / 1e6;
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM bench_limit_line");
        }
        return millis;
    }

    // ---------------------------------------------------------------- the summary

    private void summary(int rows, int csvBytes, Money budget, BigDecimal demand, Timed dry, Timed stored,
                         List<Round> counted) throws IOException {
        double[] run = counted.stream().mapToDouble(r -> r.run.millis()).toArray();
        double[] runCpu = counted.stream().mapToDouble(r -> r.run.serverCpuMillis()).toArray();
        double[] limit = counted.stream().mapToDouble(Round::limitMillis).toArray();
        double[] limitTcp = counted.stream().mapToDouble(Round::limitTcpMillis).toArray();
        double[] ratio = counted.stream().mapToDouble(Round::ratio).toArray();
        double[] sandbox = counted.stream().mapToDouble(r -> r.sandbox.millis()).toArray();
        double[] sandboxCpu = counted.stream().mapToDouble(r -> r.sandbox.serverCpuMillis()).toArray();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "calculation run, run %s: RD_INVESTMENT call of %d enterprises confirmed "
                        + "(file of %d rows, %d bytes of CSV), budget %s against a demand of %s at import, %d rounds after "
                        + "one warm-up%n%s%n%n", runId, enterprises, rows, csvBytes, budget.text(), demand.toPlainString(),
                counted.size(), serverConfig));
        s.append("| measure | per round, ms | median, ms | server CPU per round, ms |\n|---|---|---|---|\n");
        s.append(String.format(Locale.ROOT, "| import, dry run | %.0f | | %.0f |%n", dry.millis(), dry.serverCpuMillis()));
        s.append(String.format(Locale.ROOT, "| import, store | %.0f | | %.0f |%n", stored.millis(), stored.serverCpuMillis()));
        s.append(String.format(Locale.ROOT, "| calculation run (POST, 201) | %s | %.0f | %s |%n",
                BulkEvaluations.join(run), BulkEvaluations.median(run), BulkEvaluations.join(runCpu)));
        s.append(String.format(Locale.ROOT, "| limit: JDBC batch insert, in-process H2 | %s | %.0f | |%n",
                BulkEvaluations.join(limit), BulkEvaluations.median(limit)));
        s.append(String.format(Locale.ROOT, "| (same insert over the AUTO_SERVER TCP connection) | %s | %.0f | |%n",
                BulkEvaluations.join(limitTcp), BulkEvaluations.median(limitTcp)));
        s.append(String.format(Locale.ROOT, "| policy sandbox (POST, 200) | %s | %.0f | %s |%n",
                BulkEvaluations.join(sandbox), BulkEvaluations.median(sandbox), BulkEvaluations.join(sandboxCpu)));
        double worstSandbox = java.util.Arrays.stream(sandbox).max().orElse(Double.NaN);
        s.append(String.format(Locale.ROOT, "%nrun / limit per round: %s; median %.2f, worst %.2f (target <= 3)%n",
                BulkEvaluations.join2(ratio), BulkEvaluations.median(ratio),
                java.util.Arrays.stream(ratio).max().orElse(Double.NaN)));
        s.append(String.format(Locale.ROOT, "sandbox: median %.0f ms, worst %.0f ms (target < 1000)%n",
                BulkEvaluations.median(sandbox), worstSandbox));
        s.append("CPU during each request (run | sandbox per round):\n");
        for (Round r : counted) {
            s.append("  ").append(r.run.machine()).append(" | ").append(r.sandbox.machine()).append('\n');
        }
        s.append(failures.isEmpty() ? "\nresult: PASSED (the import asked exactly the qualifying enterprises, every run "
                + "stored a line per enterprise with its total within the budget by pro-rata, every sandbox covered every "
                + "enterprise)\n" : "\nresult: FAILED\n  " + String.join("\n  ", failures) + "\n");
        System.out.print(s);
        Files.writeString(out.resolve("summary.txt"), s.toString());
        Files.writeString(out.resolve("log.txt"), log.toString());
    }
}
