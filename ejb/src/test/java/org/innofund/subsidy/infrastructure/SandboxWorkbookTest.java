package org.innofund.subsidy.infrastructure;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.CallSteps;
import org.innofund.subsidy.domain.SandboxComparison;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sandbox's XLSX: every enterprise on its sheet, most affected first, amounts as numbers, in the reader's language. */
class SandboxWorkbookTest {

    static CallSteps.Outcome outcome(String budget, String... amounts) {
        List<CallSteps.Entry> entries = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            boolean eligible = !amounts[i].equals("-");
            Money amount = eligible ? Money.of(new BigDecimal(amounts[i])) : Money.ZERO;
            entries.add(new CallSteps.Entry(i + 1, "USCC" + (i + 1), null, Instant.EPOCH, new Calculation(
                    SubsidyKind.RD_INVESTMENT, true, eligible, amount, Money.ZERO, List.of(), List.of()), Money.ZERO, Money.ZERO));
        }
        return CallSteps.apply(entries, new CallSteps.Parameters(Money.of(new BigDecimal("5000000")), null,
                Money.of(new BigDecimal(budget))));
    }

    @Test
    void everyEnterpriseWithBothAmountsAndItsChange() throws IOException {
        int n = 1200;
        String[] before = new String[n];
        String[] after = new String[n];
        Arrays.fill(before, "1000.00");
        Arrays.fill(after, "1000.00");
        after[7] = "-";
        SandboxComparison c = SandboxComparison.of(outcome("9000000", before), Money.of(new BigDecimal("9000000")),
                outcome("9000000", after), Money.of(new BigDecimal("9000000")), Arrays.asList(new String[n]));
        byte[] xlsx = SandboxWorkbook.write(c, Map.of("band1.rate", new BigDecimal("0.07")), Locale.ENGLISH);
        try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet lines = w.getSheet("Enterprises");
            assertEquals(n, lines.getLastRowNum(), "a header and every enterprise");
            Row first = lines.getRow(1);
            assertEquals("USCC8", first.getCell(0).getStringCellValue());
            assertEquals(1000.0, first.getCell(4).getNumericCellValue());
            assertEquals(0.0, first.getCell(5).getNumericCellValue());
            assertEquals(-1000.0, first.getCell(6).getNumericCellValue());
            assertEquals("Loses eligibility", first.getCell(7).getStringCellValue());
            Sheet totals = w.getSheet("Totals");
            assertEquals("Total paid", totals.getRow(3).getCell(0).getStringCellValue());
            assertEquals(1_200_000.0, totals.getRow(3).getCell(1).getNumericCellValue());
            assertEquals(1_199_000.0, totals.getRow(3).getCell(2).getNumericCellValue());
        }
        try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(SandboxWorkbook.write(c, Map.of(),
                Locale.SIMPLIFIED_CHINESE)))) {
            assertEquals("不再符合", w.getSheet("企业明细").getRow(1).getCell(7).getStringCellValue());
        }
    }
}
