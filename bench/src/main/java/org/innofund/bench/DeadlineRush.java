package org.innofund.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deadline rush: N enterprises (200 by default) each upload a 2 MB 项目可行性研究报告 and submit their declaration
 * at the same moment, through the JSON API of a running server.
 * <ol>
 *   <li>Setup (not measured): register the enterprises, get their tokens, start and fill one declaration each in the
 *   PRE_APPROVED call and attach the small 营业执照.</li>
 *   <li>The rush (measured): N threads released together by a latch; each uploads its report and submits.</li>
 *   <li>Verification: every enterprise has exactly one SUBMITTED declaration (as the reviewer sees it and as the owner
 *   sees it), with exactly its report (SHA-256 of the metadata and of the downloaded bytes), exactly one
 *   DECLARATION_SUBMIT audit entry each, and an intact audit chain.</li>
 * </ol>
 * Any refused request, lost or duplicated submission fails the run (exit status 1), with counts.
 */
public final class DeadlineRush {

    static final String LICENCE = "营业执照";
    static final String REPORT = "项目可行性研究报告";
    static final String PASSWORD = "Rush-deadline-2026";
    static final String DEMO_PASSWORD = "Demo#2026pass";

    private final Api api;
    private final int enterprises;
    private final int reportBytes;
    private final int setupThreads;
    private final Path out;
    private final String serverConfig;
    private final long serverPid;
    private final double clientMbit;
    private String rushCpu = "not measured";
    private final String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36);
    private final List<String> failures = new ArrayList<>();

    record Prepared(int index, String username, String uscc, String token, long declarationId, long version,
                    Api.Multipart report, int reportSize, String reportSha256) {
    }

    /** What one enterprise saw during the rush; times in nanoseconds on the client's clock. */
    static final class Outcome {
        Prepared p;
        long uploadStart;
        long uploadEnd;
        long submitEnd;
        boolean uploaded;
        boolean submitted;
        String error;
    }

    private DeadlineRush(Map<String, String> o) {
        api = new Api(o.getOrDefault("base", "http://localhost:8080/innofund/"),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout-seconds", "300"))));
        enterprises = Integer.parseInt(o.getOrDefault("enterprises", "200"));
        reportBytes = Integer.parseInt(o.getOrDefault("report-bytes", String.valueOf(2 * 1024 * 1024)));
        setupThreads = Integer.parseInt(o.getOrDefault("setup-threads", "4"));
        out = Path.of(o.getOrDefault("out", "bench/target/deadline-rush"));
        serverConfig = o.getOrDefault("server-config", "unknown");
        serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        clientMbit = Double.parseDouble(o.getOrDefault("client-mbit", "0"));
    }

    public static void main(String[] args) throws Exception {
        System.exit(new DeadlineRush(Options.parse(args)).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Files.createDirectories(out);
        OffsetDateTime date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        log("run %s: %d enterprises, report %d bytes, against %s", runId, enterprises, reportBytes, api);
        long callId = preApprovedCall(api);

        long t = System.nanoTime();
        List<Prepared> prepared = setup(callId);
        log("setup done in %.1f s", (System.nanoTime() - t) / 1e9);

        log("rush: %d threads, released together", enterprises);
        List<Outcome> outcomes = new ArrayList<>();
        long[] window = rush(prepared, outcomes);
        double wallSeconds = (window[1] - window[0]) / 1e9;

        Map<String, Integer> errors = new TreeMap<>();
        List<Double> upload = new ArrayList<>();
        List<Double> submit = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        int acknowledged = 0;
        for (Outcome o : outcomes) {
            if (o.uploaded) {
                upload.add((o.uploadEnd - o.uploadStart) / 1e6);
            }
            if (o.submitted) {
                acknowledged++;
                submit.add((o.submitEnd - o.uploadEnd) / 1e6);
                total.add((o.submitEnd - o.uploadStart) / 1e6);
            }
            if (o.error != null) {
                errors.merge(o.error, 1, Integer::sum);
            }
        }
        errors.forEach((e, n) -> failures.add("rush: " + n + " x " + e));

        log("verifying");
        Map<String, Long> verification = verify(callId, prepared, outcomes);

        Stats uploadStats = Stats.of(upload.stream().mapToDouble(Double::doubleValue).toArray());
        Stats submitStats = Stats.of(submit.stream().mapToDouble(Double::doubleValue).toArray());
        Stats totalStats = Stats.of(total.stream().mapToDouble(Double::doubleValue).toArray());
        long uploadedBytes = outcomes.stream().filter(o -> o.uploaded).mapToLong(o -> o.p.reportSize()).sum();
        double submissionsPerSecond = acknowledged / wallSeconds;
        double mibPerSecond = uploadedBytes / (1024.0 * 1024.0) / wallSeconds;

        String summary = String.join("\n",
                "InnoFund deadline rush, " + date,
                "server:      " + serverConfig,
                "client:      " + enterprises + " threads released by one latch, HTTP/1.1, uploads "
                        + (clientMbit > 0 ? "paced to " + clientMbit + " Mbit/s each" : "unpaced (loopback speed)")
                        + ", Java " + Runtime.version()
                        + ", " + Runtime.getRuntime().availableProcessors() + " cores seen",
                "report:      " + reportBytes + " bytes per enterprise (one distinct PDF each)",
                String.format(Locale.ROOT, "rush:        %d/%d submissions acknowledged in %.2f s wall time", acknowledged,
                        enterprises, wallSeconds),
                String.format(Locale.ROOT, "throughput:  %.2f submissions/s, %.2f MiB/s of attachments", submissionsPerSecond,
                        mibPerSecond),
                "cpu:         " + rushCpu + " (during the rush)",
                "latency (ms, per enterprise):",
                "| phase    |     n |      p50 |      p95 |      p99 |      max |     mean |",
                "| -------- | ----: | -------: | -------: | -------: | -------: | -------: |",
                uploadStats.row("upload"),
                submitStats.row("submit"),
                totalStats.row("total"),
                "verification: " + verification,
                failures.isEmpty() ? "RESULT: PASS (no submission lost or duplicated, audit chain intact)"
                        : "RESULT: FAIL\n  " + String.join("\n  ", failures));
        System.out.println();
        System.out.println(summary);
        Files.writeString(out.resolve("summary.txt"), summary + "\n");

        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"date\": \"").append(date).append("\",\n");
        json.append("  \"serverConfig\": ").append(Json.createValue(serverConfig)).append(",\n");
        json.append("  \"enterprises\": ").append(enterprises).append(",\n");
        json.append("  \"clientMbit\": ").append(clientMbit).append(",\n");
        json.append("  \"reportBytes\": ").append(reportBytes).append(",\n");
        json.append("  \"cores\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        json.append("  \"acknowledged\": ").append(acknowledged).append(",\n");
        json.append(String.format(Locale.ROOT, "  \"wallSeconds\": %.3f,%n", wallSeconds));
        json.append(String.format(Locale.ROOT, "  \"submissionsPerSecond\": %.3f,%n", submissionsPerSecond));
        json.append(String.format(Locale.ROOT, "  \"mibPerSecond\": %.3f,%n", mibPerSecond));
        json.append("  \"rushCpu\": ").append(Json.createValue(rushCpu)).append(",\n");
        json.append("  \"uploadMs\": ").append(uploadStats.json()).append(",\n");
        json.append("  \"submitMs\": ").append(submitStats.json()).append(",\n");
        json.append("  \"totalMs\": ").append(totalStats.json()).append(",\n");
        JsonObjectBuilder v = Json.createObjectBuilder();
        verification.forEach(v::add);
        json.append("  \"verification\": ").append(v.build()).append(",\n");
        json.append("  \"failures\": ").append(Json.createArrayBuilder(failures).build()).append(",\n");
        json.append("  \"pass\": ").append(failures.isEmpty()).append("\n}\n");
        Files.writeString(out.resolve("result.json"), json);

        StringBuilder csv = new StringBuilder("enterprise,declaration,upload_ms,submit_ms,total_ms,error\n");
        for (Outcome o : outcomes) {
            csv.append(o.p.username()).append(',').append(o.p.declarationId()).append(',')
                    .append(o.uploaded ? String.format(Locale.ROOT, "%.1f", (o.uploadEnd - o.uploadStart) / 1e6) : "").append(',')
                    .append(o.submitted ? String.format(Locale.ROOT, "%.1f", (o.submitEnd - o.uploadEnd) / 1e6) : "").append(',')
                    .append(o.submitted ? String.format(Locale.ROOT, "%.1f", (o.submitEnd - o.uploadStart) / 1e6) : "").append(',')
                    .append(o.error == null ? "" : '"' + o.error.replace("\"", "'") + '"').append('\n');
        }
        Files.writeString(out.resolve("per-enterprise.csv"), csv);
        return failures.isEmpty();
    }

    // ---------------------------------------------------------------- setup

    /** The demo data's open PRE_APPROVED call, checked to ask for the licence and the report (BulkEvaluations too). */
    static long preApprovedCall(Api api) {
        JsonArray calls = api.getArray("api/v1/calls", null);
        JsonObject call = calls.getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("subsidyKind").equals("PRE_APPROVED")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no open PRE_APPROVED call (is the demo data loaded?): " + calls));
        long id = call.getJsonNumber("id").longValue();
        String detail = api.getJson("api/v1/calls/" + id, null).toString();
        if (!detail.contains(LICENCE) || !detail.contains(REPORT)) {
            throw new IllegalStateException("call " + id + " does not ask for " + LICENCE + " and " + REPORT + ": " + detail);
        }
        log("call %d: %s", id, call.getString("title", ""));
        return id;
    }

    private List<Prepared> setup(long callId) throws Exception {
        byte[] licence = Pdfs.pdf(1000, 0);
        Api.Multipart licenceBody = Api.multipart(LICENCE, "营业执照.pdf", licence);
        AtomicInteger done = new AtomicInteger();
        List<Callable<Prepared>> work = new ArrayList<>();
        for (int i = 0; i < enterprises; i++) {
            int index = i;
            work.add(() -> {
                Prepared p = prepare(index, callId, licenceBody);
                int n = done.incrementAndGet();
                if (n % 50 == 0 || n == enterprises) {
                    log("  %d/%d enterprises ready", n, enterprises);
                }
                return p;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(setupThreads);
        try {
            List<Prepared> prepared = new ArrayList<>();
            for (Future<Prepared> f : pool.invokeAll(work)) {
                prepared.add(f.get()); // a failed setup is no benchmark: stop here, with its reason
            }
            return prepared;
        } finally {
            pool.shutdownNow();
        }
    }

    private Prepared prepare(int index, long callId, Api.Multipart licence) {
        String username = "rush-" + runId + "-" + index;
        String uscc = Uscc.of(Long.parseLong(runId, 36) * 1000 + index);
        api.post(201, "api/v1/registrations", Json.createObjectBuilder()
                .add("companyName", "截止日压测企业 " + runId + "-" + index).add("uscc", uscc)
                .add("contactName", "联系人").add("contactPhone", "0574-12345678")
                .add("username", username).add("password", PASSWORD).build(), null);
        String token = api.token(username, PASSWORD);
        JsonObject d = api.post(201, "api/v1/declarations", Json.createObjectBuilder().add("callId", callId).build(), token);
        long id = d.getJsonObject("summary").getJsonNumber("id").longValue();
        d = api.put("api/v1/declarations/" + id, Json.createObjectBuilder()
                .add("version", d.getJsonObject("summary").getJsonNumber("version").longValue())
                .add("content", content(index)).build(), token);
        HttpResponse<String> r = api.upload(id, licence, token);
        if (r.statusCode() != 201) {
            throw new Api.Failure("upload " + LICENCE, r.statusCode(), r.body());
        }
        d = api.getJson("api/v1/declarations/" + id, token);
        // complete except for the report: that is what the rush adds
        String problems = d.getJsonArray("problems").toString();
        if (d.getJsonArray("problems").size() != 1 || !problems.contains(REPORT)) {
            throw new IllegalStateException(username + ": expected only the report missing, the server says " + problems);
        }
        byte[] report = Pdfs.pdf(reportBytes, 1000L + index);
        return new Prepared(index, username, uscc, token, id, d.getJsonObject("summary").getJsonNumber("version").longValue(),
                Api.multipart(REPORT, "可行性研究报告-" + index + ".pdf", report), report.length, sha256(report));
    }

    static JsonObject content(int index) {
        return Json.createObjectBuilder()
                .add("projectName", "高效变频压缩机研发 " + index).add("field", "SMART_APPLIANCES")
                .add("periodStart", "2027-01-01").add("periodEnd", "2028-12-31")
                .add("summary", "研制新一代高效变频压缩机。").add("keyIndicators", "能效提升 15%，申请发明专利 2 项。")
                .add("totalBudget", new BigDecimal("3000000.00"))
                .add("budgetLines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("category", "EQUIPMENT").add("source", "SUBSIDY")
                                .add("amount", new BigDecimal("1500000.00")))
                        .add(Json.createObjectBuilder().add("category", "MATERIALS").add("source", "SELF_FUNDED")
                                .add("amount", new BigDecimal("1500000.00"))))
                .build();
    }

    // ---------------------------------------------------------------- the rush

    /** Returns the client-clock window of the rush: the release of the latch and the last answer. */
    private long[] rush(List<Prepared> prepared, List<Outcome> outcomes) throws Exception {
        int n = prepared.size();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "rush-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Prepared p : prepared) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return rushOne(p);
            }));
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the rush threads did not all start");
        }
        CpuSample cpuBefore = CpuSample.now(serverPid);
        long start = System.nanoTime();
        go.countDown();
        long end = start;
        for (Future<Outcome> f : futures) {
            Outcome o = f.get();
            outcomes.add(o);
            end = Math.max(end, o.submitted ? o.submitEnd : Math.max(o.uploadEnd, o.submitEnd));
        }
        rushCpu = CpuSample.describe(cpuBefore, CpuSample.now(serverPid));
        pool.shutdownNow();
        return new long[] {start, end};
    }

    private Outcome rushOne(Prepared p) {
        Outcome o = new Outcome();
        o.p = p;
        o.uploadStart = System.nanoTime();
        try {
            HttpResponse<String> up = api.upload(p.declarationId(), p.report(), p.token(), (long) (clientMbit * 1_000_000 / 8));
            o.uploadEnd = System.nanoTime();
            if (up.statusCode() != 201) {
                o.error = "upload " + up.statusCode() + " " + errorCode(up.body());
                return o;
            }
            JsonObject stored = (JsonObject) Api.parse(up.body());
            if (!p.reportSha256().equals(stored.getString("sha256")) || stored.getJsonNumber("sizeBytes").longValue() != p.reportSize()) {
                o.error = "upload answered with another file's sha256/size";
                return o;
            }
            o.uploaded = true;
            HttpResponse<String> sub = api.submit(p.declarationId(), p.version(), p.token());
            o.submitEnd = System.nanoTime();
            if (sub.statusCode() != 200) {
                o.error = "submit " + sub.statusCode() + " " + errorCode(sub.body());
                return o;
            }
            JsonObject summary = ((JsonObject) Api.parse(sub.body())).getJsonObject("summary");
            if (!"SUBMITTED".equals(summary.getString("state")) || summary.getInt("revision") != 1) {
                o.error = "submit answered " + summary.getString("state") + " revision " + summary.getInt("revision");
                return o;
            }
            o.submitted = true;
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (o.uploadEnd == 0) {
                o.uploadEnd = now;
                o.error = "upload " + describe(e);
            } else {
                o.submitEnd = now;
                o.error = "submit " + describe(e);
            }
        }
        return o;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String errorCode(String body) {
        try {
            JsonObject e = (JsonObject) Api.parse(body);
            return e.getString("code", "") + (e.containsKey("message") ? " (" + e.get("message") + ")" : "");
        } catch (RuntimeException notJson) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    // ---------------------------------------------------------------- verification

    private Map<String, Long> verify(long callId, List<Prepared> prepared, List<Outcome> outcomes) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Prepared> byUscc = new HashMap<>();
        Map<Long, Prepared> byDeclaration = new HashMap<>();
        prepared.forEach(p -> {
            byUscc.put(p.uscc(), p);
            byDeclaration.put(p.declarationId(), p);
        });
        Map<Long, Outcome> outcomeOf = new HashMap<>();
        outcomes.forEach(o -> outcomeOf.put(o.p.declarationId(), o));

        // 1. the reviewer's queue: exactly one SUBMITTED declaration per benchmark enterprise, nothing else of theirs
        String reviewer = api.token("reviewer", DEMO_PASSWORD);
        JsonArray queue = api.getArray("api/v1/review/declarations?callId=" + callId + "&state=SUBMITTED", reviewer);
        Map<String, Integer> perEnterprise = new HashMap<>();
        for (JsonObject s : queue.getValuesAs(JsonObject.class)) {
            String uscc = s.getString("enterpriseUscc", "");
            if (byUscc.containsKey(uscc)) {
                perEnterprise.merge(uscc, 1, Integer::sum);
            }
        }
        long exactlyOne = byUscc.keySet().stream().filter(u -> perEnterprise.getOrDefault(u, 0) == 1).count();
        long none = byUscc.keySet().stream().filter(u -> perEnterprise.getOrDefault(u, 0) == 0).count();
        long several = byUscc.keySet().stream().filter(u -> perEnterprise.getOrDefault(u, 0) > 1).count();
        long lost = byUscc.values().stream().filter(p -> outcomeOf.get(p.declarationId()).submitted
                && perEnterprise.getOrDefault(p.uscc(), 0) == 0).count();
        long unacknowledgedButSubmitted = byUscc.values().stream().filter(p -> !outcomeOf.get(p.declarationId()).submitted
                && perEnterprise.getOrDefault(p.uscc(), 0) > 0).count();
        counts.put("enterprises", (long) prepared.size());
        counts.put("acknowledged", outcomes.stream().filter(o -> o.submitted).count());
        counts.put("submittedInReviewQueue", perEnterprise.values().stream().mapToLong(Integer::longValue).sum());
        counts.put("enterprisesWithExactlyOne", exactlyOne);
        counts.put("enterprisesWithNone", none);
        counts.put("enterprisesWithSeveral", several);
        counts.put("lost", lost);
        counts.put("submittedWithoutAcknowledgement", unacknowledgedButSubmitted);
        if (exactlyOne != prepared.size()) {
            failures.add(String.format(Locale.ROOT, "review queue: %d of %d enterprises have exactly one SUBMITTED declaration "
                    + "(%d none, %d several; %d acknowledged to the client yet missing = LOST)", exactlyOne, prepared.size(),
                    none, several, lost));
        }

        // 2. as each owner: one declaration, SUBMITTED once, with exactly its report, byte for byte
        AtomicInteger ownerOk = new AtomicInteger();
        AtomicInteger contentOk = new AtomicInteger();
        Map<String, Integer> ownerProblems = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> checks = new ArrayList<>();
            for (Prepared p : prepared) {
                checks.add(() -> {
                    try {
                        String problem = checkAsOwner(p, ownerOk, contentOk);
                        if (problem != null) {
                            ownerProblems.merge(problem, 1, Integer::sum);
                        }
                    } catch (RuntimeException e) {
                        ownerProblems.merge("owner check failed: " + describe(e), 1, Integer::sum);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(checks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        counts.put("ownersSeeOneSubmittedDeclaration", (long) ownerOk.get());
        counts.put("reportsByteIdentical", (long) contentOk.get());
        ownerProblems.forEach((problem, n) -> failures.add("as owner: " + n + " x " + problem));

        // 3. the audit trail: one DECLARATION_SUBMIT per declaration, and the hash chain intact
        String admin = api.token("admin", DEMO_PASSWORD);
        Map<Long, Integer> submitEntries = new HashMap<>();
        for (int first = 0; ; first += 500) {
            JsonArray page = api.getArray("api/v1/admin/audit?action=" + URLEncoder.encode("DECLARATION_SUBMIT", StandardCharsets.UTF_8)
                    + "&first=" + first + "&max=500", admin);
            for (JsonObject e : page.getValuesAs(JsonObject.class)) {
                String target = e.getString("target", "");
                if (target.startsWith("declaration:")) {
                    long id = Long.parseLong(target.substring("declaration:".length()));
                    if (byDeclaration.containsKey(id)) {
                        submitEntries.merge(id, 1, Integer::sum);
                    }
                }
            }
            if (page.size() < 500) {
                break;
            }
        }
        long auditedOnce = byDeclaration.keySet().stream().filter(id -> submitEntries.getOrDefault(id, 0) == 1).count();
        counts.put("submitAuditedExactlyOnce", auditedOnce);
        if (auditedOnce != prepared.size()) {
            failures.add("audit: " + auditedOnce + " of " + prepared.size() + " declarations have exactly one DECLARATION_SUBMIT entry");
        }
        JsonObject chain = api.post(200, "api/v1/admin/audit/verification", null, admin);
        counts.put("auditEntriesChecked", chain.getJsonNumber("checkedEntries").longValue());
        counts.put("auditChainIntact", chain.getBoolean("intact") ? 1L : 0L);
        if (!chain.getBoolean("intact")) {
            failures.add("audit chain broken: " + chain);
        }
        return counts;
    }

    /** Null if all is well for this enterprise, else what is wrong (counted by kind). */
    private String checkAsOwner(Prepared p, AtomicInteger ownerOk, AtomicInteger contentOk) {
        JsonArray mine = api.getArray("api/v1/declarations", p.token());
        if (mine.size() != 1 || mine.getJsonObject(0).getJsonNumber("id").longValue() != p.declarationId()) {
            return "the owner has " + mine.size() + " declarations instead of exactly its one";
        }
        JsonObject d = api.getJson("api/v1/declarations/" + p.declarationId(), p.token());
        JsonObject summary = d.getJsonObject("summary");
        if (!"SUBMITTED".equals(summary.getString("state")) || summary.getInt("revision") != 1) {
            return "declaration is " + summary.getString("state") + " revision " + summary.getInt("revision");
        }
        long submissions = d.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .filter(h -> "SUBMITTED".equals(h.getString("to", ""))).count();
        if (submissions != 1) {
            return "history shows " + submissions + " submissions";
        }
        ownerOk.incrementAndGet();
        List<JsonObject> reports = d.getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
                .filter(a -> REPORT.equals(a.getString("requirement")) && !a.getBoolean("withdrawn")).toList();
        if (reports.size() != 1) {
            return reports.size() + " current reports instead of 1";
        }
        JsonObject a = reports.get(0);
        if (!p.reportSha256().equals(a.getString("sha256")) || a.getJsonNumber("sizeBytes").longValue() != p.reportSize()) {
            return "the report's recorded sha256/size differ from the uploaded file's";
        }
        byte[] stored = api.getBytes("api/v1/declarations/" + p.declarationId() + "/attachments/"
                + a.getJsonNumber("id").longValue(), p.token());
        if (!p.reportSha256().equals(sha256(stored))) {
            return "the downloaded report differs from the uploaded file";
        }
        contentOk.incrementAndGet();
        return null;
    }

    // ---------------------------------------------------------------- helpers

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(java.time.LocalTime.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
