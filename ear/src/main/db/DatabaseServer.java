import org.h2.tools.Restore;
import org.h2.tools.Server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedded database as a process of its own: an H2 TCP server on 127.0.0.1, with its own heap and its own
 * generated password, so that an OutOfMemoryError, a kill -9 or a hang of the application server cannot touch the
 * data file. Run with only a JDK and the H2 jar, as a single source file (no build step):
 *
 * <pre>
 * java -cp h2.jar DatabaseServer.java start   [--port=9092] [--dir=~/.innofund/db] [--password-file=~/.innofund/db-password]
 *                                             [--heap=512m] [--after-pid-file=FILE]
 * java -cp h2.jar DatabaseServer.java stop    [--port=9092] [--password-file=...]
 * java -cp h2.jar DatabaseServer.java restore --backup=FILE.zip [--dir=~/.innofund/db]
 * </pre>
 *
 * {@code start} creates the database (user {@code innofund}) and the password file (mode 600) on first use, reuses a
 * server that already answers on the port with that password, or starts one in the background and waits until it
 * answers. {@code restore} unpacks a backup (H2 {@code BACKUP TO}) into a directory that holds no database yet.
 */
public class DatabaseServer {

    static final String DATABASE = "innofund";
    static final String USER = "innofund";
    /** The password of databases created before the server had one of its own (README, earlier versions). */
    static final String LEGACY_PASSWORD = "innofund";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> o = options(args);
        int port = Integer.parseInt(o.getOrDefault("port", "9092"));
        Path dir = path(o.getOrDefault("dir", "~/.innofund/db"));
        Path passwordFile = path(o.getOrDefault("password-file", "~/.innofund/db-password"));
        switch (args[0]) {
            case "start" -> start(port, dir, passwordFile, o.getOrDefault("heap", "512m"), o.get("after-pid-file"));
            case "serve" -> serve(port, dir, passwordFile, o.get("after-pid-file"));
            case "stop" -> stop(port, passwordFile);
            case "restore" -> restore(path(required(o, "backup")), dir, passwordFile);
            default -> usage();
        }
    }

    static void start(int port, Path dir, Path passwordFile, String heap, String afterPidFile) throws Exception {
        String configured = System.getenv("INNOFUND_DB_URL");
        if (configured != null && !configured.startsWith("jdbc:h2:tcp://127.0.0.1:" + port + "/")) {
            System.out.println("[innofund-db] INNOFUND_DB_URL names another database: no H2 server started");
            return;
        }
        String password = password(passwordFile);
        if (answers(port, password)) {
            System.out.println("[innofund-db] H2 server already running on 127.0.0.1:" + port + ", reused");
            return;
        }
        createIfAbsent(dir, password);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-Dh2.bindAddress=127.0.0.1",
                "-cp", System.getProperty("java.class.path"), selfSource(), "serve",
                "--port=" + port, "--dir=" + dir, "--password-file=" + passwordFile));
        if (afterPidFile != null) {
            command.add("--after-pid-file=" + afterPidFile);
        }
        Path log = dir.resolve("server.log");
        new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!answers(port, password)) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("The H2 server did not answer on 127.0.0.1:" + port + " within 60 s; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        System.out.println("[innofund-db] H2 server started on 127.0.0.1:" + port + " (data: " + dir + ", heap " + heap
                + ", log: " + log + "); stop it with: java -cp " + System.getProperty("java.class.path") + " " + selfSource()
                + " stop --port=" + port + " --password-file=" + passwordFile);
    }

    /**
     * The server process itself. With {@code after-pid-file} (the run command: the Payara domain's pid file), Ctrl-C in
     * the terminal does not stop the database at once: it waits until the application server has gone, so that the
     * last transactions of its shutdown still commit, and then closes the database cleanly.
     */
    static void serve(int port, Path dir, Path passwordFile, String afterPidFile) throws Exception {
        String password = password(passwordFile);
        Server server = Server.createTcpServer("-tcp", "-tcpPort", Integer.toString(port), "-baseDir", dir.toString(),
                "-tcpPassword", password).start();
        System.out.println(Instant.now() + " H2 server on " + server.getURL() + ", data in " + dir);
        Files.writeString(dir.resolve("server.pid"), ProcessHandle.current().pid() + "\n");
        if (afterPidFile != null) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> new Thread(() -> {
                waitForExit(Paths.get(afterPidFile), Duration.ofSeconds(120));
                System.out.println(Instant.now() + " the application server has stopped: closing the database");
                System.exit(0);
            }).start());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        while (server.isRunning(false)) { // until "stop" shuts it down
            TimeUnit.SECONDS.sleep(1);
        }
        System.out.println(Instant.now() + " H2 server stopped");
    }

    private static void waitForExit(Path pidFile, Duration atMost) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(p -> {
                try {
                    p.onExit().get(atMost.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.out.println("not waiting longer for process " + pid + ": " + e);
                }
            });
        } catch (IOException | NumberFormatException e) {
            // no application server running: nothing to wait for
        }
    }

    static void stop(int port, Path passwordFile) throws SQLException, IOException {
        Server.shutdownTcpServer("tcp://127.0.0.1:" + port, password(passwordFile), false, false);
        System.out.println("[innofund-db] H2 server on 127.0.0.1:" + port + " stopped");
    }

    static void restore(Path backup, Path dir, Path passwordFile) throws IOException, SQLException {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException("No backup file " + backup);
        }
        if (Files.exists(dir.resolve(DATABASE + ".mv.db"))) {
            throw new IllegalStateException(dir.resolve(DATABASE + ".mv.db") + " exists: stop the database server and move"
                    + " the damaged database away first (a restore only goes into a fresh directory)");
        }
        Files.createDirectories(dir);
        Restore.execute(backup.toString(), dir.toString(), DATABASE);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(DATABASE) + ";IFEXISTS=TRUE",
                USER, password(passwordFile)); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_schema = 'PUBLIC'")) {
            rs.next();
            System.out.println("[innofund-db] restored " + backup + " into " + dir.resolve(DATABASE + ".mv.db")
                    + " and opened it: " + rs.getInt(1) + " tables");
        }
    }

    /** The server's password: generated once, kept in a file only its owner can read. */
    static String password(Path file) throws IOException {
        String fromEnvironment = System.getenv("INNOFUND_DB_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the user's home folder protects it
        }
        Files.writeString(file, password + "\n");
        return password;
    }

    /**
     * Creates the database and its user locally before the server starts, so that the server never has to let a
     * client create one ({@code -ifNotExists}). A database created by an earlier version with the old fixed password
     * gets the generated one.
     */
    static void createIfAbsent(Path dir, String password) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve(DATABASE);
        if (!Files.exists(dir.resolve(DATABASE + ".mv.db"))) {
            try (Connection ignored = DriverManager.getConnection(url, USER, password)) {
                System.out.println("[innofund-db] new database " + dir.resolve(DATABASE + ".mv.db"));
            }
            return;
        }
        try (Connection ignored = DriverManager.getConnection(url + ";IFEXISTS=TRUE", USER, password)) {
            return;
        } catch (SQLException wrongPassword) {
            if (wrongPassword.getErrorCode() != 28000) {
                // e.g. a damaged file: start the server anyway, so that the product can say so and name the backup
                System.out.println("[innofund-db] the database does not open: " + wrongPassword.getMessage());
                return;
            }
            try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", USER, LEGACY_PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("ALTER USER " + USER + " SET PASSWORD '" + password.replace("'", "''") + "'");
                System.out.println("[innofund-db] the database's password was replaced by the generated one");
            } catch (SQLException e) {
                wrongPassword.addSuppressed(e);
                throw wrongPassword;
            }
        }
    }

    /**
     * Whether our server answers on the port. A database that answers but does not open (a damaged file) counts as
     * answering: the product then says so on its pages instead of the run command failing here.
     */
    static boolean answers(int port, String password) {
        try (Connection ignored = DriverManager.getConnection(
                "jdbc:h2:tcp://127.0.0.1:" + port + "/" + DATABASE + ";IFEXISTS=TRUE", USER, password)) {
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == 90067) { // connection refused: no server yet
                return false;
            }
            if (e.getErrorCode() == 28000 || e.getErrorCode() == 90146) { // wrong password, or no such database there
                throw new IllegalStateException("Something else answers on 127.0.0.1:" + port + " (" + e.getMessage()
                        + "): stop it or choose another port with -Dinnofund.db.port=...", e);
            }
            System.out.println("[innofund-db] the server answers, but the database does not open: " + e.getMessage());
            return true;
        }
    }

    private static String selfSource() {
        return ProcessHandle.current().info().arguments().stream().flatMap(java.util.Arrays::stream)
                .filter(a -> a.endsWith("DatabaseServer.java")).findFirst()
                .orElseThrow(() -> new IllegalStateException("run me as a source file: java DatabaseServer.java ..."));
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Path path(String s) {
        return Paths.get(s.startsWith("~") ? System.getProperty("user.home") + s.substring(1) : s).toAbsolutePath().normalize();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || !args[i].contains("=")) {
                usage();
            }
            o.put(args[i].substring(2, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            usage();
        }
        return v;
    }

    private static void usage() {
        System.err.println("usage: java -cp h2.jar DatabaseServer.java start|stop|restore [--port=9092] [--dir=~/.innofund/db]"
                + " [--password-file=~/.innofund/db-password] [--backup=FILE.zip]");
        System.exit(2);
    }
}
