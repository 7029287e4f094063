package org.innofund.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The crawler benchmark: what anonymous page views and logged-in users cost the server's heap.
 * <ol>
 *   <li>Crawl: {@code --gets} (100,000) anonymous GETs round-robin over the public pages (home, every published call,
 *   registration, login) from {@code --connections} (40) concurrent clients without cookies, as a crawler sends them;
 *   in {@code --checkpoints} (5) equal rounds, with the server's heap measured after a full GC before the first and
 *   after each round. Latency per request; every answer carrying a session cookie is counted.</li>
 *   <li>Logged-in users: {@code --users} (200) enterprises registered through the API (no session), each with a draft
 *   declaration; heap after a full GC; then each logs in through the login form and opens its declaration in the
 *   editor (its session and the editor's view state stay on the server); heap after a full GC again.</li>
 * </ol>
 * The heap is read with {@code jcmd <server pid> GC.run} and {@code GC.heap_info} (used bytes after a full GC).
 * Fails (exit status 1) if a request fails, or with {@code --expect-no-sessions} if a crawler's answer opened a session.
 */
public final class Crawler {

    private static final String PASSWORD = "Crawler-bench-2026";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final String base;
    private final Api api;
    private final long serverPid;
    private final int gets;
    private final int connections;
    private final int checkpoints;
    private final int warmup;
    private final int users;
    private final int setupThreads;
    private final boolean expectNoSessions;
    private final int settleSeconds;
    /** One client for the whole crawl: the same 40 connections at every heap reading. */
    private final HttpClient crawler = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();
    private final Path out;
    private final String serverConfig;
    private final String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36);
    private final List<String> failures = new ArrayList<>();

    private Crawler(Map<String, String> o) {
        base = o.getOrDefault("base", "http://localhost:8080/innofund/");
        api = new Api(base, Duration.ofSeconds(60));
        serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        gets = Integer.parseInt(o.getOrDefault("gets", "100000"));
        connections = Integer.parseInt(o.getOrDefault("connections", "40"));
        checkpoints = Integer.parseInt(o.getOrDefault("checkpoints", "5"));
        warmup = Integer.parseInt(o.getOrDefault("warmup", "2000"));
        users = Integer.parseInt(o.getOrDefault("users", "200"));
        setupThreads = Integer.parseInt(o.getOrDefault("setup-threads", "4"));
        expectNoSessions = Boolean.parseBoolean(o.getOrDefault("expect-no-sessions", "true"));
        settleSeconds = Integer.parseInt(o.getOrDefault("settle-seconds", "35"));
        out = Path.of(o.getOrDefault("out", "bench/target/crawler"));
        serverConfig = o.getOrDefault("server-config", "unknown");
    }

    public static void main(String[] args) throws Exception {
        System.exit(new Crawler(Options.parse(args)).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        if (serverPid <= 0) {
            throw new IllegalArgumentException("--server-pid is needed to read the server's heap");
        }
        Files.createDirectories(out);
        OffsetDateTime date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> pages = publicPages();
        log("run %s: %d anonymous GETs over %s, %d connections; then %d logged-in users", runId, gets, pages, connections, users);

        // ---- the crawl
        crawl(pages, warmup, null); // class loading, JIT and caches: not growth
        List<Long> heap = new ArrayList<>();
        heap.add(heapAfterFullGc());
        log("heap after full GC before the crawl: %s", mib(heap.get(0)));
        Crawl total = new Crawl(gets);
        CpuSample cpuBefore = CpuSample.now(serverPid);
        long crawlNanos = 0;
        for (int round = 1; round <= checkpoints; round++) {
            int n = gets / checkpoints + (round <= gets % checkpoints ? 1 : 0);
            long t = System.nanoTime();
            crawl(pages, n, total);
            crawlNanos += System.nanoTime() - t;
            heap.add(heapAfterFullGc());
            log("  %,d GETs: heap after full GC %s, %d answers opened a session", total.count.get(), mib(heap.get(round)),
                    total.sessions.get());
        }
        String crawlCpu = CpuSample.describe(cpuBefore, CpuSample.now(serverPid));
        Stats latency = Stats.of(total.latencies());
        double growthPer10k = (heap.get(checkpoints) - heap.get(0)) / (gets / 10_000.0);
        if (total.errors.get() > 0) {
            failures.add(total.errors.get() + " GETs failed or did not answer 200, e.g. " + total.firstError);
        }
        if (expectNoSessions && total.sessions.get() > 0) {
            failures.add(total.sessions.get() + " anonymous GETs opened a session");
        }

        // ---- logged-in users with the declaration editor open
        long perUser = 0;
        long[] userHeap = {0, 0};
        Stats loginLatency = Stats.of(new double[0]);
        if (users > 0) {
            long callId = openCall();
            List<long[]> declarations = setupUsers(callId);
            settle();
            userHeap[0] = heapAfterFullGc();
            log("heap after full GC with 0 users logged in: %s", mib(userHeap[0]));
            loginLatency = openEditors(declarations);
            settle();
            userHeap[1] = heapAfterFullGc();
            perUser = (userHeap[1] - userHeap[0]) / users;
            log("heap after full GC with %d users in the editor: %s, %s per user", users, mib(userHeap[1]), kib(perUser));
        }

        String summary = String.join("\n",
                "InnoFund crawler benchmark, " + date,
                "server:      " + serverConfig,
                "client:      " + connections + " concurrent HTTP/1.1 clients without cookies, Java " + Runtime.version()
                        + ", " + Runtime.getRuntime().availableProcessors() + " cores seen",
                "pages:       " + pages,
                String.format(Locale.ROOT, "crawl:       %,d GETs in %.1f s (%.0f GETs/s), %d failed, %d answers opened a session",
                        total.count.get(), crawlNanos / 1e9, total.count.get() / (crawlNanos / 1e9), total.errors.get(),
                        total.sessions.get()),
                "cpu:         " + crawlCpu + " (during the crawl)",
                "latency (ms, per GET):",
                "| phase    |     n |      p50 |      p95 |      p99 |      max |     mean |",
                "| -------- | ----: | -------: | -------: | -------: | -------: | -------: |",
                latency.row("GET"),
                "heap after full GC, every " + String.format(Locale.ROOT, "%,d", gets / checkpoints) + " GETs: "
                        + heap.stream().map(Crawler::mib).collect(Collectors.joining(" → ")),
                "heap growth: " + kib((long) growthPer10k) + " per 10,000 anonymous GETs",
                users == 0 ? "users:       not measured" : String.format(Locale.ROOT,
                        "users:       heap after full GC %s with 0 and %s with %d users in the declaration editor: %s per user;"
                                + " login + editor p50 %.0f ms, p99 %.0f ms; 1,000 such users need about %s",
                        mib(userHeap[0]), mib(userHeap[1]), users, kib(perUser), loginLatency.p50(), loginLatency.p99(),
                        mib(perUser * 1000)),
                failures.isEmpty() ? "RESULT: PASS" : "RESULT: FAIL\n  " + String.join("\n  ", failures));
        System.out.println();
        System.out.println(summary);
        Files.writeString(out.resolve("summary.txt"), summary + "\n");
        Files.writeString(out.resolve("result.json"), Json.createObjectBuilder()
                .add("date", date.toString()).add("serverConfig", serverConfig).add("gets", total.count.get())
                .add("connections", connections).add("failedGets", total.errors.get())
                .add("sessionsOpened", total.sessions.get()).add("crawlSeconds", crawlNanos / 1e9).add("crawlCpu", crawlCpu)
                .add("latencyMs", Api.parse(latency.json()))
                .add("heapAfterFullGcBytes", Json.createArrayBuilder(heap))
                .add("heapGrowthPer10kGetsBytes", (long) growthPer10k)
                .add("users", users).add("heapUsersBytes", Json.createArrayBuilder().add(userHeap[0]).add(userHeap[1]))
                .add("heapPerUserBytes", perUser)
                .add("loginAndEditorMs", users == 0 ? Json.createObjectBuilder().build() : Api.parse(loginLatency.json()))
                .add("failures", Json.createArrayBuilder(failures)).add("pass", failures.isEmpty())
                .build().toString() + "\n");
        return failures.isEmpty();
    }

    // ---------------------------------------------------------------- the crawl

    private List<String> publicPages() {
        List<String> pages = new ArrayList<>(List.of("index.xhtml", "register.xhtml", "login.xhtml"));
        for (JsonObject c : api.getArray("api/v1/calls", null).getValuesAs(JsonObject.class)) {
            pages.add("call.xhtml?id=" + c.getJsonNumber("id").longValue());
        }
        return pages;
    }

    /** What a crawl saw; latencies in microseconds, one slot per GET. */
    private static final class Crawl {
        final long[] micros;
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger sessions = new AtomicInteger();
        volatile String firstError;

        Crawl(int capacity) {
            micros = new long[capacity];
        }

        double[] latencies() {
            return java.util.Arrays.stream(micros, 0, Math.min(count.get(), micros.length)).mapToDouble(m -> m / 1000.0).toArray();
        }
    }

    /** {@code n} GETs round-robin over the pages from the concurrent clients; recorded into {@code into} if given. */
    private void crawl(List<String> pages, int n, Crawl into) throws Exception {
        HttpClient client = crawler;
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int w = 0; w < connections; w++) {
                workers.add(() -> {
                    for (long i; (i = next.getAndIncrement()) < n; ) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pages.get((int) (i % pages.size()))))
                                .timeout(Duration.ofSeconds(60)).GET().build();
                        long t = System.nanoTime();
                        String error = null;
                        boolean session = false;
                        try {
                            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                            session = r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"));
                            if (r.statusCode() != 200) {
                                error = r.statusCode() + " from " + request.uri();
                            }
                        } catch (IOException e) {
                            error = e + " from " + request.uri();
                        }
                        long micros = (System.nanoTime() - t) / 1000;
                        if (into != null) {
                            int k = into.count.getAndIncrement();
                            if (k < into.micros.length) {
                                into.micros[k] = micros;
                            }
                            if (session) {
                                into.sessions.incrementAndGet();
                            }
                            if (error != null && into.errors.incrementAndGet() == 1) {
                                into.firstError = error;
                            }
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(workers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- logged-in users

    private long openCall() {
        return api.getArray("api/v1/calls", null).getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getBoolean("open", false)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no open call (is the demo data loaded?)"))
                .getJsonNumber("id").longValue();
    }

    /** Registers the enterprises and starts a draft each, through the API (bearer tokens: no session). */
    private List<long[]> setupUsers(long callId) throws Exception {
        List<Callable<long[]>> work = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int index = i;
            work.add(() -> {
                String username = "crawl-" + runId + "-" + index;
                api.post(201, "api/v1/registrations", Json.createObjectBuilder()
                        .add("companyName", "会话压测企业 " + runId + "-" + index)
                        .add("uscc", Uscc.of(Long.parseLong(runId, 36) * 1000 + index))
                        .add("contactName", "联系人").add("contactPhone", "0574-12345678")
                        .add("username", username).add("password", PASSWORD).build(), null);
                String token = api.token(username, PASSWORD);
                JsonObject d = api.post(201, "api/v1/declarations", Json.createObjectBuilder().add("callId", callId).build(), token);
                return new long[]{index, d.getJsonObject("summary").getJsonNumber("id").longValue()};
            });
        }
        return runAll(work, "users registered with a draft");
    }

    /** Each user logs in through the form and opens the editor; returns the latency of login + editor per user. */
    private Stats openEditors(List<long[]> declarations) throws Exception {
        List<Callable<Double>> work = new ArrayList<>();
        for (long[] d : declarations) {
            work.add(() -> {
                long t = System.nanoTime();
                HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                        .followRedirects(HttpClient.Redirect.NEVER).build();
                String login = get(browser, "login.xhtml");
                HttpResponse<String> r = send(browser, HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("loginForm", "loginForm",
                                "loginForm:username", "crawl-" + runId + "-" + d[0], "loginForm:password", PASSWORD,
                                "loginForm:submit", "", "jakarta.faces.ViewState", viewState(login))))));
                if (r.statusCode() != 302) {
                    throw new Api.Failure("form login", r.statusCode(), r.body());
                }
                String editor = get(browser, "enterprise/declaration.xhtml?id=" + d[1]);
                if (!editor.contains("editorForm")) {
                    throw new IllegalStateException("no editor for declaration " + d[1]);
                }
                return (System.nanoTime() - t) / 1e6;
            });
        }
        return Stats.of(runAll(work, "users logged in with the editor open").stream().mapToDouble(Double::doubleValue).toArray());
    }

    private <T> List<T> runAll(List<Callable<T>> work, String what) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(setupThreads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(work)) {
                results.add(f.get()); // a failed setup is no benchmark: stop here, with its reason
            }
            log("  %d %s", results.size(), what);
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String get(HttpClient client, String path) {
        HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (r.statusCode() != 200) {
            throw new Api.Failure("GET " + path, r.statusCode(), r.body());
        }
        return r.body();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no view state in the login page");
        }
        return m.group(1).replace("&#58;", ":");
    }

    // ---------------------------------------------------------------- the server's heap

    /**
     * Waits until the server has closed the idle connections of earlier clients (Payara's keep-alive timeout is 30 s):
     * each holds buffers that would otherwise count as, or hide, the users' sessions.
     */
    private void settle() throws InterruptedException {
        log("waiting %d s for idle connections to close", settleSeconds);
        Thread.sleep(settleSeconds * 1000L);
    }

    /** Used heap of the server after a full GC (twice: what the first leaves to finalizers and soft references). */
    private long heapAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("cannot read the heap from jcmd GC.heap_info");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", String.valueOf(serverPid), command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + serverPid + " " + command + ": " + output);
        }
        return output;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[" + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + format + "%n", args);
    }
}
