package org.innofund.subsidy.infrastructure;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.subsidy.domain.ExemptSheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExemptFilesTest {

    static final String CSV = "统一社会信用代码,企业名称,成果类型,证书编号,认定日期\r\n"
            + "91330200712345678X,\"宁波甲科技有限公司, 北仑\",科技型中小企业入库,C-1,2026-03-15\r\n";

    static List<String> second(ExemptFiles.Upload u) {
        return u.rows().get(1).cells();
    }

    static ExemptFiles.Upload read(byte[] bytes) {
        return ExemptFiles.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void readsUtf8CsvWithAndWithoutTheBom() {
        byte[] plain = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        for (byte[] file : List.of(plain, bom)) {
            ExemptFiles.Upload u = read(file);
            assertEquals("统一社会信用代码", u.rows().get(0).cells().get(0), "the BOM is not part of the first header");
            assertEquals("宁波甲科技有限公司, 北仑", second(u).get(1), "a quoted comma stays in its cell");
            assertEquals(2, u.rows().get(1).number());
        }
    }

    @Test
    void readsGbkCsvAsExcelOnChineseWindowsSavesIt() {
        ExemptFiles.Upload u = read(CSV.getBytes(Charset.forName("GBK")));
        assertEquals("科技型中小企业入库", second(u).get(2));
        assertEquals(64, u.sha256().length());
    }

    @Test
    void refusesWhatIsNotATable() {
        assertEquals("exempt.fileType", assertThrows(BusinessException.class,
                () -> read("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).messageKey());
        assertEquals("exempt.fileType", assertThrows(BusinessException.class,
                () -> read(new byte[]{'a', 0, 'b'})).messageKey());
        assertEquals("attachment.empty", assertThrows(BusinessException.class, () -> read(new byte[0])).messageKey());
        assertEquals("exempt.fileMissing", assertThrows(BusinessException.class, () -> ExemptFiles.read(null)).messageKey());
        BusinessException large = assertThrows(BusinessException.class, () -> read(new byte[ExemptFiles.MAX_BYTES + 1]));
        assertEquals(BusinessException.Kind.TOO_LARGE, large.kind());
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            zip.write("x".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals("attachment.typeNotAllowed", assertThrows(BusinessException.class,
                () -> read(out.toByteArray())).messageKey());
    }

    @Test
    void readsTheFilledInXlsxTemplateAsText() throws IOException {
        byte[] template = ExemptFiles.template(SubsidyKind.RD_INVESTMENT, false);
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet s = wb.getSheetAt(0);
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("91330200712345678X");
            r.createCell(1).setCellValue("甲公司");
            r.createCell(2).setCellValue(2026);
            r.createCell(3).setCellValue(5200000.5);
            r.createCell(7).setCellValue(3);
            wb.write(filled);
        }
        ExemptFiles.Upload u = read(filled.toByteArray());
        assertEquals(ExemptSheet.columns(SubsidyKind.RD_INVESTMENT).stream().map(ExemptSheet.Column::header).toList(),
                u.rows().get(0).cells());
        List<String> row = second(u);
        assertEquals("2026", row.get(2), "a number cell reads as Excel holds it, unformatted");
        assertEquals("5200000.5", row.get(3));
        assertEquals("3", row.get(7));
    }

    @Test
    void csvTemplateOpensInExcelAndReadsBack() {
        byte[] csv = ExemptFiles.template(SubsidyKind.REWARD, true);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3));
        List<String> header = read(csv).rows().get(0).cells();
        assertEquals(List.of("统一社会信用代码", "企业名称", "成果类型", "证书编号", "认定日期"), header);
        assertTrue(ExemptSheet.check(SubsidyKind.REWARD, 2026, read(csv).rows()).problems().stream()
                .allMatch(p -> p.messageKey().equals("exempt.noRows")), "the template's header is the one checked");
    }
}
