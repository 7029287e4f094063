package org.innofund.payment.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bank's result file: every line read or every bad line named with its number; nothing half read. */
class BankResultFileTest {

    private static final String HEADER = "明细号,结果,银行流水号,支付日期,原因\r\n";

    private static BankResultFile.Read read(String text) {
        return BankResultFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(BankResultFile.Read read) {
        return read.problems().stream().map(p -> p.line() + " " + p.messageKey()).toList();
    }

    @Test
    void paidAndFailedLinesAreRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (HEADER + "PI101,PAID,B20260501001,2026-05-01,\r\npi102,failed,,,账户已销户\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(body, 0, file, 3, body.length);
        BankResultFile.Read read = BankResultFile.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(List.of(new BankResultFile.Row(2, 101, PaymentResult.PAID, "B20260501001", LocalDate.of(2026, 5, 1), null),
                new BankResultFile.Row(3, 102, PaymentResult.FAILED, null, null, "账户已销户")), read.rows());
    }

    @Test
    void everyBadLineIsNamedWithItsNumber() {
        BankResultFile.Read read = read(HEADER
                + "PI101,PAID,B1,2026-05-01,\n"
                + "X9,PAID,B2,2026-05-01,\n"
                + "PI103,PAYED,B3,2026-05-01,\n"
                + "PI104,PAID,,2026-05-01,\n"
                + "PI105,PAID,B5,2026/05/01,\n"
                + "PI106,FAILED,,,\n"
                + "PI101,PAID,B1,2026-05-01,\n");
        assertEquals(List.of("3 bankResult.itemReference", "4 bankResult.result", "5 bankResult.bankReference",
                "6 bankResult.date", "7 bankResult.reason", "8 bankResult.duplicate"), problems(read));
    }

    @Test
    void aFileWithoutTheHeaderOrResultsOrNotUtf8IsRefusedWhole() {
        assertEquals(List.of("1 bankResult.header"), problems(read("PI101,PAID,B1,2026-05-01,\n")));
        assertEquals(List.of("0 bankResult.empty"), problems(read(HEADER)));
        assertEquals(List.of("0 bankResult.empty"), problems(BankResultFile.read(new byte[0])));
        assertEquals(List.of("0 bankResult.encoding"), problems(BankResultFile.read(
                (HEADER + "PI1,FAILED,,,账户冻结\n").getBytes(java.nio.charset.Charset.forName("GBK")))));
        assertEquals(List.of("0 bankResult.tooLarge"), problems(BankResultFile.read(new byte[BankResultFile.MAX_BYTES + 1])));
    }
}
