package org.innofund.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk evaluation upload benchmark (issue 10, BENCHMARKS.md): 1,000 accepted declarations assigned to one agency
 * and declared free of conflict (seeded through the API), then, per round, the agency's template filled in (5 experts
 * each, 5,000 rows) with 1,000 report PDFs, sent in uploads of {@code --per-upload} evaluations (250 by default: the
 * product takes at most 64 MB of reports a batch), each uploaded as a dry run (validation), as a refusal (one bad last
 * row) and for real (store); a round's figures are its uploads' sums, and its stores are undone by SQL before the next. In the same round the limit: POI streaming read of the workbook,
 * SHA-256 of the PDFs and a raw JDBC batch insert of the same rows and bytes into scratch tables of the same database.
 */
public final class BulkEvaluations {

    private static final String PASSWORD = "Bench-Passw0rd!";
    private static final Pattern WEIGHT = Pattern.compile(".*\\((\\d+)\\)");
    private static final int EXPERTS = 5;

    private final Api api;
    private final Path out;
    private final int count;
    private final int reportBytes;
    private final int rounds;
    private final int perUpload;
    private final int setupThreads;
    private final long serverPid;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final String serverConfig;
    private final String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    private final StringBuilder log = new StringBuilder();

    private BulkEvaluations(Map<String, String> o) {
        api = new Api(o.getOrDefault("base", "http://127.0.0.1:8080/innofund/"), Duration.ofMinutes(15));
        out = Path.of(o.getOrDefault("out", "target/bulk-evaluations"));
        count = Integer.parseInt(o.getOrDefault("evaluations", "1000"));
        reportBytes = Integer.parseInt(o.getOrDefault("report-bytes", "204800"));
        rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        perUpload = Integer.parseInt(o.getOrDefault("per-upload", "250"));
        setupThreads = Integer.parseInt(o.getOrDefault("setup-threads", "4"));
        serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        jdbcUrl = o.get("jdbc-url");
        jdbcUser = o.getOrDefault("jdbc-user", "innofund");
        jdbcPassword = o.getOrDefault("jdbc-password", "");
        serverConfig = o.getOrDefault("server-config", "");
    }

    public static void main(String[] args) throws Exception {
        System.exit(new BulkEvaluations(Options.parse(args)).run() ? 0 : 1);
    }

    private void log(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }

    /** One timed request: wall milliseconds and the server's CPU ticks (Payara's JVM, the database inside it). */
    record Timed(double millis, double serverCpuMillis, String machine, HttpResponse<String> response) {

        /** Sends the request, timed on this client, with the server JVM's CPU ticks around it. */
        static Timed of(Api api, HttpRequest request, long serverPid) {
            CpuSample before = CpuSample.now(serverPid);
            long t = System.nanoTime();
            HttpResponse<String> r = api.send(request);
            double millis = (System.nanoTime() - t) / 1e6;
            CpuSample after = CpuSample.now(serverPid);
            return new Timed(millis, (after.server() - before.server()) * 10.0, CpuSample.describe(before, after), r);
        }

        /** A round's uploads as one: their times and CPU added up. */
        static Timed sum(List<Timed> uploads) {
            return new Timed(uploads.stream().mapToDouble(Timed::millis).sum(),
                    uploads.stream().mapToDouble(Timed::serverCpuMillis).sum(),
                    String.join(" + ", uploads.stream().map(Timed::machine).toList()), uploads.get(uploads.size() - 1).response);
        }
    }

    private boolean run() throws Exception {
        Files.createDirectories(out);
        log("run %s: %d evaluations x %d experts, reports of %d bytes, %d rounds, against %s", runId, count, EXPERTS,
                reportBytes, rounds, api);
        long t = System.nanoTime();
        Seeded seeded = seed();
        log("seeding done in %.1f s (agency %d)", (System.nanoTime() - t) / 1e9, seeded.agencyId);

        seededToken = seeded.token;
        List<Long> ids = seeded.assignments.stream().sorted().toList();
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        for (long id : ids) {
            pdfs.put(id + ".pdf", Pdfs.pdf(reportBytes, 5000L + id));
        }
        List<List<Long>> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += perUpload) {
            parts.add(ids.subList(i, Math.min(ids.size(), i + perUpload)));
        }
        log("%d uploads of at most %d evaluations (%d bytes of reports each at most; the product takes 64 MB a batch)",
                parts.size(), perUpload, (long) perUpload * reportBytes);

