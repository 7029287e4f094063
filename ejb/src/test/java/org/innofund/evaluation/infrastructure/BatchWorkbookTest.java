package org.innofund.evaluation.infrastructure;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.innofund.evaluation.domain.EvaluationBatch;
import org.innofund.evaluation.domain.EvaluationBatch.Columns;
import org.innofund.evaluation.domain.EvaluationBatch.Problem;
import org.innofund.evaluation.domain.EvaluationInput;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.shared.BusinessException;
import org.innofund.shared.UploadInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template as written reads back as the rows it was written for; a marked report shows each bad cell. */
class BatchWorkbookTest {

    private static final List<ScoringIndicator> TEMPLATE = ScoringIndicator.defaultTemplate();
    private static final List<ScoringIndicator> OTHER = List.of(new ScoringIndicator("技术水平", 60),
            new ScoringIndicator("经济效益", 40));

    private final List<Path> files = new ArrayList<>();

    @AfterEach
    void removeFiles() throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
    }

    private static BatchWorkbook.Line line(long id, EvaluationStage stage, List<ScoringIndicator> template) {
        return new BatchWorkbook.Line(id, "企业" + id, "项目" + id, stage, LocalDate.of(2026, 12, 31), template, 7);
    }

    private BatchWorkbook.Upload open(byte[] xlsx) throws IOException {
        Path f = Files.createTempFile("batch-test-", ".xlsx");
        files.add(f);
        Files.write(f, xlsx);
        return BatchWorkbook.Upload.open(f);
    }

    /**
     * The upload is read by streaming the sheet's XML, not through POI's workbook: each kind of cell reads as the
     * workbook would show its value unformatted — shared and inline strings, a number whatever its display format, a
     * formula's cached result, a boolean, a styled empty cell in the middle of a row — at its own column and row.
     */
    @Test
    void everyKindOfCellReadsAsItsValueAtItsColumnAndRow() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(BatchWorkbook.DATA_SHEET);
            org.apache.poi.ss.usermodel.CellStyle twoDecimals = wb.createCellStyle();
            twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue("专家");
            row.createCell(1).setCellValue(80);
            row.getCell(1).setCellStyle(twoDecimals);
            row.createCell(2).setCellValue(12.5);
            row.createCell(3).setCellStyle(twoDecimals); // styled, empty
            row.createCell(4).setCellFormula("1+2");
            row.createCell(5).setCellValue(true);
            row.createCell(7).setCellFormula("\"a\"&\"b\"");
            sheet.createRow(4).createCell(2).setCellValue(0.1 + 0.2);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            xlsx = out.toByteArray();
        }
        try (BatchWorkbook.Upload upload = open(xlsx)) {
            List<EvaluationBatch.Row> rows = upload.dataSheets().get(0);
            assertEquals(2, rows.size());
            assertEquals(List.of("专家", "80", "12.5", "", "3", "true", "", "ab"), rows.get(0).cells());
            assertEquals(5, rows.get(1).number(), "the row's own number, past the rows not there");
            assertEquals(List.of("", "", "0.3"), rows.get(1).cells(), "as Excel shows it: 15 significant digits");
        }
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) { // as the template is written: inline strings
            wb.createSheet(BatchWorkbook.DATA_SHEET).createRow(0).createCell(1).setCellValue("评分表");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            try (BatchWorkbook.Upload upload = open(out.toByteArray())) {
                assertEquals(List.of("", "评分表"), upload.dataSheets().get(0).get(0).cells());
            }
        }
    }

    @Test
    void theTemplateListsEachOpenAssignmentOnFiveRowsUnderTheHeaderOfItsCallsIndicators() throws IOException {
        byte[] xlsx = BatchWorkbook.template(List.of(line(11, EvaluationStage.APPROVAL, TEMPLATE),
                        line(12, EvaluationStage.MIDTERM, TEMPLATE), line(13, EvaluationStage.APPROVAL, OTHER)),
                List.of(line(14, EvaluationStage.APPROVAL, List.of())));
        try (BatchWorkbook.Upload upload = open(xlsx)) {
            List<List<EvaluationBatch.Row>> sheets = upload.dataSheets();
            assertEquals(2, sheets.size(), "one data sheet per scoring template");
            List<EvaluationBatch.Row> first = sheets.get(0);
            List<Problem> problems = new ArrayList<>();
            assertEquals(new Columns(TEMPLATE), Columns.of(first.get(0), problems));
            assertEquals(new Columns(OTHER), Columns.of(sheets.get(1).get(0), problems));
            assertTrue(problems.isEmpty(), problems::toString);
            assertEquals(1 + 2 * BatchWorkbook.ROWS_PER_ASSIGNMENT, first.size());
            assertEquals(List.of("11", "企业11", "项目11", "立项评估"), first.get(1).cells().subList(0, 4));
            assertEquals("12", first.get(1 + BatchWorkbook.ROWS_PER_ASSIGNMENT).cells().get(0));
            assertEquals("中期评估", first.get(1 + BatchWorkbook.ROWS_PER_ASSIGNMENT).cells().get(3));
            // left as it is, nothing in it is an evaluation
            EvaluationBatch.Reading unfilled = EvaluationBatch.read(new Columns(TEMPLATE), first.subList(1, first.size()));
            assertTrue(unfilled.entries().isEmpty() && unfilled.problems().isEmpty(), unfilled::toString);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(List.of(BatchWorkbook.DATA_SHEET, BatchWorkbook.DATA_SHEET + 2, BatchWorkbook.OFFERED_SHEET,
                    BatchWorkbook.INSTRUCTIONS_SHEET), List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2),
                    wb.getSheetName(3)));
            Sheet data = wb.getSheet(BatchWorkbook.DATA_SHEET);
            assertEquals(1, data.getPaneInformation().getHorizontalSplitPosition(), "the header row is frozen");
            assertTrue(data.getProtect(), "the pre-filled columns are protected");
            assertTrue(!data.getRow(1).getCell(Columns.EXPERT_COLUMN).getCellStyle().getLocked(), "input cells are not");
            assertEquals("14", wb.getSheet(BatchWorkbook.OFFERED_SHEET).getRow(1).getCell(0).getStringCellValue());
            assertEquals(2, data.getDataValidations().size(), "a verdict list per assignment");
        }
    }

    @Test
    void aFilledInTemplateReadsBackAsTheEvaluationsTyped() throws IOException {
        byte[] xlsx = BatchWorkbook.template(List.of(line(21, EvaluationStage.APPROVAL, TEMPLATE)), List.of());
        Columns columns = new Columns(TEMPLATE);
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet data = wb.getSheet(BatchWorkbook.DATA_SHEET);
            for (int e = 0; e < 3; e++) {
                Row row = data.getRow(1 + e);
                row.getCell(Columns.EXPERT_COLUMN).setCellValue("专家" + e);
                for (int i = 0; i < TEMPLATE.size(); i++) {
                    row.getCell(columns.score(i)).setCellValue(i == 0 ? 12.5 : 10);
                }
            }
            Row first = data.getRow(1);
            first.getCell(columns.verdict()).setCellValue(EvaluationBatch.VERDICT_LABELS.get(Verdict.RECOMMEND));
            first.getCell(columns.amount()).setCellValue(300000);
            first.getCell(columns.opinion()).setCellValue("同意立项");
            first.getCell(columns.report()).setCellValue("21.pdf");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        try (BatchWorkbook.Upload upload = open(filled)) {
            List<EvaluationBatch.Row> rows = upload.dataSheets().get(0);
            EvaluationBatch.Reading reading = EvaluationBatch.read(columns, rows.subList(1, rows.size()));
            assertTrue(reading.problems().isEmpty(), reading.problems()::toString);
            assertEquals(1, reading.entries().size());
            EvaluationBatch.Entry entry = reading.entries().get(0);
            assertEquals(21L, entry.assignmentId());
            assertEquals(List.of(2, 3, 4), entry.rows());
            assertEquals("21.pdf", entry.reportFile());
            EvaluationInput input = entry.input();
            assertEquals(3, input.sheets().size());
            assertEquals(0, new BigDecimal("12.5").compareTo(input.sheets().get(0).scores().get(0)));
            assertEquals("专家2", input.sheets().get(2).expert().name());
            assertEquals(Verdict.RECOMMEND, input.conclusion().verdict());
            assertEquals("同意立项", input.opinion());
        }
    }

    @Test
    void theMarkedReportFillsAndCommentsEachBadCellAndListsTheMessagesInAnErrorColumn() throws IOException {
        byte[] xlsx = BatchWorkbook.template(List.of(line(31, EvaluationStage.APPROVAL, TEMPLATE)), List.of());
        Columns columns = new Columns(TEMPLATE);
        Problem score = Problem.at(BatchWorkbook.DATA_SHEET, 2, columns.score(1), "evaluation.scoreRange");
        Problem verdict = Problem.at(BatchWorkbook.DATA_SHEET, 2, columns.verdict(), "batch.verdictMissing");
        Problem file = Problem.ofFile("batch.fileNotNamed", "x.pdf");
        byte[] marked;
        try (BatchWorkbook.Upload upload = open(xlsx)) {
            marked = upload.marked(List.of(score, verdict, file), p -> "msg " + p.messageKey());
        }
        int errorColumn = columns.version() + 1;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
            Sheet data = wb.getSheet(BatchWorkbook.DATA_SHEET);
            assertEquals("错误", data.getRow(0).getCell(errorColumn).getStringCellValue());
            Cell bad = data.getRow(1).getCell(columns.score(1));
            assertEquals(FillPatternType.SOLID_FOREGROUND, bad.getCellStyle().getFillPattern());
            assertNotNull(bad.getCellComment());
            assertEquals("msg evaluation.scoreRange", bad.getCellComment().getString().getString());
            assertNotNull(data.getRow(1).getCell(columns.verdict()).getCellComment());
            assertNull(data.getRow(1).getCell(columns.score(0)).getCellComment(), "a good cell is left as it is");
            assertEquals(score.cell() + "：msg evaluation.scoreRange\n" + verdict.cell() + "：msg batch.verdictMissing",
                    data.getRow(1).getCell(errorColumn).getStringCellValue());
            assertEquals("msg batch.fileNotNamed", wb.getSheet("文件错误").getRow(0).getCell(0).getStringCellValue());
        }
    }

    @Test
    void theTemplateWritesEachAssignmentsVersionInALockedColumnAndReadsItBack() throws IOException {
        byte[] xlsx = BatchWorkbook.template(List.of(line(41, EvaluationStage.APPROVAL, TEMPLATE)), List.of());
        Columns columns = new Columns(TEMPLATE);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet data = wb.getSheet(BatchWorkbook.DATA_SHEET);
            assertEquals(EvaluationBatch.VERSION, data.getRow(0).getCell(columns.version()).getStringCellValue());
            for (int r = 1; r <= BatchWorkbook.ROWS_PER_ASSIGNMENT; r++) {
                Cell version = data.getRow(r).getCell(columns.version());
                assertEquals(7, version.getNumericCellValue());
                assertTrue(version.getCellStyle().getLocked(), "the agency does not type the version");
                assertFalse(data.getRow(r).getCell(columns.figure(7)).getCellStyle().getLocked(), "it types the figures");
            }
            for (int i = 0; i < 3; i++) {
                Row row = data.getRow(1 + i);
                row.getCell(Columns.EXPERT_COLUMN).setCellValue("专家" + i);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            xlsx = out.toByteArray();
        }
        try (BatchWorkbook.Upload upload = open(xlsx)) {
            List<EvaluationBatch.Row> rows = upload.dataSheets().get(0);
            EvaluationBatch.Entry entry = EvaluationBatch.read(columns, rows.subList(1, rows.size())).entries().get(0);
            assertEquals(7L, entry.version());
        }
    }

    /** Row 2 of the first data sheet and row 2 of the second are two cells: each problem is marked on its own sheet. */
    @Test
    void theMarkedReportPutsEachProblemOnItsOwnSheetAndSkipsADataSheetWithoutRows() throws IOException {
        byte[] xlsx = BatchWorkbook.template(List.of(line(51, EvaluationStage.APPROVAL, TEMPLATE),
                line(52, EvaluationStage.APPROVAL, OTHER)), List.of());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.createSheet(BatchWorkbook.DATA_SHEET + 3);
            wb.createSheet(BatchWorkbook.DATA_SHEET + 4).createRow(4).createCell(0).setCellValue("51");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            xlsx = out.toByteArray();
        }
        Problem first = Problem.at(BatchWorkbook.DATA_SHEET, 2, 7, "evaluation.scoreRange");
        Problem second = Problem.at(BatchWorkbook.DATA_SHEET + 2, 2, 8, "evaluation.scoreScale");
        Problem fourth = Problem.at(BatchWorkbook.DATA_SHEET + 4, 5, 0, "batch.header");
        byte[] marked;
        try (BatchWorkbook.Upload upload = open(xlsx)) {
            marked = upload.marked(List.of(first, second, fourth), p -> "msg " + p.messageKey());
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
            Sheet one = wb.getSheet(BatchWorkbook.DATA_SHEET);
            Sheet two = wb.getSheet(BatchWorkbook.DATA_SHEET + 2);
            assertNotNull(one.getRow(1).getCell(7).getCellComment());
            assertNull(one.getRow(1).getCell(8).getCellComment(), "the second sheet's problem is not on the first");
            assertNotNull(two.getRow(1).getCell(8).getCellComment());
            assertNull(two.getRow(1).getCell(7).getCellComment(), "the first sheet's problem is not on the second");
            assertNotNull(wb.getSheet(BatchWorkbook.DATA_SHEET + 4).getRow(4).getCell(0).getCellComment());
            assertEquals(0, wb.getSheet(BatchWorkbook.DATA_SHEET + 3).getPhysicalNumberOfRows(), "an empty sheet is left");
        }
    }

    /** A small file of many rows is refused before the workbook is built in memory (the row count streamed). */
    @Test
    void aWorkbookOfMoreRowsThanTheLimitIsRefusedUnbuilt() throws IOException {
        byte[] xlsx = rows(BatchWorkbook.MAX_ROWS + 1, 1);
        assertTrue(xlsx.length < 1024 * 1024, "small on disk: " + xlsx.length);
        BusinessException e = assertThrows(BusinessException.class, () -> open(xlsx));
        assertEquals("batch.tooManyRows", e.messageKey());

        Path f = Files.createTempFile("batch-test-", ".xlsx");
        files.add(f);
        Files.write(f, rows(10, 3));
        BatchWorkbook.Upload.read(f, 10, 30);
        assertEquals("batch.tooManyRows", assertThrows(BusinessException.class,
                () -> BatchWorkbook.Upload.read(f, 9, 30)).messageKey());
        assertEquals("batch.tooManyRows", assertThrows(BusinessException.class,
                () -> BatchWorkbook.Upload.read(f, 10, 29)).messageKey(), "cells count too");
    }

    private static byte[] rows(int rows, int cells) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet s = wb.createSheet(BatchWorkbook.INSTRUCTIONS_SHEET);
            for (int r = 0; r < rows; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < cells; c++) {
                    row.createCell(c).setCellValue(1);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    /** Parts that inflate past the batch's limit (each under the size where the ratio is checked) are refused. */
    @Test
    void aWorkbookThatInflatesPastTheBatchLimitIsRefusedThoughAnAttachmentWouldPass() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            byte[] megabyte = new byte[1024 * 1024];
            for (int i = 0; i <= BatchWorkbook.MAX_UNPACKED_MB; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/" + i + ".bin"));
                zip.write(megabyte);
            }
        }
        byte[] xlsx = out.toByteArray();
        assertTrue(xlsx.length < 1024 * 1024, "small on disk: " + xlsx.length);
        UploadInspector.inspect(new ByteArrayInputStream(xlsx), BatchFiles.MAX_WORKBOOK_BYTES).discard();
        BusinessException e = assertThrows(BusinessException.class, () -> UploadInspector.inspect(
                new ByteArrayInputStream(xlsx), BatchFiles.MAX_WORKBOOK_BYTES, BatchWorkbook.ZIP_LIMITS));
        assertEquals("attachment.zipBomb", e.messageKey());
    }
}
