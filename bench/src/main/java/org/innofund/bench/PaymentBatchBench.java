package org.innofund.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.innofund.bench.BulkEvaluations.Timed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The payment-batch benchmark (issue 13, BENCHMARKS.md). Setup, not measured: one RD_INVESTMENT call per round (the
 * warm-up's too), each published through the API with the figures of {@code --items} qualifying enterprises imported
 * through the API, the requests confirmed by SQL (as the calculation-run bench does), every enterprise given its first
 * payee account by SQL (its registered name, not held), the calls closed by the tests' clock, then per call a
 * calculation run and its approval through the API: {@code --items} payable items a call. Measured per round, on its
 * own call: the batch built of all the call's items (POST), submitted, approved by another user, the treasury file
 * exported (GET), the bank's result file marking every line PAID imported (multipart); and the limit: one raw JDBC
 * batch insert of as many ledger transactions with two entries each, one transaction, in-process, measured three times
 * a round (the median); and beside it the floors of build and import ({@link PaymentFloor}) in the same database.
 */
public final class PaymentBatchBench {

    private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String DEMO_PASSWORD = DeadlineRush.DEMO_PASSWORD;
    private static final String[] STEPS = {"build", "submit", "approve", "export", "import"};

    private final Api api;
    private final Path out;
    private final int items;
    private final int rounds;
    private final long serverPid;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final String serverConfig;
    private final String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    private final StringBuilder log = new StringBuilder();
    private final List<String> failures = new ArrayList<>();

    private PaymentBatchBench(Map<String, String> o) {
        api = new Api(o.getOrDefault("base", "http://127.0.0.1:8080/innofund/"), Duration.ofMinutes(10));
        out = Path.of(o.getOrDefault("out", "target/payment-batch"));
        items = Integer.parseInt(o.getOrDefault("items", "10000"));
        rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        jdbcUrl = o.get("jdbc-url");
        jdbcUser = o.getOrDefault("jdbc-user", "innofund");
        jdbcPassword = o.getOrDefault("jdbc-password", "");
        serverConfig = o.getOrDefault("server-config", "");
    }

    public static void main(String[] args) throws Exception {
        System.exit(new PaymentBatchBench(Options.parse(args)).run() ? 0 : 1);
    }

    private void log(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }

    private void fail(String what) {
        failures.add(what);
        log("FAILED %s", what);
    }

    /**
     * Waits until the server has made every certificate's signed PDF (issue 14: in the background after the decision
     * that issued them), so that no step is measured while that work shares the cores; logs how long it took.
     */
    private void documentsMade(Connection db, String what) throws SQLException, InterruptedException {
        long t = System.nanoTime();
        long total = BulkEvaluations.single(db, "select count(*) from certificate where signed_at is null and id > ?", 0);
        long left = total;
        while (left > 0 && System.nanoTime() - t < 900_000_000_000L) {
            Thread.sleep(500);
            left = BulkEvaluations.single(db, "select count(*) from certificate where signed_at is null and id > ?", 0);
        }
        log("%s: %d signed PDFs made in the background in %.1f s%s", what, total, (System.nanoTime() - t) / 1e9,
                left > 0 ? " (" + left + " still unmade after 15 minutes)" : "");
    }

    /** One round: the five steps in order, the limit in-process and over the AUTO_SERVER connection. */
    private record Round(Timed[] steps, double limitMillis, double limitTcpMillis, double buildFloor, double importFloor,
                         double buildFloorUnlocked, double importFloorUnlocked) {
        double total() {
            return Arrays.stream(steps).mapToDouble(Timed::millis).sum();
        }
    }

    private boolean run() throws Exception {
        Files.createDirectories(out);
        log("run %s: %d items a batch, %d rounds after one warm-up, against %s", runId, items, rounds, api);
        String reviewer = api.token("reviewer", DEMO_PASSWORD);
        String approver = api.token("approver", DEMO_PASSWORD);
        int year = LocalDate.now(BUREAU_ZONE).getYear();
        List<Long> calls = new ArrayList<>();
        String limitUrl = "jdbc:h2:file:" + out.toAbsolutePath().resolve("limit-db/limit")
                + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        List<Round> counted = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
             Connection limitDb = DriverManager.getConnection(limitUrl, "sa", "")) {
            // (1) setup: a call a round, its figures imported, its requests confirmed, its enterprises' accounts
            for (int c = 0; c <= rounds; c++) {
                long callId = publishedCall(reviewer, approver, year, c);
                byte[] csv = csv(c, api.getBytes("api/v1/calls/" + callId + "/exempt-imports/template?format=csv", reviewer));
                Timed stored = Timed.of(api, importRequest(callId, csv, reviewer), serverPid);
                JsonObject r = stored.response().statusCode() == 200 ? (JsonObject) Api.parse(stored.response().body()) : null;
                if (r == null || r.getInt("qualifying") != items || !r.getBoolean("stored")) {
                    throw new IllegalStateException("import into call " + callId + ": " + stored.response().statusCode()
                            + " " + abbreviate(stored.response().body()));
                }
                confirmAll(db, callId);
                int accounts = payeeAccounts(db, callId);
                log("call %d: %d rows imported in %.0f ms, confirmed by SQL, %d payee accounts by SQL", callId, items,
                        stored.millis(), accounts);
                calls.add(callId);
            }
            api.put("api/v1/test/clock", Json.createObjectBuilder().add("offset", "P8D").build(),
                    api.token("admin", DEMO_PASSWORD));
            reviewer = api.token("reviewer", DEMO_PASSWORD); // tokens expire by the server's clock
            approver = api.token("approver", DEMO_PASSWORD);
            String finance = api.token("finance", DEMO_PASSWORD);
            for (long callId : calls) {
                long t = System.nanoTime();
                JsonObject run = api.post(201, "api/v1/calls/" + callId + "/calculation-runs", null, reviewer);
                long runNo = run.getJsonNumber("id").longValue();
                long t1 = System.nanoTime();
                api.post(200, "api/v1/calculation-runs/" + runNo + "/approval", Json.createObjectBuilder()
                        .add("version", run.getJsonNumber("version").longValue()).build(), approver);
                long payable = BulkEvaluations.single(db, "select count(*) from payment_item where call_id = ? "
                        + "and state = 'PAYABLE'", callId);
                log("call %d: run %d in %.0f ms, approved in %.0f ms: %d payable items", callId, runNo,
                        (t1 - t) / 1e6, (System.nanoTime() - t1) / 1e6, payable);
                if (payable != items) {
                    throw new IllegalStateException("call " + callId + " has " + payable + " payable items, not " + items);
                }
                documentsMade(db, "the run's confirmations");
            }
            createScratch(limitDb);
            createScratch(db);
            PaymentFloor floor = new PaymentFloor(limitDb);
            floor.createScratch();
            // (2) one warm-up round on the first call, then a round a call
            for (int round = 0; round <= rounds; round++) {
                long callId = calls.get(round);
                Timed[] steps = batch(round, callId, finance, approver);
                // the limit on a quiet machine as the steps were: after the notices' PDFs (a core's work for minutes)
                documentsMade(db, "the batch's payment notices");
                List<Object[]> tx = transactions(db, callId);
                double limit = median(LIMIT_REPEATS, () -> insert(limitDb, tx));
                double limitTcp = median(LIMIT_REPEATS, () -> insert(db, tx));
                double[][] floors = new double[4][LIMIT_REPEATS];
                for (int i = 0; i < LIMIT_REPEATS; i++) {
                    for (int locked = 0; locked < 2; locked++) {
                        floor.prepare(items);
                        floors[2 * locked][i] = floor.build(items, locked == 0);
                        floors[2 * locked + 1][i] = floor.importResults(items, locked == 0);
                        floor.clear();
                    }
                }
                Round r = new Round(steps, limit, limitTcp, BulkEvaluations.median(floors[0]),
                        BulkEvaluations.median(floors[1]), BulkEvaluations.median(floors[2]),
                        BulkEvaluations.median(floors[3]));
                StringBuilder s = new StringBuilder();
                StringBuilder machine = new StringBuilder();
                for (int i = 0; i < STEPS.length; i++) {
                    s.append(String.format(Locale.ROOT, "%s %.0f ms (cpu %.0f, x%.2f), ", STEPS[i], steps[i].millis(),
                            steps[i].serverCpuMillis(), steps[i].millis() / limit));
                    machine.append(i == 0 ? "" : " | ").append(steps[i].machine());
                }
                log("%s (call %d): %slimit %.0f ms (over TCP %.0f ms), floors: build %.0f ms (x%.2f), import %.0f ms (x%.2f);"
                                + " without the row locks: build %.0f ms (x%.2f), import %.0f ms (x%.2f)  [%s]",
                        round == 0 ? "warm-up" : "round " + round, callId, s, limit, limitTcp,
                        r.buildFloor(), r.buildFloor() / limit, r.importFloor(), r.importFloor() / limit,
                        r.buildFloorUnlocked(), r.buildFloorUnlocked() / limit, r.importFloorUnlocked(),
                        r.importFloorUnlocked() / limit, machine);
                if (round > 0) {
                    counted.add(r);
                }
            }
            dropScratch(limitDb);
            dropScratch(db);
            floor.dropScratch();
            api.put("api/v1/test/clock", Json.createObjectBuilder().add("offset", "PT0S").build(),
                    api.token("admin", DEMO_PASSWORD));
        }
        summary(counted);
        return failures.isEmpty();
    }

    // ---------------------------------------------------------------- the measured steps

    /** Build, submit, approve, export, import results: each timed, each answer checked. */
    private Timed[] batch(int round, long callId, String finance, String approver) {
        String what = (round == 0 ? "warm-up" : "round " + round) + ": ";
        Timed build = timed(post("api/v1/payment-batches", "{\"callId\": " + callId + "}", finance));
        JsonObject built = expect(what + "build", build, 201);
        JsonObject batch = built.getJsonObject("batch");
        long id = batch.getJsonNumber("id").longValue();
        if (built.getInt("added") != items || !built.getJsonArray("blocked").isEmpty() || batch.getInt("lineCount") != items) {
            fail(what + "build: added " + built.getInt("added") + ", blocked " + built.getJsonArray("blocked").size());
        }
        Timed submit = timed(post("api/v1/payment-batches/" + id + "/submit", version(batch), finance));
        batch = expect(what + "submit", submit, 200);
        Timed approve = timed(post("api/v1/payment-batches/" + id + "/approve", version(batch), approver));
        batch = expect(what + "approve", approve, 200);
        if (!"APPROVED".equals(batch.getString("state"))) {
            fail(what + "approve: state " + batch.getString("state"));
        }
        Timed export = timed(HttpRequest.newBuilder(URI.create(api + "api/v1/payment-batches/" + id + "/treasury-file?version="
                + batch.getJsonNumber("version").longValue())).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + finance).GET().build());
        if (export.response().statusCode() != 200) {
            throw new IllegalStateException(what + "export: " + export.response().statusCode() + " "
                    + abbreviate(export.response().body()));
        }
        String lines = export.response().headers().firstValue("X-Payment-Lines").orElse("");
        String blocked = export.response().headers().firstValue("X-Blocked-Items").orElse("");
        List<String> references = itemReferences(export.response().body());
        if (!lines.equals(String.valueOf(items)) || !blocked.isEmpty() || references.size() != items) {
            fail(what + "export: X-Payment-Lines " + lines + ", X-Blocked-Items " + abbreviate(blocked) + ", "
                    + references.size() + " lines in the file");
        }
        long version = api.getJson("api/v1/payment-batches/" + id + "?size=1", finance).getJsonObject("batch")
                .getJsonNumber("version").longValue(); // the file's answer does not carry the version (not timed)
        Timed imported = timed(resultFile(id, version, bankFile(references, id), finance));
        JsonObject result = expect(what + "import", imported, 200);
        if (result.getInt("paid") != items || !result.getBoolean("stored")
                || !"CLOSED".equals(result.getJsonObject("batch").getString("state"))) {
            fail(what + "import: " + abbreviate(result.toString()));
        }
        return new Timed[] {build, submit, approve, export, imported};
    }

    private Timed timed(HttpRequest request) {
        return Timed.of(api, request, serverPid);
    }

    private JsonObject expect(String what, Timed t, int status) {
        if (t.response().statusCode() != status) {
            throw new IllegalStateException(what + ": " + t.response().statusCode() + " " + abbreviate(t.response().body()));
        }
        return (JsonObject) Api.parse(t.response().body());
    }

    private static String version(JsonObject batch) {
        return "{\"version\": " + batch.getJsonNumber("version").longValue() + "}";
    }

    /** The treasury file's item references (PI...), in its order; the header and the control line left out. */
    private static List<String> itemReferences(String file) {
        List<String> refs = new ArrayList<>();
        for (String line : file.split("\r\n")) {
            String[] cells = line.split(",", -1);
            if (cells.length > 1 && cells[1].startsWith("PI")) {
                refs.add(cells[1]);
            }
        }
        return refs;
    }

    /** The bank's answer to the file: every line PAID today (the real date: never after the server's). */
    private static byte[] bankFile(List<String> references, long batchId) {
        String today = LocalDate.now(BUREAU_ZONE).toString();
        StringBuilder s = new StringBuilder(references.size() * 48).append("明细号,结果,银行流水号,支付日期,原因\r\n");
        int n = 0;
        for (String ref : references) {
            s.append(ref).append(",PAID,B").append(batchId).append('-').append(++n).append(',').append(today).append(",\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest resultFile(long batchId, long version, byte[] csv, String token) {
        String boundary = "----innofund-results-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n" + version + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        BulkEvaluations.part(body, boundary, "file", "results.csv", csv);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(api + "api/v1/payment-batches/" + batchId + "/result-file"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private HttpRequest post(String path, String json, String token) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    // ---------------------------------------------------------------- setup (not measured)

    /** The reviewer's program and call (open now, closing in a week, a budget above the demand); the approver publishes. */
    private long publishedCall(String reviewer, String approver, int year, int n) {
        long program = api.post(201, "api/v1/bureau/programs", Json.createObjectBuilder()
                .add("name", "拨付批次压测 " + runId + "-" + n).add("subsidyKind", "RD_INVESTMENT").add("department", "高新技术科")
                .build(), reviewer).getJsonNumber("id").longValue();
        Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.MINUTES);
        JsonObject call = api.post(201, "api/v1/bureau/calls", Json.createObjectBuilder().add("programId", program)
                .add("title", year + " 年度研发投入后补助（拨付压测 " + runId + "-" + n + "）").add("year", year)
                .add("opensAt", opens.toString()).add("closesAt", opens.plus(7, ChronoUnit.DAYS).toString())
                .add("budget", new java.math.BigDecimal("10000000000.00")).build(), reviewer);
        long id = call.getJsonNumber("id").longValue();
        api.post(200, "api/v1/bureau/calls/" + id + "/publication", Json.createObjectBuilder()
                .add("version", call.getJsonNumber("version").longValue()).build(), approver);
        return id;
    }

    /** Every row qualifies (growth 30 %, intensity 5 %, R&D staff a quarter): a line with an amount each. */
    private byte[] csv(int call, byte[] template) {
        String header = new String(template, StandardCharsets.UTF_8).strip();
        StringBuilder s = new StringBuilder(items * 160).append(header).append("\r\n");
        int year = LocalDate.now(BUREAU_ZONE).getYear();
        for (int i = 0; i < items; i++) {
            long e1 = (2_000_000L + i * 7_919L % 10_000_000L) * 100 + i % 100;
            int staff = 50 + i % 20 * 10;
            s.append(Uscc.of(Long.parseLong(runId, 36) * 1_000_000 + call * 100_000L + i)).append(",拨付压测企业 ")
                    .append(runId).append('-').append(call).append('-').append(i).append(',').append(year).append(',')
                    .append(fen(e1)).append(',').append(fen(e1 + 500_000_00L)).append(',').append(fen(e1 * 100 / 130))
                    .append(',').append(fen(e1 * 20)).append(',').append(1 + i % 5).append(',').append(1 + i % 3)
                    .append(',').append(staff / 4).append(',').append(staff).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String fen(long fen) {
        return String.format(Locale.ROOT, "%d.%02d", fen / 100, fen % 100);
    }

    private HttpRequest importRequest(long callId, byte[] csv, String token) {
        String boundary = "----innofund-import-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length + 512);
        BulkEvaluations.part(body, boundary, "file", "figures.csv", csv);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(api + "api/v1/calls/" + callId + "/exempt-imports?dryRun=false"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /** 确认享受 by SQL, as the calculation-run bench does: each enterprise an organisation, its request CONFIRMED. */
    private static void confirmAll(Connection db, long callId) throws SQLException {
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

    /**
     * Each confirmed enterprise's first payee account (V033), by SQL: in its registered name, current, replacing none
     * (so not held). Through the API it would take a login per enterprise.
     */
    private static int payeeAccounts(Connection db, long callId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into payee_account (id, enterprise_id, current_of, "
                + "account_name, account_number, bank_name, branch_name, changed_by, changed_at, created_at) "
                + "select innofund_seq.nextval, o.id, o.id, o.name, '622202' || lpad(to_char(r.source_row), 10, '0'), "
                + "'中国工商银行', '宁波分行营业部', 'bench-enterprise', current_timestamp, current_timestamp "
                + "from confirmation_request r join organisation o on o.id = r.enterprise_id "
                + "where r.call_id = ? and r.state = 'CONFIRMED'")) {
            ps.setLong(1, callId);
            return ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- the limit

    /** The call's PAYMENT transactions as the import posted them (not timed: the limit is the insert). */
    private static List<Object[]> transactions(Connection db, long callId) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select t.id, t.call_id, t.reference, t.recorded_by, t.recorded_at, "
                + "e.amount_fen from ledger_transaction t join ledger_entry e on e.transaction_id = t.id "
                + "and e.account = 'PAID' where t.call_id = ? and t.kind = 'PAYMENT' order by t.id")) {
            ps.setLong(1, callId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5), rs.getLong(6)});
                }
            }
        }
        return rows;
    }

    /** Shaped like ledger_transaction and ledger_entry (V031: columns, keys, indexes, the entry's FK to its transaction). */
    private static void createScratch(Connection db) throws SQLException {
        dropScratch(db);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE bench_limit_tx (id NUMBER(19) NOT NULL, call_id NUMBER(19) NOT NULL, "
                    + "kind VARCHAR2(16 CHAR) NOT NULL, reference VARCHAR2(64 CHAR) NOT NULL, reason VARCHAR2(1000 CHAR), "
                    + "reverses_id NUMBER(19), recorded_by VARCHAR2(64 CHAR) NOT NULL, recorded_at TIMESTAMP(6) NOT NULL, "
                    + "created_at TIMESTAMP(6) NOT NULL, version NUMBER(19) DEFAULT 0 NOT NULL, PRIMARY KEY (id), "
                    + "UNIQUE (reverses_id))");
            s.execute("CREATE INDEX ix_bench_limit_tx_call ON bench_limit_tx (call_id, kind)");
            s.execute("CREATE INDEX ix_bench_limit_tx_ref ON bench_limit_tx (reference)");
            s.execute("CREATE TABLE bench_limit_entry (transaction_id NUMBER(19) NOT NULL, position NUMBER(3) NOT NULL, "
                    + "call_id NUMBER(19) NOT NULL, account VARCHAR2(16 CHAR) NOT NULL, amount_fen NUMBER(19) NOT NULL, "
                    + "PRIMARY KEY (transaction_id, position), FOREIGN KEY (transaction_id) REFERENCES bench_limit_tx (id))");
            s.execute("CREATE INDEX ix_bench_limit_entry_bal ON bench_limit_entry (call_id, account, amount_fen)");
        }
    }

    private static void dropScratch(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_limit_entry"); // bench-only scratch on H2, never a migration
            s.execute("DROP TABLE IF EXISTS bench_limit_tx");
        }
    }

    /** The limit is measured this many times a round, and its median taken: one measurement varied by half. */
    private static final int LIMIT_REPEATS = 3;

    private interface Measured {
        double millis() throws SQLException;
    }

    private static double median(int times, Measured measured) throws SQLException {
        double[] m = new double[times];
        for (int i = 0; i < times; i++) {
            m[i] = measured.millis();
        }
        return BulkEvaluations.median(m);
    }

    /** The limit: the transactions and their two entries each, two JDBC batches, one transaction; ms. Emptied after. */
    private static double insert(Connection db, List<Object[]> tx) throws SQLException {
        long t = System.nanoTime();
        Limit.inTransaction(db, () -> {
            try (PreparedStatement pt = db.prepareStatement("INSERT INTO bench_limit_tx (id, call_id, kind, reference, "
                    + "recorded_by, recorded_at, created_at) VALUES (?, ?, 'PAYMENT', ?, ?, ?, ?)");
                 PreparedStatement pe = db.prepareStatement("INSERT INTO bench_limit_entry (transaction_id, position, "
                         + "call_id, account, amount_fen) VALUES (?, ?, ?, ?, ?)")) {
                Timestamp now = new Timestamp(System.currentTimeMillis());
                for (Object[] r : tx) {
                    pt.setLong(1, (Long) r[0]);
                    pt.setLong(2, (Long) r[1]);
                    pt.setString(3, (String) r[2]);
                    pt.setString(4, (String) r[3]);
                    pt.setTimestamp(5, (Timestamp) r[4]);
                    pt.setTimestamp(6, now);
                    pt.addBatch();
                    for (int p = 0; p < 2; p++) {
                        pe.setLong(1, (Long) r[0]);
                        pe.setInt(2, p);
                        pe.setLong(3, (Long) r[1]);
                        pe.setString(4, p == 0 ? "COMMITTED" : "PAID");
                        pe.setLong(5, p == 0 ? -(Long) r[5] : (Long) r[5]);
                        pe.addBatch();
                    }
                }
                pt.executeBatch();
                pe.executeBatch();
            }
        });
        double millis = (System.nanoTime() - t) / 1e6;
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM bench_limit_entry");
            s.execute("DELETE FROM bench_limit_tx");
        }
        return millis;
    }

    // ---------------------------------------------------------------- the summary

    private static void floorRow(StringBuilder s, List<Round> counted, String name,
                                 java.util.function.ToDoubleFunction<Round> floor) {
        double[] ms = counted.stream().mapToDouble(floor).toArray();
        double[] ratio = counted.stream().mapToDouble(r -> floor.applyAsDouble(r) / r.limitMillis).toArray();
        s.append(String.format(Locale.ROOT, "| %s | %s | %.0f | | %s | %.2f |%n", name, BulkEvaluations.join(ms),
                BulkEvaluations.median(ms), BulkEvaluations.join2(ratio), BulkEvaluations.median(ratio)));
    }

    private void summary(List<Round> counted) throws IOException {
        double[] limit = counted.stream().mapToDouble(Round::limitMillis).toArray();
        double[] limitTcp = counted.stream().mapToDouble(Round::limitTcpMillis).toArray();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "payment batch, run %s: %d items a batch, %d rounds after one warm-up%n%s%n%n",
                runId, items, counted.size(), serverConfig));
        s.append("| step | per round, ms | median, ms | server CPU per round, ms | step / limit per round | median ratio |\n"
                + "|---|---|---|---|---|---|\n");
        for (int i = 0; i < STEPS.length; i++) {
            int k = i;
            double[] ms = counted.stream().mapToDouble(r -> r.steps[k].millis()).toArray();
            double[] cpu = counted.stream().mapToDouble(r -> r.steps[k].serverCpuMillis()).toArray();
            double[] ratio = counted.stream().mapToDouble(r -> r.steps[k].millis() / r.limitMillis).toArray();
            s.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %s | %s | %.2f |%n", STEPS[i], BulkEvaluations.join(ms),
                    BulkEvaluations.median(ms), BulkEvaluations.join(cpu), BulkEvaluations.join2(ratio),
                    BulkEvaluations.median(ratio)));
        }
        double[] total = counted.stream().mapToDouble(Round::total).toArray();
        double[] totalRatio = counted.stream().mapToDouble(r -> r.total() / r.limitMillis).toArray();
        s.append(String.format(Locale.ROOT, "| all five | %s | %.0f | | %s | %.2f |%n", BulkEvaluations.join(total),
                BulkEvaluations.median(total), BulkEvaluations.join2(totalRatio), BulkEvaluations.median(totalRatio)));
        s.append(String.format(Locale.ROOT, "| limit: JDBC batch insert, in-process H2 | %s | %.0f | | | |%n",
                BulkEvaluations.join(limit), BulkEvaluations.median(limit)));
        s.append(String.format(Locale.ROOT, "| (same insert over the AUTO_SERVER TCP connection) | %s | %.0f | | | |%n",
                BulkEvaluations.join(limitTcp), BulkEvaluations.median(limitTcp)));
        floorRow(s, counted, "floor of build: its row changes alone, raw JDBC, in the limit's database", Round::buildFloor);
        floorRow(s, counted, "floor of import: its row changes alone, raw JDBC, in the limit's database", Round::importFloor);
        floorRow(s, counted, "floor of build without the items' row locks", Round::buildFloorUnlocked);
        floorRow(s, counted, "floor of import without the items' row locks", Round::importFloorUnlocked);
        s.append("\nCPU during each step (build | submit | approve | export | import), per round:\n");
        for (Round r : counted) {
            s.append("  ").append(String.join(" | ", Arrays.stream(r.steps).map(Timed::machine).toList())).append('\n');
        }
        s.append(failures.isEmpty() ? "\nresult: PASSED (every batch took all items, none blocked, every file had every "
                + "line, every line was recorded PAID and the batch CLOSED)\n" : "\nresult: FAILED\n  "
                + String.join("\n  ", failures) + "\n");
        System.out.print(s);
        Files.writeString(out.resolve("summary.txt"), s.toString());
        Files.writeString(out.resolve("log.txt"), log.toString());
    }
}
