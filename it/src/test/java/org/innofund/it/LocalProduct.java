package org.innofund.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as the run command runs it, driven from a test: the H2 server of its own (the run command's
 * {@code DatabaseServer.java}, on its own port and folder) and the it module's Payara domain, started with
 * {@code asadmin start-domain} and the EAR in its autodeploy folder. Either can be killed with SIGKILL. Everything
 * listens on loopback only; every wait is bounded.
 */
final class LocalProduct implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("crash.startTimeoutSeconds", 300));

    final Path work;
    final int dbPort;
    final Path dbDir;
    final Path passwordFile;
    final Path backupDir;
    private final Path payaraHome = Path.of(System.getProperty("payara.home"));
    private final Path domain = payaraHome.resolve("glassfish/domains/domain1");
    private final Path ear;
    private boolean deployed;
    private final Path launcher = Path.of(System.getProperty("innofund.db.launcher", "../ear/src/main/db/DatabaseServer.java"));

    LocalProduct(Path work, int dbPort) throws IOException {
        this(work, dbPort, Path.of(System.getProperty("innofund.ear")));
    }

    /** With another EAR than the product's (the product with a test servlet added). */
    LocalProduct(Path work, int dbPort, Path ear) throws IOException {
        this.ear = ear;
        deleteRecursively(work); // every test starts from nothing: a database left by an earlier run is not this one's
        this.work = Files.createDirectories(work).toAbsolutePath(); // Payara's working directory is not ours
        this.dbPort = dbPort;
        this.dbDir = this.work.resolve("db");
        this.passwordFile = this.work.resolve("db-password");
        this.backupDir = this.work.resolve("backups");
        for (int port : new int[]{8080, 4848, dbPort}) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                throw new IllegalStateException("Port " + port + " is in use: stop the server that holds it first");
            } catch (IOException free) {
                // as it should be
            }
        }
    }

    /** The run command's URL; {@code -Dcrash.durability=} (empty) drops WRITE_DELAY=0, to see the crash test fail. */
    String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/innofund;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                + System.getProperty("crash.durability", ";WRITE_DELAY=0");
    }

    String dbPassword() {
        try {
            return Files.readString(passwordFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String h2Jar() {
        try {
            return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the run command's database tool ({@code start}, {@code stop}, {@code restore}) and waits for it. */
    String databaseTool(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", h2Jar(), launcher.toString()));
        command.addAll(List.of(arguments));
        return run(command, Map.of(), Duration.ofSeconds(120));
    }

    void startDatabase() {
        databaseTool("start", "--port=" + dbPort, "--dir=" + dbDir, "--password-file=" + passwordFile, "--heap=256m");
    }

    void stopDatabase() {
        if (databasePid() > 0 && ProcessHandle.of(databasePid()).map(ProcessHandle::isAlive).orElse(false)) {
            databaseTool("stop", "--port=" + dbPort, "--password-file=" + passwordFile);
            ProcessHandle.of(databasePid()).ifPresent(p -> await(p, Duration.ofSeconds(30)));
        }
    }

    void killDatabase() {
        kill(databasePid());
    }

    /**
     * Starts the domain and waits until the product answers: 200, or 503 with its refusal page when the database cannot
     * be opened (Payara's own 503 while it is still deploying the EAR is waited out).
     */
    int startPayara() throws IOException {
        if (!deployed) { // this EAR, once; the domain redeploys it itself on every restart
            Path autodeploy = Files.createDirectories(domain.resolve("autodeploy")); // a domain never started has none
            Files.copy(ear, autodeploy.resolve("innofund.ear"), StandardCopyOption.REPLACE_EXISTING);
            deployed = true;
        }
        run(List.of(payaraHome.resolve("bin/asadmin").toString(), "start-domain", "domain1"), Map.of(
                "INNOFUND_DB_URL", jdbcUrl(), "INNOFUND_DB_PASSWORD", dbPassword(), "INNOFUND_DEMO", "true",
                "INNOFUND_BACKUP_DIR", backupDir.toString()), START_TIMEOUT);
        Instant until = Instant.now().plus(START_TIMEOUT);
        Http http = new Http();
        while (Instant.now().isBefore(until)) {
            try {
                HttpResponse<String> r = http.get("");
                if (r.statusCode() == 503 && r.body().contains("id=\"databaseUnavailable\"")) {
                    return r.statusCode();
                }
                // the page alone once answered 200 before the restarted domain had loaded the EAR again, and the API
                // then answered Payara's own 503: the product is up when its API answers with JSON too
                if (r.statusCode() == 200 && http.get("api/v1/calls").headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/json")) {
                    return r.statusCode();
                }
            } catch (RuntimeException notYet) {
                // connection refused while the domain starts
            }
            sleep(Duration.ofSeconds(2));
        }
        throw new IllegalStateException("The product did not answer within " + START_TIMEOUT + "; see " + domain.resolve("logs/server.log"));
    }

    void killPayara() {
        kill(payaraPid());
    }

    void stopPayara() {
        long pid = payaraPid();
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy(); // SIGTERM: Payara's shutdown hook stops the domain
            if (!await(p, Duration.ofSeconds(60))) {
                p.destroyForcibly();
                await(p, Duration.ofSeconds(30));
            }
        });
    }

    String serverLog() throws IOException {
        Path log = domain.resolve("logs/server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        stopPayara();
        stopDatabase();
    }

    private long payaraPid() {
        return pidIn(domain.resolve("config/pid"));
    }

    private long databasePid() {
        return pidIn(dbDir.resolve("server.pid"));
    }

    private static long pidIn(Path file) {
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void kill(long pid) {
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        p.destroyForcibly(); // SIGKILL
        if (!await(p, Duration.ofSeconds(30))) {
            throw new IllegalStateException("process " + pid + " survived SIGKILL");
        }
    }

    private static boolean await(ProcessHandle p, Duration atMost) {
        try {
            p.onExit().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !p.isAlive();
        }
    }

    private String run(List<String> command, Map<String, String> environment, Duration atMost) {
        try {
            Path output = Files.createTempFile(work, "command-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("INNOFUND_")); // not the Arquillian tests' database
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + atMost + ": " + command);
            }
            String text = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (" + process.exitValue() + "): " + command + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
