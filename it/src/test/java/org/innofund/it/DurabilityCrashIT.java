package org.innofund.it;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the product acknowledged stays acknowledged (issue 7), against the product as the run command runs it: an H2
 * server of its own and a Payara domain. Not an Arquillian test: it starts, kills (SIGKILL) and restarts the processes
 * itself, so it runs in a failsafe execution of its own after the Arquillian tests. {@code -Dcrash.rounds=N} and
 * {@code -Dcrash.databaseRounds=M} set the number of rounds: one of each here, as every round proves the same thing
 * again (bench/crash-rounds.sh runs 20, BENCHMARKS.md).
 * <p>
 * The three tests share one product, in their order — the crash rounds, the OutOfMemoryError, the damaged database
 * (which ends by restoring it) — because a cold start of the domain costs about as much as a round; the product is the
 * one with the heap-filling test servlet added, which nothing else calls.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurabilityCrashIT {

    private static final int WRITERS = 8;
    private static final Path WORK = Path.of(System.getProperty("crash.work", "target/crash"));
    private static LocalProduct product;

    @BeforeAll
    static void startTheProduct() throws Exception {
        Path ear = Files.createDirectories(WORK).resolve("innofund-oom.ear"); // beside, not in, the folder LocalProduct empties
        Deployments.productWith(HeapExhaustionServlet.class).as(ZipExporter.class).exportTo(ear.toFile(), true);
        product = new LocalProduct(WORK.resolve("product"), 9193, ear);
        product.startDatabase();
        assertEquals(200, product.startPayara());
    }

    @AfterAll
    static void stopTheProduct() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    @Order(1)
    void acknowledgedWritesSurviveKillMinus9OfTheApplicationServerAndOfTheDatabaseServer() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 1);
        int databaseRounds = Integer.getInteger("crash.databaseRounds", 1);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> report = new ArrayList<>();
        report.add("seed " + seed + ", " + WRITERS + " writers, " + rounds + " rounds killing Payara, "
                + databaseRounds + " killing the database server");
        try {
            for (int round = 1; round <= rounds + databaseRounds; round++) {
                boolean killDatabase = round > rounds;
                Writers writers = new Writers(WRITERS, 20_000 + random.nextInt(40_000));
                writers.start();
                Duration writeFor = Duration.ofMillis(3_000 + random.nextInt(9_000));
                LocalProduct.sleep(writeFor);
                Instant killedAt = Instant.now();
                if (killDatabase) {
                    product.killDatabase(); // the database process itself, mid-commit
                }
                product.killPayara();
                writers.stopAndJoin();

                if (killDatabase) {
                    product.startDatabase();
                }
                Instant restart = Instant.now();
                assertEquals(200, product.startPayara(), "the product starts again after the kill");
                Duration restartTook = Duration.between(restart, Instant.now());

                List<Writers.Enterprise> acknowledged = writers.acknowledged();
                assertTrue(acknowledged.size() > 0, "round " + round + ": nothing was acknowledged before the kill");
                Writers.verify(acknowledged);
                Writers.verifyAuditChain();
                report.add(String.format("round %d: kill -9 of %s after %.1f s; %d registrations, %d submissions "
                                + "acknowledged, all present after the restart (%d s), audit chain intact",
                        round, killDatabase ? "the database server and Payara" : "Payara", writeFor.toMillis() / 1000.0,
                        acknowledged.size(), writers.submissions(), restartTook.toSeconds()));
                System.out.println(report.get(report.size() - 1) + " (killed at " + killedAt + ")");
            }
        } finally {
            Files.createDirectories(WORK);
            Files.write(WORK.resolve("crash-rounds.txt"), report);
        }
    }

    /**
     * An OutOfMemoryError that fills Payara's heap while enterprises write (a test servlet added to the product's WAR
     * keeps the heap full): the database, in its own process, is untouched; after a restart every acknowledged write is
     * there and the audit chain verifies.
     */
    @Test
    @Order(2)
    void anOutOfMemoryErrorInPayaraLeavesTheDatabaseIntact() throws Exception {
        Writers writers = new Writers(WRITERS, 20_000);
        writers.start();
        LocalProduct.sleep(Duration.ofSeconds(4));
        String answer;
        try {
            answer = new Http().postForm("test/exhaust-heap", java.util.Map.of()).body();
        } catch (RuntimeException e) {
            answer = e.toString();
        }
        LocalProduct.sleep(Duration.ofSeconds(4)); // the writers meet the full heap
        boolean sawIt = answer.contains("heap exhausted") || product.serverLog().contains("OutOfMemoryError");
        product.killPayara(); // what an operator (or a watchdog) does with a server out of memory
        writers.stopAndJoin();
        assertTrue(sawIt, "Payara ran out of memory: " + answer);

        assertEquals(200, product.startPayara(), "the next start is healthy");
        List<Writers.Enterprise> acknowledged = writers.acknowledged();
        assertTrue(acknowledged.size() > 0, "writes were acknowledged before the OutOfMemoryError");
        Writers.verify(acknowledged);
        Writers.verifyAuditChain();
    }

    /**
     * A damaged database file: the product refuses to run, says so on the page with the newest backup and the restore
     * command; the restore command brings the backup back, and the product runs on it.
     */
    @Test
    @Order(3)
    void aDamagedDatabaseIsRefusedAndTheNewestBackupRestoresIt() throws Exception {
        Writers writers = new Writers(2, 10_000);
        writers.start();
        LocalProduct.sleep(Duration.ofSeconds(4));
        writers.stopAndJoin();
        List<Writers.Enterprise> beforeBackup = writers.acknowledged();
        Http http = new Http();
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        var taken = http.postJson("api/v1/admin/backups", "", Http.bearer(admin));
        assertEquals(201, taken.statusCode(), taken.body());
        String backupName = Http.json(taken).getString("name");
        assertTrue(Files.exists(product.backupDir.resolve(backupName)), backupName);
        product.stopPayara();
        product.stopDatabase();

        damage(product.dbDir.resolve("innofund.mv.db"));
        product.startDatabase();
        assertEquals(503, product.startPayara(), "a damaged database is refused");
        var page = new Http().get("");
        assertTrue(page.body().contains("数据库无法打开") && page.body().contains("database cannot be opened"), page.body());
        assertTrue(page.body().contains(backupName), "the page names the newest backup: " + page.body());
        assertTrue(page.body().contains("bench/restore-backup.sh"), "and the restore command");
        assertEquals(503, new Http().postJson("api/v1/registrations", "{}").statusCode(), "nothing is written");
        assertTrue(product.serverLog().contains("THE DATABASE CANNOT BE OPENED"), "and the log says it");
        product.stopPayara();
        product.stopDatabase();

        Path aside = product.work.resolve("db-damaged");
        Files.move(product.dbDir, aside);
        String restored = product.databaseTool("restore", "--backup=" + product.backupDir.resolve(backupName),
                "--dir=" + product.dbDir, "--password-file=" + product.passwordFile);
        assertTrue(restored.contains("tables"), restored);
        product.startDatabase();
        assertEquals(200, product.startPayara(), "the product runs on the restored database");
        Writers.verify(beforeBackup);
        Writers.verifyAuditChain();
    }

    /** Overwrites both file headers and a stretch of chunks, as a torn write or a bad disk would. */
    private static void damage(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] junk = new byte[8192];
            new Random(7).nextBytes(junk);
            ch.write(ByteBuffer.wrap(junk), 0);
            ch.write(ByteBuffer.wrap(junk), ch.size() / 2);
        }
    }
}
