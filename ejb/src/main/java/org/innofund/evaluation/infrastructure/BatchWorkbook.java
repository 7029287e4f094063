package org.innofund.evaluation.infrastructure;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.innofund.evaluation.domain.EvaluationBatch;
import org.innofund.evaluation.domain.EvaluationBatch.Columns;
import org.innofund.evaluation.domain.EvaluationBatch.Problem;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.shared.BusinessException;
import org.innofund.shared.UploadInspector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.SAXException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bulk evaluation spreadsheet as a file (Apache POI): the template written (streaming, SXSSF), an upload read
 * (XSSF: the same workbook is marked for the row report, and some 5,000 rows read in well under a second), and the
 * report written as the uploaded workbook with each bad cell filled red and commented, and an error column.
 * The layout itself is {@link EvaluationBatch}'s.
 */
public final class BatchWorkbook {

    /** Data sheets are named so; a call with another scoring template gets a sheet of its own (评分表2, ...). */
    public static final String DATA_SHEET = "评分表";
    public static final String OFFERED_SHEET = "待回避声明";
    public static final String INSTRUCTIONS_SHEET = "填写说明";
    /** Rows pre-filled per assignment: the usual panel of 5; more experts are more rows with the same number. */
    public static final int ROWS_PER_ASSIGNMENT = 5;
    /**
     * An upload's rows in all its sheets: 15 experts for each of 2,000 assignments, with the headers and the list of
     * those still to declare; refused above, before the workbook is built in memory.
     */
    public static final int MAX_ROWS = 15 * 2_000 + 2_000 + 100;
    /** Its cells: the widest template (30 indicators) is some 50 columns. */
    public static final long MAX_CELLS = MAX_ROWS * 52L;
    /**
     * An upload is read whole into memory (XSSF, to mark it for the row report): its parts may inflate to
     * {@value #MAX_UNPACKED_MB} MB. Measured: the default template filled in for 2,000 assignments × 15 experts (long
     * names and opinions, every figure) inflates to 23 MB and takes some 300 MB of heap; the rest is for wider templates.
     */
    public static final int MAX_UNPACKED_MB = 40;
    public static final UploadInspector.ZipLimits ZIP_LIMITS = new UploadInspector.ZipLimits(1_000,
            MAX_UNPACKED_MB * 1024L * 1024, 100);

    private BatchWorkbook() {
    }

    /** An open assignment as the template lists it. */
    public record Line(long assignmentId, String enterprise, String project, EvaluationStage stage, LocalDate dueOn,
                       List<ScoringIndicator> template, long version) {
    }

