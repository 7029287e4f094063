package org.innofund.payment.domain;

import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The treasury file as the README shows it: BOM, CRLF, the header, a line per item in order with the amount in yuan
 * to the fen, the control line with the count and the exact sum; a cell that would be a formula is made text.
 */
class TreasuryFileTest {

    private static TreasuryFile.Line line(long item, String payee, String amount) {
        return new TreasuryFile.Line(TreasuryFile.itemReference(item), payee, "6222020200112233445", "中国工商银行",
                "慈溪支行", Money.parse(amount), "2026年研发投入后补助 后补助");
    }

    private static String text(byte[] file) {
        return new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void theLayoutIsTheHeaderOneLinePerItemAndTheControlLine() {
        byte[] file = TreasuryFile.write("PB12", List.of(line(101, "宁波甲科技有限公司", "300000.00"),
                line(102, "宁波乙材料有限公司", "105000.5"), line(103, "丙公司", "0.01")));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3), "UTF-8 with BOM");
        assertEquals("批次号,明细号,收款人名称,收款账号,开户银行,开户网点,金额,用途\r\n"
                + "PB12,PI101,宁波甲科技有限公司,6222020200112233445,中国工商银行,慈溪支行,300000.00,2026年研发投入后补助 后补助\r\n"
                + "PB12,PI102,宁波乙材料有限公司,6222020200112233445,中国工商银行,慈溪支行,105000.50,2026年研发投入后补助 后补助\r\n"
                + "PB12,PI103,丙公司,6222020200112233445,中国工商银行,慈溪支行,0.01,2026年研发投入后补助 后补助\r\n"
                + "合计,3,,,,,405000.51,\r\n", text(file));
    }

    @Test
    void theControlLineOfAnEmptyFileSaysNothing() {
        assertEquals("批次号,明细号,收款人名称,收款账号,开户银行,开户网点,金额,用途\r\n合计,0,,,,,0.00,\r\n",
                text(TreasuryFile.write("PB1", List.of())));
    }

    @Test
    void theSumIsExactOverManyLines() {
        List<TreasuryFile.Line> lines = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> line(i + 1, "甲", "0.10")).toList();
        String text = text(TreasuryFile.write("PB9", lines));
        assertTrue(text.endsWith("\r\n合计,10000,,,,,1000.00,\r\n"), text.substring(text.length() - 40));
    }

    @Test
    void aCellASpreadsheetWouldRunIsWrittenAsText() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+86", "-1", "@SUM(A1)", "\tx")) {
            assertEquals("'" + formula, TreasuryFile.cell(formula), formula);
        }
        assertEquals("宁波甲", TreasuryFile.cell("宁波甲"));
        assertEquals("a=b", TreasuryFile.cell("a=b"));
        assertEquals("", TreasuryFile.cell(null));
        String text = text(TreasuryFile.write("PB1", List.of(line(1, "=1+2", "1.00"))));
        assertTrue(text.contains("PB1,PI1,'=1+2,"), text);
        // a comma or a quote in a name is quoted as CSV does, not cut
        text = text(TreasuryFile.write("PB1", List.of(line(1, "甲,\"乙\"", "1.00"))));
        assertTrue(text.contains("PB1,PI1,\"甲,\"\"乙\"\"\","), text);
    }
}
