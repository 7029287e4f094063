package org.innofund.payment.domain;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.innofund.shared.CsvCells;
import org.innofund.shared.Money;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * 国库支付文件: an approved batch as the treasury's payment system takes it. CSV (RFC 4180, CRLF), UTF-8 with the byte
 * order mark (Excel opens the Chinese as UTF-8); a header line, one line per item, then a control line with the count
 * and the sum, which the treasury checks against the lines before paying anything. The layout is the README's ("The
 * treasury payment file"). A cell a spreadsheet would read as a formula (=, +, -, @, a tab or a carriage return first)
 * is written with a leading apostrophe: a payee's name is the enterprise's words, and must not run in finance's Excel.
 */
public final class TreasuryFile {

    public static final List<String> HEADER = List.of("批次号", "明细号", "收款人名称", "收款账号", "开户银行", "开户网点",
            "金额", "用途");
    /** The first cell of the control line. */
    public static final String CONTROL = "合计";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private TreasuryFile() {
    }

    /** One payment: what the treasury pays, to whom, and why. */
    public record Line(String itemReference, String payeeName, String accountNumber, String bankName, String branchName,
                       Money amount, String purpose) {
        public Line {
            Objects.requireNonNull(itemReference);
            Objects.requireNonNull(amount);
        }
    }

    /** The batch's reference in the file and the bank's answers: PB and its id. */
    public static String batchReference(long batchId) {
        return "PB" + batchId;
    }

    /** An item's reference in the file and the bank's answers: PI and its id. */
    public static String itemReference(long itemId) {
        return "PI" + itemId;
    }

    /** The file of a batch's lines, in their order. */
    public static byte[] write(String batchReference, List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(UTF8_BOM);
            try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT)) {
                printer.printRecord(HEADER);
                Money sum = Money.ZERO;
                for (Line l : lines) {
                    printer.printRecord(cell(batchReference), cell(l.itemReference()), cell(l.payeeName()),
                            cell(l.accountNumber()), cell(l.bankName()), cell(l.branchName()), l.amount().amount().toPlainString(),
                            cell(l.purpose()));
                    sum = sum.plus(l.amount());
                }
                printer.printRecord(CONTROL, String.valueOf(lines.size()), "", "", "", "", sum.amount().toPlainString(), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The text as a cell, with a leading apostrophe if a spreadsheet would take it for a formula. */
    static String cell(String text) {
        return CsvCells.formulaSafe(text);
    }
}
