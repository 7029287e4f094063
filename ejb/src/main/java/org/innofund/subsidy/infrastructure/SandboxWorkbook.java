package org.innofund.subsidy.infrastructure;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.innofund.shared.Messages;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.SandboxComparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy sandbox's comparison as XLSX in the reader's language: a sheet of totals (current, proposed) with the
 * changes asked and the distribution, and a sheet with every enterprise, the most affected first. Streaming (SXSSF):
 * ten thousand lines hold only a window of rows in memory. Amounts are numbers, formatted to the fen.
 */
public final class SandboxWorkbook {

    private SandboxWorkbook() {
    }

    public static byte[] write(SandboxComparison c, Map<String, BigDecimal> changes, Locale locale) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            totals(workbook.createSheet(text(locale, "sandbox.sheet.totals")), c, changes, locale, money);
            lines(workbook.createSheet(text(locale, "sandbox.sheet.lines")), c, locale, money);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void totals(Sheet sheet, SandboxComparison c, Map<String, BigDecimal> changes, Locale locale,
                               CellStyle money) {
        int r = 0;
        header(sheet.createRow(r++), locale, "sandbox.column.total", "sandbox.column.current", "sandbox.column.proposed");
        r = amountRow(sheet, r, locale, "sandbox.total.budget", c.current().budget(), c.proposed().budget(), money);
        r = amountRow(sheet, r, locale, "sandbox.total.demand", c.current().demand(), c.proposed().demand(), money);
        r = amountRow(sheet, r, locale, "sandbox.total.paid", c.current().total(), c.proposed().total(), money);
        r = amountRow(sheet, r, locale, "sandbox.total.leftover", c.current().leftover(), c.proposed().leftover(), money);
        Row factor = sheet.createRow(r++);
        factor.createCell(0).setCellValue(text(locale, "sandbox.total.factor"));
        cell(factor, 1, c.current().factor());
        cell(factor, 2, c.proposed().factor());
        Row eligible = sheet.createRow(r++);
        eligible.createCell(0).setCellValue(text(locale, "sandbox.total.eligible"));
        eligible.createCell(1).setCellValue(c.current().eligible());
        eligible.createCell(2).setCellValue(c.proposed().eligible());
        r++;
        header(sheet.createRow(r++), locale, "sandbox.column.parameter", "sandbox.column.proposed");
        for (Map.Entry<String, BigDecimal> change : changes.entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(change.getKey());
            cell(row, 1, change.getValue());
        }
        r++;
        header(sheet.createRow(r++), locale, "sandbox.column.from", "sandbox.column.to", "sandbox.column.current",
                "sandbox.column.proposed");
        for (SandboxComparison.Bucket b : c.buckets()) {
            Row row = sheet.createRow(r++);
            money(row, 0, b.from(), money);
            money(row, 1, b.to(), money);
            row.createCell(2).setCellValue(b.current());
            row.createCell(3).setCellValue(b.proposed());
        }
    }

    private static void lines(Sheet sheet, SandboxComparison c, Locale locale, CellStyle money) {
        header(sheet.createRow(0), locale, "sandbox.column.uscc", "sandbox.column.name", "sandbox.column.currentEligible",
                "sandbox.column.proposedEligible", "sandbox.column.currentAmount", "sandbox.column.proposedAmount",
                "sandbox.column.difference", "sandbox.column.change");
        sheet.createFreezePane(0, 1);
        String yes = text(locale, "sandbox.yes");
        String no = text(locale, "sandbox.no");
        int r = 1;
        for (SandboxComparison.Line l : c.lines()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(l.uscc());
            row.createCell(1).setCellValue(l.name());
            row.createCell(2).setCellValue(l.currentEligible() ? yes : no);
            row.createCell(3).setCellValue(l.proposedEligible() ? yes : no);
            money(row, 4, l.currentAmount(), money);
            money(row, 5, l.proposedAmount(), money);
            row.createCell(6).setCellValue(l.difference().doubleValue());
            row.getCell(6).setCellStyle(money);
            row.createCell(7).setCellValue(text(locale, "sandbox.change." + l.change()));
        }
    }

    private static int amountRow(Sheet sheet, int r, Locale locale, String key, Money current, Money proposed,
                                 CellStyle money) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(text(locale, key));
        money(row, 1, current, money);
        money(row, 2, proposed, money);
        return r + 1;
    }

    private static void header(Row row, Locale locale, String... keys) {
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(text(locale, keys[i]));
        }
    }

    /** Money as a number (exact to the fen in a double up to 10¹³ yuan), null as an empty cell. */
    private static void money(Row row, int column, Money amount, CellStyle style) {
        if (amount != null) {
            row.createCell(column).setCellValue(amount.amount().doubleValue());
            row.getCell(column).setCellStyle(style);
        }
    }

    private static void cell(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.toPlainString());
        }
    }

    private static String text(Locale locale, String key) {
        return Messages.get(locale, key);
    }
}
