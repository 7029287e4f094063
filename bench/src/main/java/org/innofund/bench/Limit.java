package org.innofund.bench;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The bulk upload's lower bound on this machine: what any implementation must at least do with the same input.
 * (1) POI's streaming (SAX) read of the workbook's data sheet into cell values; (2) SHA-256 of every PDF;
 * (3) one JDBC batch insert, in one transaction, of the rows the product writes (an evaluation, its 5 sheets, their
 * scores, a transition, and the PDF bytes as a BLOB per assignment) into scratch tables of the product's own database.
 * No validation, no PDF parsing, no ORM, no audit: what is left when all of that costs nothing.
 */
final class Limit {

    private static final String[] TABLES = {"bench_limit_score", "bench_limit_sheet", "bench_limit_report",
            "bench_limit_transition", "bench_limit_evaluation"};

    private final Connection db;
    private final byte[] xlsx;
    private final Map<String, byte[]> pdfs;
    private final int expectedRows;
    private long nextId = 1;

    Limit(Connection db, byte[] xlsx, Map<String, byte[]> pdfs, int expectedRows) {
        this.db = db;
        this.xlsx = xlsx;
        this.pdfs = pdfs;
        this.expectedRows = expectedRows;
    }

    /** Scratch tables shaped as the product's (V021: evaluation, evaluation_sheet, evaluation_score, the report). */
    void createScratch() throws SQLException {
        dropScratch();
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE bench_limit_evaluation (id NUMBER(19) PRIMARY KEY, assignment_id NUMBER(19) NOT NULL, "
                    + "version_no NUMBER(3) NOT NULL, state VARCHAR2(16 CHAR) NOT NULL, total NUMBER(5,2), grade VARCHAR2(16 CHAR), "
                    + "verdict VARCHAR2(32 CHAR), recommended_amount NUMBER(16,2), opinion CLOB, report_name VARCHAR2(255 CHAR), "
                    + "report_size NUMBER(12), report_sha256 VARCHAR2(64 CHAR), submitted_by VARCHAR2(64 CHAR), "
                    + "submitted_at TIMESTAMP(6), created_at TIMESTAMP(6) NOT NULL, version NUMBER(19) DEFAULT 0 NOT NULL)");
            s.execute("CREATE TABLE bench_limit_report (evaluation_id NUMBER(19) PRIMARY KEY, content BLOB NOT NULL)");
            s.execute("CREATE TABLE bench_limit_sheet (id NUMBER(19) PRIMARY KEY, evaluation_id NUMBER(19) NOT NULL, "
                    + "position NUMBER(2) NOT NULL, expert_name VARCHAR2(100 CHAR), expert_title VARCHAR2(100 CHAR), "
                    + "expert_employer VARCHAR2(200 CHAR), dropped NUMBER(1) DEFAULT 0 NOT NULL, dispersed NUMBER(1) DEFAULT 0 NOT NULL)");
            s.execute("CREATE TABLE bench_limit_score (sheet_id NUMBER(19) NOT NULL, indicator NUMBER(2) NOT NULL, "
                    + "score NUMBER(4,1), PRIMARY KEY (sheet_id, indicator))");
            s.execute("CREATE TABLE bench_limit_transition (id NUMBER(19) PRIMARY KEY, assignment_id NUMBER(19) NOT NULL, "
                    + "from_state VARCHAR2(32 CHAR), to_state VARCHAR2(32 CHAR) NOT NULL, actor VARCHAR2(64 CHAR) NOT NULL, "
                    + "occurred_at TIMESTAMP(6) NOT NULL)");
        }
    }

    void clearScratch() throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String t : TABLES) {
                s.execute("DELETE FROM " + t);
            }
        }
    }

    void dropScratch() throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String t : TABLES) {
                s.execute("DROP TABLE IF EXISTS " + t); // bench-only scratch on H2, never a migration
            }
        }
    }

    /** One measure: {read ms, sha ms, insert ms, total ms}. */
    double[] measure() throws Exception {
        long t0 = System.nanoTime();
        List<List<String>> rows = read();
        long t1 = System.nanoTime();
        Map<String, String> sha = new HashMap<>();
        for (Map.Entry<String, byte[]> p : pdfs.entrySet()) {
            sha.put(p.getKey(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(p.getValue())));
        }
        long t2 = System.nanoTime();
        insert(rows, sha);
        long t3 = System.nanoTime();
        if (rows.size() != expectedRows) {
            throw new IllegalStateException("the streaming read found " + rows.size() + " rows, not " + expectedRows);
        }
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6};
    }

    /** The data sheet's rows below the header as cell texts (column by column, gaps as null), by POI's SAX reader. */
    private List<List<String>> read() throws Exception {
        Path file = Files.createTempFile("bulk-limit", ".xlsx");
        try {
            Files.write(file, xlsx); // the server, too, has the upload as a file before it opens it
            List<List<String>> rows = new ArrayList<>();
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        if (!sheets.getSheetName().equals("评分表")) {
                            continue;
                        }
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Collector(rows), false));
                        parser.parse(new InputSource(sheet));
                    }
                }
            }
            return rows;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<List<String>> rows;
        private List<String> row;

        Collector(List<List<String>> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum == 0 ? null : new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (row != null && !row.isEmpty()) {
                rows.add(row);
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            if (row == null) {
                return;
            }
            int col = new org.apache.poi.ss.util.CellReference(ref).getCol();
            while (row.size() < col) {
                row.add(null);
            }
            row.add(value);
        }
    }

    /**
     * The same rows the product writes for these evaluations, with the same bytes, batched, one commit. Columns as the
     * template lays them out: 0 id, 4-6 expert, 7.. scores, then verdict, amount, spend, opinion, report.
     */
    private void insert(List<List<String>> rows, Map<String, String> sha) throws SQLException {
        int scores = scoreColumns(rows);
        int verdict = 7 + scores;
        Timestamp now = new Timestamp(System.currentTimeMillis());
        inTransaction(db, () -> {
            try (PreparedStatement ev = db.prepareStatement("INSERT INTO bench_limit_evaluation (id, assignment_id, version_no, "
                    + "state, total, grade, verdict, recommended_amount, opinion, report_name, report_size, report_sha256, "
                    + "submitted_by, submitted_at, created_at) VALUES (?, ?, 1, 'SUBMITTED', ?, 'GOOD', 'RECOMMEND', ?, ?, ?, ?, ?, 'bench', ?, ?)");
                 PreparedStatement sh = db.prepareStatement("INSERT INTO bench_limit_sheet (id, evaluation_id, position, "
                         + "expert_name, expert_title, expert_employer) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement sc = db.prepareStatement("INSERT INTO bench_limit_score (sheet_id, indicator, score) VALUES (?, ?, ?)");
                 PreparedStatement tr = db.prepareStatement("INSERT INTO bench_limit_transition (id, assignment_id, from_state, "
                         + "to_state, actor, occurred_at) VALUES (?, ?, 'IN_EVALUATION', 'SUBMITTED', 'bench', ?)");
                 PreparedStatement rp = db.prepareStatement("INSERT INTO bench_limit_report (evaluation_id, content) VALUES (?, ?)")) {
                long evaluation = 0;
                String current = null;
                int position = 0;
                for (List<String> row : rows) {
                    String assignment = row.get(0);
                    if (!assignment.equals(current)) {
                        current = assignment;
                        position = 0;
                        evaluation = nextId++;
                        String report = cell(row, verdict + 4);
                        byte[] content = pdfs.get(report);
                        ev.setLong(1, evaluation);
                        ev.setLong(2, (long) Double.parseDouble(assignment));
                        ev.setBigDecimal(3, new BigDecimal("80.00"));
                        ev.setBigDecimal(4, new BigDecimal(cell(row, verdict + 1)));
                        ev.setString(5, cell(row, verdict + 3));
                        ev.setString(6, report);
                        ev.setLong(7, content.length);
                        ev.setString(8, sha.get(report));
                        ev.setTimestamp(9, now);
                        ev.setTimestamp(10, now);
                        ev.addBatch();
                        tr.setLong(1, evaluation);
                        tr.setLong(2, (long) Double.parseDouble(assignment));
                        tr.setTimestamp(3, now);
                        tr.addBatch();
                        rp.setLong(1, evaluation);
                        rp.setBytes(2, content);
                        rp.addBatch();
                    }
                    long sheet = nextId++;
                    sh.setLong(1, sheet);
                    sh.setLong(2, evaluation);
                    sh.setInt(3, ++position);
                    sh.setString(4, cell(row, 4));
                    sh.setString(5, cell(row, 5));
                    sh.setString(6, cell(row, 6));
                    sh.addBatch();
                    for (int i = 0; i < scores; i++) {
                        sc.setLong(1, sheet);
                        sc.setInt(2, i);
                        sc.setBigDecimal(3, new BigDecimal(cell(row, 7 + i)).setScale(1, java.math.RoundingMode.HALF_UP));
                        sc.addBatch();
                    }
                }
                ev.executeBatch();
                tr.executeBatch();
                rp.executeBatch();
                sh.executeBatch();
                sc.executeBatch();
            }
        });
    }

    /** SQL run by {@link #inTransaction}. */
    interface SqlWork {
        void run() throws SQLException;
    }

    /** The work in one transaction of its own: committed, or rolled back if it throws; auto-commit again after. */
    static void inTransaction(Connection db, SqlWork work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** The number of score columns: those of the first row holding numbers after the expert's employer. */
    private static int scoreColumns(List<List<String>> rows) {
        List<String> first = rows.get(0);
        int n = 0;
        while (7 + n < first.size() && first.get(7 + n) != null && first.get(7 + n).matches("[0-9.]+")) {
            n++;
        }
        return n;
    }

    private static String cell(List<String> row, int col) {
        return col < row.size() ? row.get(col) : null;
    }
}
