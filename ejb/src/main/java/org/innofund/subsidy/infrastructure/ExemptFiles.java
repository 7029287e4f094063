package org.innofund.subsidy.infrastructure;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.innofund.evaluation.infrastructure.BatchWorkbook;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.UploadInspector;
import org.innofund.subsidy.domain.ExemptSheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 免申即享 import file on disk: the template (XLSX or CSV) and an upload read into rows, whichever it is.
 * <p>
 * An XLSX is recognised by its content and held to the upload limits ({@link UploadInspector}); its first sheet is
 * read by streaming (as the bulk evaluation upload is). Anything else must be CSV text: UTF-8, with or without the
 * byte order mark Excel writes, or GBK, the encoding Excel on a Chinese Windows saves "CSV" in (a file that is not
 * valid UTF-8 is read as GBK; one that is neither is refused). A file with NUL bytes, or one of the other recognised
 * types (PDF, an image), is not a table and is refused.
 */
public final class ExemptFiles {

    /** 10,000 enterprises of 11 columns are some 1.5 MB as CSV; an XLSX is smaller. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final UploadInspector.ZipLimits ZIP_LIMITS = new UploadInspector.ZipLimits(1_000, 64L * 1024 * 1024, 100);
    private static final Charset GBK = Charset.forName("GBK");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final String SHEET = "企业数据";

    private ExemptFiles() {
    }

    /** An upload read: its rows (the header first, numbered as a spreadsheet numbers them) and its SHA-256. */
    public record Upload(List<ExemptSheet.Row> rows, String sha256) {
    }

    public static Upload read(InputStream content) {
        if (content == null) {
            throw BusinessException.invalid("exempt.fileMissing");
        }
        byte[] bytes;
        try {
            bytes = content.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw BusinessException.invalid("attachment.unreadable");
        }
        if (bytes.length > MAX_BYTES) {
            throw new BusinessException(BusinessException.Kind.TOO_LARGE, "attachment.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        if (bytes.length == 0) {
            throw BusinessException.invalid("attachment.empty");
        }
        if (bytes.length >= ZIP.length && Arrays.equals(bytes, 0, ZIP.length, ZIP, 0, ZIP.length)) {
            return xlsx(bytes);
        }
        if (UploadInspector.detect(Arrays.copyOf(bytes, Math.min(8, bytes.length))).isPresent() || contains(bytes, (byte) 0)) {
            throw BusinessException.invalid("exempt.fileType");
        }
        return new Upload(csv(text(bytes)), sha256(bytes));
    }

    private static Upload xlsx(byte[] bytes) {
        UploadInspector.Inspected file = UploadInspector.inspect(new java.io.ByteArrayInputStream(bytes), MAX_BYTES, ZIP_LIMITS);
        try {
            List<List<org.innofund.evaluation.domain.EvaluationBatch.Row>> sheets;
            try {
                sheets = BatchWorkbook.Upload.readSheets(file.file(), name -> true, ExemptSheet.MAX_ROWS + 100,
                        (ExemptSheet.MAX_ROWS + 100) * 20L);
            } catch (BusinessException e) {
                throw "batch.tooManyRows".equals(e.messageKey())
                        ? BusinessException.invalid("exempt.tooManyRows", ExemptSheet.MAX_ROWS)
                        : BusinessException.invalid("exempt.unreadable");
            }
            List<ExemptSheet.Row> rows = sheets.isEmpty() ? List.of()
                    : sheets.get(0).stream().map(r -> new ExemptSheet.Row(r.number(), r.cells())).toList();
            return new Upload(rows, file.sha256());
        } finally {
            file.discard();
        }
    }

    /** UTF-8 (its BOM dropped) if the bytes are valid UTF-8, else GBK if they are valid GBK. */
    static String text(byte[] bytes) {
        boolean bom = bytes.length >= 3 && Arrays.equals(bytes, 0, 3, UTF8_BOM, 0, 3);
        ByteBuffer data = ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
        try {
            return strict(StandardCharsets.UTF_8).decode(data.duplicate()).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(GBK).decode(data).toString();
            } catch (CharacterCodingException neither) {
                throw BusinessException.invalid("exempt.encoding");
            }
        }
    }

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static List<ExemptSheet.Row> csv(String text) {
        List<ExemptSheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get()
                .parse(new StringReader(text))) {
            int number = 0;
            for (CSVRecord record : parser) {
                if (++number > ExemptSheet.MAX_ROWS + 1) {
                    throw BusinessException.invalid("exempt.tooManyRows", ExemptSheet.MAX_ROWS);
                }
                rows.add(new ExemptSheet.Row(number, record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw BusinessException.invalid("exempt.unreadable");
        }
        return rows;
    }

    /** The template for a call of the kind: its header row (a sheet formatted as text, so codes stay text). */
    public static byte[] template(SubsidyKind kind, boolean csv) {
        List<String> headers = ExemptSheet.columns(kind).stream().map(ExemptSheet.Column::header).toList();
        return csv ? csvTemplate(headers) : xlsxTemplate(headers);
    }

    private static byte[] csvTemplate(List<String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(UTF8_BOM); // so that Excel opens the Chinese headers as UTF-8
            try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
                printer.printRecord(headers);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] xlsxTemplate(List<String> headers) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            CellStyle header = wb.createCellStyle();
            var bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Sheet sheet = wb.createSheet(SHEET);
            Row row = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                row.createCell(c).setCellValue(headers.get(c));
                row.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, 22 * 256);
                sheet.setDefaultColumnStyle(c, text); // a USCC or a certificate number stays text, not a number
            }
            sheet.createFreezePane(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