        List<Timed> dry = new ArrayList<>();
        List<Timed> refused = new ArrayList<>();
        List<Timed> stored = new ArrayList<>();
        List<double[]> limits = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int rows = 0;
        long workbookBytes = 0;
        // the limit's inserts go to an H2 file database of its own, in this JVM, with the product's durable commits
        // (WRITE_DELAY=0): in-process like the product's own writes, not over the AUTO_SERVER TCP connection
        String limitUrl = "jdbc:h2:file:" + out.toAbsolutePath().resolve("limit-db/limit")
                + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
             Connection limitDb = DriverManager.getConnection(limitUrl, "sa", "")) {
            new Limit(limitDb, new byte[0], Map.of(), 0).createScratch();
            for (int round = 1; round <= rounds; round++) {
                // a fresh template each round: it carries each assignment's version, which the reset below raises
                byte[] template = api.getBytes("api/v1/evaluations/batch/template", seeded.token);
                List<Timed> roundDry = new ArrayList<>();
                List<Timed> roundRefused = new ArrayList<>();
                List<Timed> roundStored = new ArrayList<>();
                double[] roundLimit = new double[4];
                rows = 0;
                workbookBytes = 0;
                int before = 0;
                for (List<Long> part : parts) {
                    Filled good = filled(template, part, false);
                    Filled bad = filled(template, part, true);
                    Map<String, byte[]> partPdfs = new LinkedHashMap<>();
                    part.forEach(id -> partPdfs.put(id + ".pdf", pdfs.get(id + ".pdf")));
                    Timed d = upload(body(good.xlsx, partPdfs), true);
                    expect(failures, "dry run " + round, d, 200, "\"accepted\":" + part.size());
                    Timed r = upload(body(bad.xlsx, partPdfs), false);
                    expect(failures, "refusal " + round, r, 422, "\"row\":" + (good.rows + 1));
                    expect(failures, "nothing stored after refusal " + round, submitted(db, seeded.agencyId), before);
                    Timed st = upload(body(good.xlsx, partPdfs), false);
                    expect(failures, "store " + round, st, 200, "\"stored\":true");
                    before += part.size();
                    expect(failures, "stored " + round, submitted(db, seeded.agencyId), before);
                    expect(failures, "reports stored " + round, reports(db, seeded.agencyId), before);
                    Limit limit = new Limit(limitDb, good.xlsx, partPdfs, good.rows);
                    double[] l = limit.measure();
                    limit.clearScratch();
                    for (int i = 0; i < 4; i++) {
                        roundLimit[i] += l[i];
                    }
                    roundDry.add(d);
                    roundRefused.add(r);
                    roundStored.add(st);
                    rows += good.rows;
                    workbookBytes += good.xlsx.length;
                }
                Timed d = Timed.sum(roundDry);
                Timed r = Timed.sum(roundRefused);
                Timed st = Timed.sum(roundStored);
                dry.add(d);
                refused.add(r);
                stored.add(st);
                limits.add(roundLimit);
                log("round %d: dry %.0f ms (cpu %.0f ms), refusal %.0f ms (cpu %.0f ms), store %.0f ms (cpu %.0f ms), "
                                + "limit %.0f ms (read %.0f + sha %.0f + insert %.0f)  [%s | %s | %s]",
                        round, d.millis, d.serverCpuMillis, r.millis, r.serverCpuMillis, st.millis, st.serverCpuMillis,
                        roundLimit[3], roundLimit[0], roundLimit[1], roundLimit[2], d.machine, r.machine, st.machine);
                reset(db, seeded.agencyId);
            }
            new Limit(limitDb, new byte[0], Map.of(), 0).dropScratch();
        }
        summary(rows, workbookBytes, parts.size(), pdfs, dry, refused, stored, limits, failures);
        return failures.isEmpty();
    }

    private void expect(List<String> failures, String what, Timed t, int status, String contains) {
        if (t.response.statusCode() != status || !t.response.body().replace(" ", "").contains(contains)) {
            String body = t.response.body();
            failures.add(what + ": " + t.response.statusCode() + " " + (body.length() > 600 ? body.substring(0, 600) : body));
            log("FAILED %s", failures.get(failures.size() - 1));
        }
    }

    private void expect(List<String> failures, String what, long actual, long expected) {
        if (actual != expected) {
            failures.add(what + ": " + actual + " instead of " + expected);
            log("FAILED %s", failures.get(failures.size() - 1));
        }
    }

    // ---------------------------------------------------------------- seeding (through the API, not measured)

    private record Seeded(long agencyId, String token, List<Long> assignments) {
    }

    /**
     * The agency (an organisation row, as the admin's registration writes it; its user through the admin API), then
     * {@code count} enterprises each registering, filling and submitting one declaration that the reviewer accepts,
     * all assigned to the agency at once and declared free of conflict one by one, as the agency's users would.
     */
    private Seeded seed() throws Exception {
        long agencyId = agency();
        String agencyUser = "bulk-agency-" + runId;
        api.post(201, "api/v1/admin/users", Json.createObjectBuilder().add("username", agencyUser)
                .add("displayName", "评估员").add("role", "AGENCY").add("organisationId", agencyId).add("password", PASSWORD)
                .build(), api.token("admin", DeadlineRush.DEMO_PASSWORD));
        String agencyToken = api.token(agencyUser, PASSWORD);
        String reviewer = api.token("reviewer", DeadlineRush.DEMO_PASSWORD);
        long callId = DeadlineRush.preApprovedCall(api);

        byte[] licence = Pdfs.pdf(1000, 0);
        byte[] report = Pdfs.pdf(2000, 1);
        AtomicInteger done = new AtomicInteger();
        List<Callable<Long>> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            work.add(() -> {
                long id = accepted(index, callId, licence, report, reviewer);
                int n = done.incrementAndGet();
                if (n % 100 == 0) {
                    log("  %d/%d declarations accepted", n, count);
                }
                return id;
            });
        }
        List<Long> declarations = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(setupThreads);
        try {
            for (Future<Long> f : pool.invokeAll(work)) {
                declarations.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<JsonObject> assigned = new ArrayList<>();
        for (int i = 0; i < declarations.size(); i += 200) {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            declarations.subList(i, Math.min(declarations.size(), i + 200)).forEach(ids::add);
            HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(api + "api/v1/assignments"))
                    .header("Authorization", "Bearer " + reviewer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("declarationIds", ids)
                            .add("stage", "APPROVAL").add("agencyId", agencyId)
                            .add("dueOn", LocalDate.now().plusDays(30).toString()).build().toString())).build());
            if (r.statusCode() != 200) {
                throw new Api.Failure("POST api/v1/assignments", r.statusCode(), r.body());
            }
            ((JsonArray) Api.parse(r.body())).getValuesAs(JsonObject.class).forEach(assigned::add);
        }
        List<Long> assignments = new ArrayList<>();
        for (JsonObject a : assigned) {
            long id = a.getJsonNumber("id").longValue();
            api.post(200, "api/v1/assignments/" + id + "/conflict-declaration", Json.createObjectBuilder()
                    .add("version", a.getJsonNumber("version").longValue()).add("conflict", false).build(), agencyToken);
            assignments.add(id);
        }
        log("  %d assignments declared free of conflict", assignments.size());
        return new Seeded(agencyId, agencyToken, assignments);
    }

    /** The agency's organisation: there is no API for it on this branch (the admin's registration is another part). */
    private long agency() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
            long id;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select innofund_seq.nextval from dual")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into organisation (id, kind, name, uscc, created_at) "
                    + "values (?, 'AGENCY', ?, ?, current_timestamp)")) {
                ps.setLong(1, id);
                ps.setString(2, "压测评估机构 " + runId);
                ps.setString(3, Uscc.of(Long.parseLong(runId, 36) * 10_000 + 9_999));
                ps.executeUpdate();
            }
            return id;
        }
    }

    private long accepted(int index, long callId, byte[] licence, byte[] report, String reviewer) {
        String username = "bulk-" + runId + "-" + index;
        api.post(201, "api/v1/registrations", Json.createObjectBuilder()
                .add("companyName", "批量评估压测企业 " + runId + "-" + index).add("uscc", Uscc.of(Long.parseLong(runId, 36) * 10_000 + index))
                .add("contactName", "联系人").add("contactPhone", "0574-12345678")
                .add("username", username).add("password", PASSWORD).build(), null);
        String token = api.token(username, PASSWORD);
        JsonObject d = api.post(201, "api/v1/declarations", Json.createObjectBuilder().add("callId", callId).build(), token);
        long id = d.getJsonObject("summary").getJsonNumber("id").longValue();
        d = api.put("api/v1/declarations/" + id, Json.createObjectBuilder()
                .add("version", d.getJsonObject("summary").getJsonNumber("version").longValue())
                .add("content", DeadlineRush.content(index)).build(), token);
        for (Api.Multipart m : List.of(Api.multipart(DeadlineRush.LICENCE, "营业执照.pdf", licence),
                Api.multipart(DeadlineRush.REPORT, "可行性研究报告.pdf", report))) {
            HttpResponse<String> r = api.upload(id, m, token);
            if (r.statusCode() != 201) {
                throw new Api.Failure("upload", r.statusCode(), r.body());
            }
        }
        d = api.getJson("api/v1/declarations/" + id, token);
        HttpResponse<String> s = api.submit(id, d.getJsonObject("summary").getJsonNumber("version").longValue(), token);
        if (s.statusCode() != 200) {
            throw new Api.Failure("submit", s.statusCode(), s.body());
        }
        long version = ((JsonObject) Api.parse(s.body())).getJsonObject("summary").getJsonNumber("version").longValue();
        api.post(200, "api/v1/review/declarations/" + id + "/acceptance",
                Json.createObjectBuilder().add("version", version).build(), reviewer);
        return id;
    }

    // ---------------------------------------------------------------- the workbook and the upload

    private record Filled(byte[] xlsx, int rows) {
    }

    /**
     * The template's rows of one part's assignments (the template lists them in id order, so a part's rows are one
     * block) filled in as EvaluationBatchIT fills them: 5 experts per assignment (the pre-filled rows), each indicator
     * at 80 % of its weight (the third expert 70 %), 建议立项 with 1,000 yuan, the report named "id.pdf". With
     * {@code badLastRow}, the last row's first indicator is above its weight.
     */
    private static Filled filled(byte[] template, List<Long> part, boolean badLastRow) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet data = wb.getSheet("评分表");
            Row header = data.getRow(0);
            List<Integer> weights = new ArrayList<>();
            int verdict = -1;
            for (int c = 7; c < header.getLastCellNum(); c++) {
                String h = header.getCell(c).getStringCellValue();
                Matcher m = WEIGHT.matcher(h);
                if (m.matches()) {
                    weights.add(Integer.parseInt(m.group(1)));
                } else if (h.equals("评估结论")) {
                    verdict = c;
                }
            }
            int first = -1;
            int lastKept = -1;
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                if (part.contains((long) data.getRow(r).getCell(0).getNumericCellValue())) {
                    if (first < 0) {
                        first = r;
                    } else if (lastKept != r - 1) {
                        throw new IllegalStateException("the template does not list the part's assignments together");
                    }
                    lastKept = r;
                }
            }
            for (int r = data.getLastRowNum(); r >= 1; r--) {
                if (r < first || r > lastKept) {
                    data.removeRow(data.getRow(r));
                }
            }
            if (first > 1) {
                data.shiftRows(first, lastKept, 1 - first);
            }
            int last = lastKept - first + 1;
            Long previous = null;
            int expert = 0;
            for (int r = 1; r <= last; r++) {
                Row row = data.getRow(r);
                long id = (long) row.getCell(0).getNumericCellValue();
                expert = Long.valueOf(id).equals(previous) ? expert + 1 : 1;
                previous = id;
                row.getCell(4).setCellValue("专家" + expert);
                row.getCell(5).setCellValue("研究员");
                row.getCell(6).setCellValue("研究院");
                for (int i = 0; i < weights.size(); i++) {
                    row.getCell(7 + i).setCellValue(weights.get(i) * (expert == 3 ? 0.7 : 0.8));
                }
                if (expert == 1) {
                    row.getCell(verdict).setCellValue("建议立项");
                    row.getCell(verdict + 1).setCellValue(1000);
                    row.getCell(verdict + 3).setCellValue("同意立项。");
                    row.getCell(verdict + 4).setCellValue(id + ".pdf");
                }
            }
            if (badLastRow) {
                data.getRow(last).getCell(7).setCellValue(weights.get(0) + 1);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return new Filled(out.toByteArray(), last);
        }
    }

    /** multipart/form-data: the workbook, then each report as a part "files" (several PDFs, not a ZIP). */
    private static Api.Multipart body(byte[] xlsx, Map<String, byte[]> pdfs) {
        String boundary = "----innofund-bulk-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(xlsx.length + pdfs.size() * (pdfs.values().iterator().next().length + 300));
        part(body, boundary, "workbook", "评估.xlsx", xlsx);
        pdfs.forEach((name, content) -> part(body, boundary, "files", name, content));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Api.Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private Timed upload(Api.Multipart m, boolean dryRun) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "api/v1/evaluations/batch" + (dryRun ? "?dryRun=true" : "")))
                .timeout(Duration.ofMinutes(15)).header("Authorization", "Bearer " + seededToken)
                .header("Content-Type", m.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(m.body())).build();
        return Timed.of(api, request, serverPid);
    }

    private String seededToken;

    // ---------------------------------------------------------------- checks and the reset (SQL)

    private static long submitted(Connection db, long agencyId) throws SQLException {
        return single(db, "select count(*) from evaluation e join evaluation_assignment a on a.id = e.assignment_id "
                + "where a.agency_id = ? and e.state = 'SUBMITTED' and a.state = 'SUBMITTED'", agencyId);
    }

    private static long reports(Connection db, long agencyId) throws SQLException {
        return single(db, "select count(*) from evaluation_report_content c join evaluation e on e.id = c.evaluation_id "
                + "join evaluation_assignment a on a.id = e.assignment_id where a.agency_id = ?", agencyId);
    }

    static long single(Connection db, String sql, long arg) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Undoes a store, so that the next round stores into the same assignments as the first: the evaluations with their
     * sheets, scores and report contents deleted, the assignments back to IN_EVALUATION with their SUBMITTED
     * transitions removed. (The audit entries of the store stay: the trail is append-only and nothing reads it here.)
     */
    private static void reset(Connection db, long agencyId) throws SQLException {
        String mine = "select e.id from evaluation e join evaluation_assignment a on a.id = e.assignment_id where a.agency_id = " + agencyId;
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("delete from evaluation_score where sheet_id in (select id from evaluation_sheet where evaluation_id in (" + mine + "))");
            s.executeUpdate("delete from evaluation_sheet where evaluation_id in (" + mine + ")");
            s.executeUpdate("delete from evaluation_report_content where evaluation_id in (" + mine + ")");
            s.executeUpdate("delete from evaluation where id in (" + mine + ")");
            s.executeUpdate("delete from assignment_transition where to_state = 'SUBMITTED' and assignment_id in "
                    + "(select id from evaluation_assignment where agency_id = " + agencyId + ")");
            s.executeUpdate("update evaluation_assignment set state = 'IN_EVALUATION', version = version + 1 where agency_id = "
                    + agencyId + " and state = 'SUBMITTED'");
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    // ---------------------------------------------------------------- the summary

    private void summary(int rows, long workbookBytes, int uploads, Map<String, byte[]> pdfs, List<Timed> dry,
                         List<Timed> refused, List<Timed> stored, List<double[]> limits, List<String> failures)
            throws IOException {
        double limitMs = median(limits.stream().mapToDouble(l -> l[3]).toArray());
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "bulk evaluations, run %s: %d evaluations x %d experts = %d rows in %d uploads, "
                        + "workbooks %d bytes, %d PDFs of %d bytes, %d rounds%n%s%n%n", runId, count, EXPERTS, rows, uploads,
                workbookBytes, pdfs.size(), reportBytes, dry.size(), serverConfig));
        s.append("| measure | per round, ms | median, ms | server CPU per round, ms | median CPU per row, ms |\n");
        s.append(row("validation (dry run)", dry, rows));
        s.append(row("refusal (bad last row)", refused, rows));
        s.append(row("total (store, 200)", stored, rows));
        s.append(String.format(Locale.ROOT, "| limit: read + SHA-256 + insert | %s | %.0f | | |%n",
                join(limits.stream().mapToDouble(l -> l[3]).toArray()), limitMs));
        for (int i = 0; i < 3; i++) {
            double[] parts = new double[limits.size()];
            for (int r = 0; r < parts.length; r++) {
                parts[r] = limits.get(r)[i];
            }
            s.append(String.format(Locale.ROOT, "|   %s | %s | %.0f | | |%n",
                    new String[] {"POI streaming read", "SHA-256 of the PDFs", "JDBC batch insert"}[i], join(parts), median(parts)));
        }
        // each round's ratios from that round's own figures (a round's load is shared by all its measures), then their
        // median and worst: not a ratio of medians taken from different rounds
        double[] totalRatio = new double[dry.size()];
        double[] refusalRatio = new double[dry.size()];
        double[] store = new double[dry.size()];
        for (int r = 0; r < dry.size(); r++) {
            totalRatio[r] = stored.get(r).millis / limits.get(r)[3];
            refusalRatio[r] = refused.get(r).millis / dry.get(r).millis;
            store[r] = stored.get(r).millis - dry.get(r).millis;
        }
        s.append(String.format(Locale.ROOT, "%nper round: total / limit %s, refusal / validation %s, store %s ms%n",
                join2(totalRatio), join2(refusalRatio), join(store)));
        s.append(String.format(Locale.ROOT, "total / limit: median %.2f, worst %.2f (target <= 3); refusal / validation: "
                        + "median %.2f, worst %.2f (target <= 1); store: median %.0f ms%n", median(totalRatio),
                Arrays.stream(totalRatio).max().orElse(Double.NaN), median(refusalRatio),
                Arrays.stream(refusalRatio).max().orElse(Double.NaN), median(store)));
        s.append("CPU during each request (dry, refusal, store per round):\n");
        for (int r = 0; r < dry.size(); r++) {
            s.append("  ").append(dry.get(r).machine).append(" | ").append(refused.get(r).machine).append(" | ")
                    .append(stored.get(r).machine).append('\n');
        }
        s.append(failures.isEmpty() ? "\nresult: PASSED (every dry run accepted all, every refusal named the last row and stored nothing, every store submitted all)\n"
                : "\nresult: FAILED\n  " + String.join("\n  ", failures) + "\n");
        System.out.print(s);
        Files.writeString(out.resolve("summary.txt"), s.toString());
        Files.writeString(out.resolve("log.txt"), log.toString());
    }

    private static String row(String name, List<Timed> t, int rows) {
        double[] ms = t.stream().mapToDouble(Timed::millis).toArray();
        double[] cpu = t.stream().mapToDouble(Timed::serverCpuMillis).toArray();
        return String.format(Locale.ROOT, "| %s | %s | %.0f | %s | %.1f |%n", name, join(ms), median(ms), join(cpu), median(cpu) / rows);
    }

    static String join2(double[] v) {
        return String.join(" / ", Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
    }

    static String join(double[] v) {
        return String.join(" / ", Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.0f", x)).toList());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
