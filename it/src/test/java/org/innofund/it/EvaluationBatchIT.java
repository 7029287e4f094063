package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.innofund.evaluation.domain.EvaluationBatch;
import org.innofund.evaluation.domain.Verdict;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 批量上传评估 through the API (issue 10): the template of the agency's assignments filled in, with the report PDFs in
 * one ZIP; one bad cell among 200 rows leaves nothing stored and is named by row and cell; the same file fixed is
 * taken whole (every evaluation submitted); a dry run stores nothing; another agency's assignment and a PDF that is not
 * one are named.
 */
@ExtendWith(ArquillianExtension.class)
class EvaluationBatchIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final Pattern WEIGHT = Pattern.compile(".*\\((\\d+)\\)");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(EvaluationBatchIT.class, AssignmentIT.class, DeclarationLifeIT.class,
                DeclarationIT.class, Http.class, TestData.class, TestFiles.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    private AssignmentIT assignments() {
        AssignmentIT a = new AssignmentIT();
        a.dataSource = dataSource;
        return a;
    }

    /** A fresh agency with the given number of accepted declarations assigned to it, each declared free of conflict. */
    private AssignmentIT.Agency agencyWith(int count, List<Long> ids) throws SQLException {
        AssignmentIT it = assignments();
        AssignmentIT.Agency agency = it.newAgency();
        long[] declarations = new long[count];
        for (int i = 0; i < count; i++) {
            declarations[i] = Http.declarationId(it.acceptedDeclaration(TestData.newUscc()));
        }
        HttpResponse<String> assigned = it.assign(it.reviewer(), agency.id(), TODAY.plusDays(30), declarations);
        assertEquals(200, assigned.statusCode(), assigned.body());
        for (JsonObject a : ((JsonArray) Http.jsonOf(assigned)).getValuesAs(JsonObject.class)) {
            HttpResponse<String> declared = it.declare(agency.token(), a, false, null);
            assertEquals(200, declared.statusCode(), declared.body());
            ids.add(a.getJsonNumber("id").longValue());
        }
        return agency;
    }

    private byte[] template(String token) {
        HttpResponse<byte[]> t = http.getBytes("api/v1/evaluations/batch/template", Http.bearer(token));
        assertEquals(200, t.statusCode());
        return t.body();
    }

    /**
     * The template filled in: 5 experts per assignment (every pre-filled row), each indicator at 80% of its weight
     * (the third expert a little lower), 建议立项 with 1,000 yuan, the report named "id.pdf".
     */
    private static byte[] filled(byte[] template, Map<Long, String> extraRowsOf) throws IOException {
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
                } else if (h.equals(EvaluationBatch.VERDICT)) {
                    verdict = c;
                }
            }
            Long previous = null;
            int expert = 0;
            for (int r = 1; r <= data.getLastRowNum(); r++) {
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
                    row.getCell(verdict).setCellValue(EvaluationBatch.VERDICT_LABELS.get(Verdict.RECOMMEND));
                    row.getCell(verdict + 1).setCellValue(1000);
                    row.getCell(verdict + 3).setCellValue("同意立项。");
                    row.getCell(verdict + 4).setCellValue(id + ".pdf");
                }
            }
            int next = data.getLastRowNum() + 1;
            for (Map.Entry<Long, String> extra : extraRowsOf.entrySet()) {
                Row row = data.createRow(next++);
                row.createCell(0).setCellValue(extra.getKey());
                row.createCell(4).setCellValue("专家1");
                row.createCell(verdict + 4).setCellValue(extra.getValue());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The same workbook with one cell of the data sheet set (row and column 0-based). */
    private static byte[] withCell(byte[] xlsx, String a1, double value) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            CellReference ref = new CellReference(a1);
            wb.getSheet("评分表").getRow(ref.getRow()).getCell(ref.getCol()).setCellValue(value);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("报告/" + f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** multipart/form-data: the workbook, then each file under "files". */
    private HttpResponse<String> upload(String path, String token, byte[] workbook, Map<String, byte[]> files) {
        String boundary = "----innofund-batch" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            part(body, boundary, "workbook", "评估.xlsx", workbook);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                part(body, boundary, "files", f.getKey(), f.getValue());
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return http.send(HttpRequest.newBuilder(Http.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), Http.bearer(token));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content)
            throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(HttpResponse<String> r) {
        return Http.json(r).getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("cell", "-") + " " + p.getString("code")).toList();
    }

    private long stored(long agencyId, String state) throws SQLException {
        return assignments().count("select count(*) from evaluation e join evaluation_assignment a on a.id = e.assignment_id "
                + "where a.agency_id = ? and e.state = '" + state + "'", agencyId);
    }

    @Test
    void oneBadCellAmong200RowsLeavesNothingStoredAndTheSameFileFixedIsTakenWhole() throws Exception {
        List<Long> ids = new ArrayList<>();
        AssignmentIT.Agency agency = agencyWith(40, ids);
        byte[] good = filled(template(agency.token()), Map.of());
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        for (long id : ids) {
            pdfs.put(id + ".pdf", TestFiles.pdf(3000));
        }
        byte[] reports = zip(pdfs);
        String badCell = "H199"; // the first indicator of the 198th data row: above its weight
        byte[] bad = withCell(good, badCell, 99);

        HttpResponse<String> refused = upload("api/v1/evaluations/batch", agency.token(), bad, Map.of("r.zip", reports));
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(200, Http.json(refused).getInt("rows"));
        assertEquals(40, Http.json(refused).getInt("evaluations"));
        assertEquals(39, Http.json(refused).getInt("accepted"));
        assertFalse(Http.json(refused).getBoolean("stored"));
        assertEquals(List.of(badCell + " evaluation.scoreRange"), problems(refused));
        assertEquals(199, Http.json(refused).getJsonArray("problems").getJsonObject(0).getInt("row"));
        assertEquals(0, stored(agency.id(), "DRAFT") + stored(agency.id(), "SUBMITTED"), "nothing stored");

        HttpResponse<byte[]> marked = markedReport(agency.token(), bad, reports);
        assertEquals(200, marked.statusCode());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(marked.body()))) {
            CellReference ref = new CellReference(badCell);
            assertNotNull(wb.getSheet("评分表").getRow(ref.getRow()).getCell(ref.getCol()).getCellComment(),
                    "the report marks the bad cell");
        }

        HttpResponse<String> dry = upload("api/v1/evaluations/batch?dryRun=true", agency.token(), good, Map.of("r.zip", reports));
        assertEquals(200, dry.statusCode(), dry.body());
        assertEquals(40, Http.json(dry).getInt("accepted"));
        assertFalse(Http.json(dry).getBoolean("stored"));
        assertEquals(0, stored(agency.id(), "DRAFT") + stored(agency.id(), "SUBMITTED"), "a dry run stores nothing");

        HttpResponse<String> taken = upload("api/v1/evaluations/batch", agency.token(), good, Map.of("r.zip", reports));
        assertEquals(200, taken.statusCode(), taken.body());
        assertTrue(Http.json(taken).getBoolean("stored"));
        assertEquals(40, stored(agency.id(), "SUBMITTED"), "every evaluation submitted");
        assertEquals(40, assignments().count("select count(*) from evaluation_assignment where agency_id = ? "
                + "and state = 'SUBMITTED'", agency.id()));
        assertEquals(40, assignments().count("select count(*) from evaluation_report_content c join evaluation e "
                + "on e.id = c.evaluation_id join evaluation_assignment a on a.id = e.assignment_id where a.agency_id = ?",
                agency.id()), "each report's content stored");
        for (String action : List.of("EVALUATION_REPORT", "EVALUATION_SUBMIT")) {
            assertEquals(40, assignments().count("select count(*) from audit_entry where action = '" + action + "' and "
                    + "target in (select 'assignment:' || id from evaluation_assignment where agency_id = ?)", agency.id()),
                    "an audit entry of each evaluation's " + action + ", appended together at the commit");
        }

        HttpResponse<String> again = upload("api/v1/evaluations/batch", agency.token(), good, Map.of("r.zip", reports));
        assertEquals(422, again.statusCode(), "submitted is final: " + again.body());
    }

    private HttpResponse<byte[]> markedReport(String token, byte[] workbook, byte[] reports) {
        String boundary = "----innofund-batch" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            part(body, boundary, "workbook", "评估.xlsx", workbook);
            part(body, boundary, "files", "r.zip", reports);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(Http.uri("api/v1/evaluations/batch/report"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherAgencysAssignmentIsNamedUnknownAndAFileThatIsNotAPdfIsNamed() throws Exception {
        List<Long> mine = new ArrayList<>();
        AssignmentIT.Agency agency = agencyWith(1, mine);
        List<Long> theirs = new ArrayList<>();
        agencyWith(1, theirs);
        byte[] xlsx = filled(template(agency.token()), Map.of(theirs.get(0), "theirs.pdf"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(mine.get(0) + ".pdf", TestFiles.fakePdf(4000));
        files.put("theirs.pdf", TestFiles.pdf(3000));

        HttpResponse<String> r = upload("api/v1/evaluations/batch", agency.token(), xlsx, files);
        assertEquals(422, r.statusCode(), r.body());
        List<String> problems = problems(r);
        assertTrue(problems.contains("A7 batch.unknownAssignment"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("2 attachment.pdfDamaged")), problems.toString());
        String message = Http.json(r).getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .filter(p -> "batch.unknownAssignment".equals(p.getString("code"))).findFirst().orElseThrow()
                .getString("message");
        assertTrue(message.contains(String.valueOf(theirs.get(0))), message);
        assertEquals(0, stored(agency.id(), "DRAFT") + stored(agency.id(), "SUBMITTED"));
    }

    /**
     * Lost update: a colleague saves a draft through the API after the template was downloaded; the upload of that
     * template is refused, naming the assignment's row (its version cell), and the colleague's draft stays as saved.
     */
    @Test
    void aDraftSavedAfterTheTemplateWasDownloadedIsNotOverwritten() throws Exception {
        List<Long> ids = new ArrayList<>();
        AssignmentIT.Agency agency = agencyWith(2, ids);
        byte[] template = template(agency.token());
        byte[] xlsx = filled(template, Map.of());
        long changed = ids.get(1);
        HttpResponse<String> read = http.get("api/v1/assignments/" + changed, Http.bearer(agency.token()));
        assertEquals(200, read.statusCode(), read.body());
        HttpResponse<String> saved = http.putJson("api/v1/assignments/" + changed + "/evaluation", "{\"version\":"
                + Http.json(read).getJsonNumber("version").longValue() + ",\"opinion\":\"同事先保存的草稿。\"}",
                Http.bearer(agency.token()));
        assertEquals(200, saved.statusCode(), saved.body());
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        for (long id : ids) {
            pdfs.put(id + ".pdf", TestFiles.pdf(3000));
        }

        HttpResponse<String> r = upload("api/v1/evaluations/batch", agency.token(), xlsx, Map.of("r.zip", zip(pdfs)));
        assertEquals(422, r.statusCode(), r.body());
        String versionCell;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet data = wb.getSheet("评分表");
            int column = -1;
            for (int c = 0; c < data.getRow(0).getLastCellNum(); c++) {
                column = EvaluationBatch.VERSION.equals(data.getRow(0).getCell(c).getStringCellValue()) ? c : column;
            }
            int row = 1;
            while ((long) data.getRow(row).getCell(0).getNumericCellValue() != changed) {
                row++;
            }
            versionCell = new CellReference(row, column).formatAsString(false);
        }
        assertEquals(List.of(versionCell + " batch.stale"), problems(r));
        JsonObject problem = Http.json(r).getJsonArray("problems").getJsonObject(0);
        assertEquals("评分表", problem.getString("sheet"));
        assertEquals(1, Http.json(r).getInt("accepted"), "the other assignment is fine");
        assertEquals(0, stored(agency.id(), "SUBMITTED"), "nothing stored");
        assertEquals(1, stored(agency.id(), "DRAFT"), "only the colleague's draft");
        HttpResponse<String> draft = http.get("api/v1/assignments/" + changed + "/evaluation", Http.bearer(agency.token()));
        assertEquals("同事先保存的草稿。", Http.json(draft).getString("opinion"), draft.body());
    }
}
