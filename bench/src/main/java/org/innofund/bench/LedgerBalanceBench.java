package org.innofund.bench;

import org.flywaydb.core.Flyway;
import org.h2.tools.Server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One call's balance over 1,000,000 ledger entries (issue 13, see BENCHMARKS.md): a fresh H2 file database in Oracle
 * mode, migrated by Flyway from the sql module's scripts, reached over TCP as the product reaches its H2 server; the
 * entries inserted by JDBC batch (double-entry transactions of two entries) over 1,000 calls, one of them big (100,000
 * entries) and the others about 900 each; then LedgerPostings.balances's query — the grouped sum over the
 * (call_id, account, amount_fen) index — timed over TCP for the big call and for a small one, warmed up first; and H2's EXPLAIN
 * of it. No application server: this is the database's part of a balance, which is the whole of its cost.
 *
 * Usage: LedgerBalanceBench --scripts=DIR --db=DIR --out=DIR [--entries=1000000] [--calls=1000] [--big=100000] [--rounds=200]
 */
public final class LedgerBalanceBench {

    /** LedgerPostings.balances for one call, as EclipseLink sends it. */
    static final String BALANCE = "select e.account, sum(e.amount_fen) from ledger_entry e where e.call_id in (?) "
            + "group by e.account";

    private static final String[][] KINDS = {
            {"ALLOCATION", "SOURCE", "AVAILABLE"},
            {"COMMITMENT", "AVAILABLE", "COMMITTED"},
            {"PAYMENT", "COMMITTED", "PAID"},
            {"RELEASE", "COMMITTED", "AVAILABLE"},
            {"RECOVERY", "PAID", "RECEIVABLE"},
            {"REPAYMENT", "RECEIVABLE", "AVAILABLE"}};

    /** The same sum made to read every row as well (position is not in the index): what the covering index saves. */
    static final String BALANCE_READING_ROWS = "select e.account, sum(e.amount_fen), max(e.position) from ledger_entry e "
            + "where e.call_id in (?) group by e.account";