    /** The template: one data sheet per scoring template, the offered assignments apart, and the instructions. */
    public static byte[] template(List<Line> open, List<Line> offered) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            CellStyle header = wb.createCellStyle();
            var bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle input = wb.createCellStyle();
            input.setLocked(false);
            Map<List<ScoringIndicator>, List<Line>> byTemplate = open.stream().collect(Collectors.groupingBy(Line::template,
                    LinkedHashMap::new, Collectors.toList()));
            if (byTemplate.isEmpty()) {
                byTemplate.put(ScoringIndicator.defaultTemplate(), List.of());
            }
            int n = 0;
            for (Map.Entry<List<ScoringIndicator>, List<Line>> e : byTemplate.entrySet()) {
                dataSheet(wb, n++ == 0 ? DATA_SHEET : DATA_SHEET + n, new Columns(e.getKey()), e.getValue(), header, input);
            }
            Sheet waiting = wb.createSheet(OFFERED_SHEET);
            row(waiting, 0, header, "待声明的任务编号", EvaluationBatch.ENTERPRISE, EvaluationBatch.PROJECT,
                    EvaluationBatch.STAGE, "截止日期", "说明");
            int r = 1;
            for (Line l : offered) {
                row(waiting, r++, null, String.valueOf(l.assignmentId()), l.enterprise(), l.project(),
                        EvaluationBatch.STAGE_LABELS.get(l.stage()), String.valueOf(l.dueOn()),
                        "请先在系统中作回避声明（无利害关系），再重新下载模板");
            }
            Sheet help = wb.createSheet(INSTRUCTIONS_SHEET);
            String[] lines = {
                    "每位评审专家一行；同一任务的各行上下相邻，任务编号相同。专家 3–15 人（5 人及以上去掉一个最高分和一个最低分）。",
                    "模板已为每个任务预留 " + ROWS_PER_ASSIGNMENT + " 行；专家更多时插入行并填写同一任务编号，不用的行留空即可。",
                    "各指标得分在 0 与表头括号中的权重之间，最多一位小数。总分和等级由系统计算。",
                    "评估结论（下拉选择）、建议补助金额、审定实际支出、评估意见、评估报告文件名、核定数据只在任务的第一行填写。",
                    "核定数据（研发费用、营业收入、专利、人员）只在后补助类项目的立项评估中填写，其中研发费用（两个口径）和营业收入必填。",
                    "“" + EvaluationBatch.VERSION + "”一列由系统填写：下载模板后任务如被他人修改，上传时该任务将被拒收，请重新下载模板。",
                    "评估报告为 PDF，与本表一起上传（多个文件或一个 ZIP），文件名与“评估报告文件名”一列一致。",
                    "未填写专家和得分的任务不上传；整个文件检查无误才全部保存，有任何错误则全部不保存，并给出逐行逐格的错误报告。",
                    "“" + OFFERED_SHEET + "”中的任务须先作回避声明才能评估。"};
            for (int i = 0; i < lines.length; i++) {
                row(help, i, null, lines[i]);
            }
            help.setColumnWidth(0, 120 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dataSheet(SXSSFWorkbook wb, String name, Columns columns, List<Line> lines, CellStyle header,
                                  CellStyle input) {
        SXSSFSheet sheet = wb.createSheet(name);
        List<String> titles = columns.header();
        for (int c = 0; c < titles.size(); c++) {
            if (c == Columns.ID_COLUMN || c >= Columns.EXPERT_COLUMN && c != columns.version()) {
                sheet.setDefaultColumnStyle(c, input);
            }
            sheet.setColumnWidth(c, (c == columns.opinion() ? 40 : 14) * 256);
        }
        row(sheet, 0, header, titles.toArray(String[]::new));
        sheet.createFreezePane(0, 1);
        DataValidationHelper dv = sheet.getDataValidationHelper();
        int r = 1;
        for (Line l : lines) {
            for (int i = 0; i < ROWS_PER_ASSIGNMENT; i++) {
                Row row = row(sheet, r + i, null, null, l.enterprise(), l.project(), EvaluationBatch.STAGE_LABELS.get(l.stage()));
                Cell id = row.createCell(Columns.ID_COLUMN);
                id.setCellValue(l.assignmentId());
                id.setCellStyle(input);
                for (int c = Columns.EXPERT_COLUMN; c < columns.version(); c++) {
                    row.createCell(c).setCellStyle(input);
                }
                row.createCell(columns.version()).setCellValue(l.version());
            }
            String[] verdicts = Verdict.of(l.stage()).stream().map(EvaluationBatch.VERDICT_LABELS::get).toArray(String[]::new);
            DataValidation list = dv.createValidation(dv.createExplicitListConstraint(verdicts),
                    new CellRangeAddressList(r, r + ROWS_PER_ASSIGNMENT - 1, columns.verdict(), columns.verdict()));
            list.setShowErrorBox(true);
            sheet.addValidationData(list);
            r += ROWS_PER_ASSIGNMENT;
        }
        // the enterprise, project, stage and version are for reading; everything else (and new rows) can be typed in
        sheet.protectSheet("");
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatCells(false);
    }

    private static Row row(Sheet sheet, int index, CellStyle style, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                Cell cell = row.createCell(c);
                cell.setCellValue(values[c]);
                if (style != null) {
                    cell.setCellStyle(style);
                }
            }
        }
        return row;
    }

    /**
     * An uploaded workbook: its data sheets read as text rows by streaming the sheets' XML (no workbook built in
     * memory: a check reads thousands of rows, and several times as fast this way); the workbook itself is built only
     * for the row report.
     */
    public static final class Upload implements AutoCloseable {
        private final Path file;
        private final List<List<EvaluationBatch.Row>> dataSheets;
        private XSSFWorkbook built;

        private Upload(Path file, List<List<EvaluationBatch.Row>> dataSheets) {
            this.file = file;
            this.dataSheets = dataSheets;
        }

        public static Upload open(Path file) {
            return new Upload(file, read(file, MAX_ROWS, MAX_CELLS));
        }

        /**
         * Streams every sheet's XML once: counts its rows and cells against the limits as it goes (a small file of a
         * million empty rows must not fill the heap) and keeps each data sheet's cells as text, the header first; a
         * number as Excel holds it, unformatted ("12.5", not its display), a formula as its cached result.
         */
        static List<List<EvaluationBatch.Row>> read(Path file, int maxRows, long maxCells) {
            return readSheets(file, name -> name.startsWith(DATA_SHEET), maxRows, maxCells);
        }

        /**
         * The same reading for any workbook (the 免申即享 import reads its first sheet): the sheets whose name
         * {@code keep} accepts, in order, each as text rows.
         */
        public static List<List<EvaluationBatch.Row>> readSheets(Path file, java.util.function.Predicate<String> keep,
                                                                 int maxRows, long maxCells) {
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                XMLInputFactory factory = XMLHelper.newXMLInputFactory();
                long[] counted = new long[2];
                List<List<EvaluationBatch.Row>> sheets = new ArrayList<>();
                XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
                while (it.hasNext()) {
                    try (InputStream in = it.next()) {
                        String name = it.getSheetName();
                        List<EvaluationBatch.Row> rows = readSheet(factory.createXMLStreamReader(in), name,
                                keep.test(name), strings, counted, maxRows, maxCells);
                        if (keep.test(name)) {
                            sheets.add(rows);
                        }
                    }
                }
                return sheets;
            } catch (BusinessException refused) {
                throw refused;
            } catch (IOException | OpenXML4JException | XMLStreamException | SAXException | RuntimeException e) {
                throw BusinessException.invalid("batch.workbookUnreadable");
            }
        }

        private static List<EvaluationBatch.Row> readSheet(XMLStreamReader xml, String sheet, boolean keep,
                                                           ReadOnlySharedStringsTable strings, long[] counted,
                                                           int maxRows, long maxCells) throws XMLStreamException {
            List<EvaluationBatch.Row> rows = new ArrayList<>();
            List<String> cells = null;
            int rowNumber = 0;
            int column = 0;
            String type = null;
            String value = null;
            StringBuilder inline = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            if (++counted[0] > maxRows) {
                                throw BusinessException.invalid("batch.tooManyRows", maxRows);
                            }
                            String r = xml.getAttributeValue(null, "r");
                            rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                            cells = new ArrayList<>();
                        }
                        case "c" -> {
                            if (++counted[1] > maxCells) {
                                throw BusinessException.invalid("batch.tooManyRows", maxRows);
                            }
                            String ref = xml.getAttributeValue(null, "r");
                            column = ref == null ? (cells == null ? 0 : cells.size()) : new CellReference(ref).getCol();
                            type = xml.getAttributeValue(null, "t");
                            value = null;
                            inline = new StringBuilder();
                        }
                        case "v" -> value = keep ? xml.getElementText() : null;
                        case "t" -> {
                            if (keep && inline != null) {
                                inline.append(xml.getElementText());
                            }
                        }
                        default -> {
                            // formulas, styles and the rest: not read
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && keep && cells != null) {
                    if ("c".equals(xml.getLocalName())) {
                        while (cells.size() <= column) {
                            cells.add("");
                        }
                        cells.set(column, cellText(type, value, inline, strings));
                        inline = null;
                    } else if ("row".equals(xml.getLocalName())) {
                        rows.add(new EvaluationBatch.Row(sheet, rowNumber, cells));
                    }
                }
            }
            xml.close();
            return rows;
        }

        /** A cell's text as its XML holds it (ECMA-376 18.3.1.4: the type attribute says how to read the value). */
        private static String cellText(String type, String value, StringBuilder inline,
                                       ReadOnlySharedStringsTable strings) {
            if (type == null || type.equals("n")) {
                return value == null || value.isEmpty() ? "" : NumberToTextConverter.toText(Double.parseDouble(value));
            }
            return switch (type) {
                case "s" -> value == null ? "" : strings.getItemAt(Integer.parseInt(value)).getString();
                case "inlineStr" -> inline == null ? "" : inline.toString();
                case "b" -> value == null ? "" : String.valueOf("1".equals(value));
                default -> value == null ? "" : value; // str (a formula's text), e (an error such as #DIV/0!), d
            };
        }

        /** Each data sheet's rows, the header first. */
        public List<List<EvaluationBatch.Row>> dataSheets() {
            return dataSheets;
        }

        /** The workbook built in memory, for the row report only; from a stream, so marking never writes to the file. */
        private XSSFWorkbook workbook() {
            if (built == null) {
                try (InputStream in = Files.newInputStream(file)) {
                    built = new XSSFWorkbook(in);
                } catch (IOException | RuntimeException e) {
                    throw BusinessException.invalid("batch.workbookUnreadable");
                }
            }
            return built;
        }

        /**
         * The row report: each problem's cell filled red with the message as its comment, and after the last column
         * an error column with the row's messages, on the problem's own sheet. A data sheet with no rows is left as the
         * upload's reading skips it.
         */
        public byte[] marked(List<Problem> problems, Function<Problem, String> message) {
            XSSFWorkbook workbook = workbook();
            CellStyle bad = workbook.createCellStyle();
            bad.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            List<Sheet> data = new ArrayList<>();
            workbook.forEach(s -> {
                if (s.getSheetName().startsWith(DATA_SHEET) && s.getPhysicalNumberOfRows() > 0) {
                    data.add(s);
                }
            });
            Map<Sheet, Integer> errorColumn = new LinkedHashMap<>();
            for (Sheet s : data) {
                int last = 0;
                for (Row row : s) {
                    last = Math.max(last, row.getLastCellNum());
                }
                errorColumn.put(s, last);
                (s.getRow(0) == null ? s.createRow(0) : s.getRow(0)).createCell(last).setCellValue("错误");
                s.setColumnWidth(last, 60 * 256);
            }
            List<String> fileProblems = new ArrayList<>();
            for (Problem p : problems) {
                Sheet s = p.sheet() == null ? null : workbook.getSheet(p.sheet());
                if (p.row() == null || !data.contains(s)) {
                    fileProblems.add(message.apply(p));
                    continue;
                }
                Row row = s.getRow(p.row() - 1) == null ? s.createRow(p.row() - 1) : s.getRow(p.row() - 1);
                CellReference ref = new CellReference(p.cell());
                Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
                cell.setCellStyle(bad);
                if (cell.getCellComment() == null) {
                    Drawing<?> drawing = s.createDrawingPatriarch();
                    ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
                    anchor.setCol1(ref.getCol() + 1);
                    anchor.setCol2(ref.getCol() + 4);
                    anchor.setRow1(p.row() - 1);
                    anchor.setRow2(p.row() + 2);
                    Comment comment = drawing.createCellComment(anchor);
                    comment.setString(workbook.getCreationHelper().createRichTextString(message.apply(p)));
                    comment.setAddress(new CellAddress(p.cell()));
                    cell.setCellComment(comment);
                }
                Cell errors = row.getCell(errorColumn.get(s));
                String before = errors == null ? "" : errors.getStringCellValue() + "\n";
                (errors == null ? row.createCell(errorColumn.get(s)) : errors).setCellValue(before + p.cell() + "：" + message.apply(p));
            }
            if (!fileProblems.isEmpty()) {
                Sheet files = workbook.createSheet("文件错误");
                for (int i = 0; i < fileProblems.size(); i++) {
                    files.createRow(i).createCell(0).setCellValue(fileProblems.get(i));
                }
            }
            for (Sheet s : data) {
                if (s.getProtect()) {
                    s.protectSheet(null); // unprotecting a sheet that is not protected fails in POI
                }
            }
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                workbook.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                if (built != null) {
                    built.close();
                }
            } catch (IOException ignored) {
                // nothing to release but memory
            }
        }
    }
}