    private LedgerBalanceBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        Path scripts = Path.of(a.get("scripts"));
        Path dbDir = Path.of(a.get("db"));
        Path out = Path.of(a.get("out"));
        int entries = Integer.parseInt(a.getOrDefault("entries", "1000000"));
        int calls = Integer.parseInt(a.getOrDefault("calls", "1000"));
        int big = Integer.parseInt(a.getOrDefault("big", "100000"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "200"));
        Files.createDirectories(out);
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);

        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dbDir.toAbsolutePath().toString(),
                "-ifNotExists").start();
        List<String> report = new ArrayList<>();
        report.add("load average at the start (1, 5, 15 min): " + Files.readString(Path.of("/proc/loadavg")).trim()
                + "; " + Runtime.getRuntime().availableProcessors() + " cores; Java " + System.getProperty("java.version")
                + "; H2 " + org.h2.engine.Constants.FULL_VERSION);
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/ledger;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;"
                    + "LOCK_TIMEOUT=10000;WRITE_DELAY=0";
            long t0 = System.nanoTime();
            Flyway.configure().dataSource(url, "innofund", "innofund").locations("filesystem:" + scripts.toAbsolutePath())
                    .load().migrate();
            report.add(String.format(Locale.ROOT, "migrated in %.1f s", (System.nanoTime() - t0) / 1e9));
            long insertMs;
            // filled in this process (the server's database, embedded): H2 over TCP sends a batch row by row
            try (Connection embedded = DriverManager.getConnection("jdbc:h2:file:" + dbDir.toAbsolutePath().resolve("ledger")
                    + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH", "innofund", "innofund")) {
                insertMs = fill(embedded, entries, calls, big);
            }
            try (Connection c = DriverManager.getConnection(url, "innofund", "innofund")) {
                report.add(String.format(Locale.ROOT, "%,d entries (%,d transactions) over %,d calls inserted by JDBC batch "
                        + "in %.1f s (%,.0f entries/s); the big call %,d entries", entries, entries / 2, calls,
                        insertMs / 1000.0, entries / (insertMs / 1000.0), big));
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
                report.add("EXPLAIN: " + explain(c));
                long bigCall = 1;
                long smallCall = calls / 2 + 1;
                report.add(String.format(Locale.ROOT, "small calls %d-%d: %,d entries each", smallCall, smallCall + 9,
                        count(c, smallCall)));
                // warm-up: each query a few dozen times (H2's page cache, the JIT of both sides)
                time(c, bigCall, smallCall, 30);
                double[][] ms = time(c, bigCall, smallCall, rounds);
                double[] bigMs = ms[0];
                double[] smallMs = ms[1];
                double[] oneRowMs = timeTrivial(c, rounds);
                double[] rowsMs = time(c, BALANCE_READING_ROWS, bigCall, smallCall, Math.max(10, rounds / 10))[0];
                Stats b = Stats.of(bigMs);
                Stats s = Stats.of(smallMs);
                Stats r = Stats.of(oneRowMs);
                report.add(String.format(Locale.ROOT, "balance of the big call (%,d entries), %d rounds: median %.2f ms, "
                        + "p95 %.2f ms, worst %.2f ms", big, rounds, b.p50(), b.p95(), b.max()));
                report.add(String.format(Locale.ROOT, "balance of a small call (ten in turn), %d rounds: median %.2f ms, p95 %.2f ms, "
                        + "worst %.2f ms", rounds, s.p50(), s.p95(), s.max()));
                report.add(String.format(Locale.ROOT, "the big call's sum made to read its rows too (max(position), not in "
                        + "the index), %d rounds: median %.2f ms", rowsMs.length, Stats.of(rowsMs).p50()));
                report.add(String.format(Locale.ROOT, "round trip of a one-row primary key query (the floor), %d rounds: "
                        + "median %.2f ms", rounds, r.p50()));
                report.add(String.format(Locale.ROOT, "ratios: big / small %.1fx; big / target of 100 ms %.3f; "
                        + "small / floor %.1fx", b.p50() / s.p50(), b.p50() / 100.0, s.p50() / r.p50()));
                report.add("balances of the big call: " + balances(c, bigCall));
            }
        } finally {
            server.stop();
        }
        report.add("load average at the end (1, 5, 15 min): " + Files.readString(Path.of("/proc/loadavg")).trim());
        report.forEach(System.out::println);
        Files.write(out.resolve("summary.txt"), report, StandardCharsets.UTF_8);
    }

    /** The program and calls the entries belong to, then the transactions and entries in batches of 10,000 rows. */
    private static long fill(Connection c, int entries, int calls, int big) throws SQLException {
        c.setAutoCommit(false);
        Timestamp at = Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 0, 0));
        try (PreparedStatement p = c.prepareStatement("insert into program (id, name, subsidy_kind, department, created_at) "
                + "values (1, 'bench', 'PRE_APPROVED', 'bench', ?)");
             PreparedStatement f = c.prepareStatement("insert into funding_call (id, program_id, title, call_year, opens_at, "
                     + "closes_at, budget, status, created_at, created_by) values (?, 1, ?, 2026, ?, ?, 100000000, "
                     + "'PUBLISHED', ?, 'reviewer')")) {
            p.setTimestamp(1, at);
            p.executeUpdate();
            for (int call = 1; call <= calls; call++) {
                f.setLong(1, call);
                f.setString(2, "call " + call);
                f.setTimestamp(3, at);
                f.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2026, 3, 1, 0, 0)));
                f.setTimestamp(5, at);
                f.addBatch();
            }
            f.executeBatch();
        }
        c.commit();
        int transactions = entries / 2;
        int bigTransactions = big / 2;
        Random random = new Random(13);
        long start = System.nanoTime();
        try (PreparedStatement t = c.prepareStatement("insert into ledger_transaction (id, call_id, kind, reference, "
                + "recorded_by, recorded_at, created_at) values (?, ?, ?, ?, 'finance', ?, ?)");
             PreparedStatement e = c.prepareStatement("insert into ledger_entry (transaction_id, position, call_id, account, "
                     + "amount_fen) values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < transactions; i++) {
                long id = 1_000_000L + i;
                // the big call first, the others round robin: each call's entries spread over the whole table
                long call = i < bigTransactions ? 1 : 2 + (i - bigTransactions) % (calls - 1);
                String[] kind = KINDS[i % KINDS.length];
                long fen = 1 + random.nextInt(100_000_000);
                t.setLong(1, id);
                t.setLong(2, call);
                t.setString(3, kind[0]);
                t.setString(4, "bench:" + i);
                t.setTimestamp(5, at);
                t.setTimestamp(6, at);
                t.addBatch();
                e.setLong(1, id);
                e.setInt(2, 0);
                e.setLong(3, call);
                e.setString(4, kind[1]);
                e.setLong(5, -fen);
                e.addBatch();
                e.setLong(1, id);
                e.setInt(2, 1);
                e.setLong(3, call);
                e.setString(4, kind[2]);
                e.setLong(5, fen);
                e.addBatch();
                if ((i + 1) % 5_000 == 0) {
                    t.executeBatch();
                    e.executeBatch();
                    c.commit();
                }
            }
            t.executeBatch();
            e.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String explain(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("explain " + BALANCE)) {
            ps.setLong(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1).replaceAll("\\s+", " ");
            }
        }
    }

    private static long count(Connection c, long call) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from ledger_entry where call_id = ?")) {
            ps.setLong(1, call);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Milliseconds of each round, the big call's and a small one's in turn on one prepared statement, each executed
     * and every row read as the application does. In turn, because H2 hands a statement executed again with the same
     * parameters over an unchanged database its previous result without running it (OPTIMIZE_REUSE_RESULTS): timing
     * one call over and over would time that cache, not the query. The small call rotates over ten calls.
     */
    private static double[][] time(Connection c, long bigCall, long smallCall, int rounds) throws SQLException {
        return time(c, BALANCE, bigCall, smallCall, rounds);
    }

    private static double[][] time(Connection c, String sql, long bigCall, long smallCall, int rounds) throws SQLException {
        double[][] ms = new double[2][rounds];
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < rounds; i++) {
                ms[0][i] = once(ps, bigCall);
                ms[1][i] = once(ps, smallCall + i % 10);
            }
        }
        return ms;
    }

    private static double once(PreparedStatement ps, long call) throws SQLException {
        long start = System.nanoTime();
        ps.setLong(1, call);
        long sum = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sum += rs.getLong(2);
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (sum != 0) {
            throw new IllegalStateException("call " + call + ": the accounts sum to " + sum + ", not 0");
        }
        return ms;
    }

    private static double[] timeTrivial(Connection c, int rounds) throws SQLException {
        double[] ms = new double[rounds];
        try (PreparedStatement ps = c.prepareStatement("select title from funding_call where id = ?")) {
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                ps.setLong(1, 1 + i % 10);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ms;
    }

    private static String balances(Connection c, long call) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(BALANCE)) {
            ps.setLong(1, call);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getLong(2));
                }
            }
        }
        rows.sort(Comparator.naturalOrder());
        return String.join(", ", rows);
    }
}
