package org.innofund.payment.domain;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * 银行回单文件: the bank's result per item of an exported batch, as finance imports it. CSV, UTF-8 (with or without
 * the byte order mark), a header line, then one line per item: item reference (PI and the item's id, as the treasury
 * file named it), result PAID or FAILED, the bank's reference and the date paid (yyyy-MM-dd) for PAID, the reason for
 * FAILED. The README's "The treasury payment file" shows it. Read whole, every bad line reported with its number (the
 * header is line 1), so that a file is taken all or nothing.
 */
public final class BankResultFile {

    /** More than any batch's results (10,000 lines of some 100 bytes). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final List<String> HEADER = List.of("明细号", "结果", "银行流水号", "支付日期", "原因");
    private static final int MAX_REFERENCE = 64;
    private static final int MAX_REASON = 1000;

    private BankResultFile() {
    }

    /** One line's result; {@code line} its number in the file. */
    public record Row(int line, long itemId, PaymentResult result, String bankReference, LocalDate paidOn,
                      String reason) {
    }

    /** A bad line (0: the whole file) with the key of what is wrong and its arguments. */
    public record Problem(int line, String messageKey, List<String> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }
    }

    /** The rows and the problems of a file; the rows count only if there is no problem. */
    public record Read(List<Row> rows, List<Problem> problems) {
    }

    public static Read read(byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (bytes == null || bytes.length == 0) {
            return new Read(List.of(), List.of(new Problem(0, "bankResult.empty", List.of())));
        }
        if (bytes.length > MAX_BYTES) {
            return new Read(List.of(), List.of(new Problem(0, "bankResult.tooLarge", List.of(String.valueOf(MAX_BYTES / 1024 / 1024)))));
        }
        String text;
        try {
            boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0))).toString();
        } catch (CharacterCodingException e) {
            return new Read(List.of(), List.of(new Problem(0, "bankResult.encoding", List.of())));
        }
        Set<Long> seen = new HashSet<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get()
                .parse(new StringReader(text))) {
            boolean header = true;
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber();
                if (header) {
                    header = false;
                    if (record.size() < 2 || !HEADER.get(0).equals(record.get(0).strip())) {
                        problems.add(new Problem(line, "bankResult.header", List.of(String.join(",", HEADER))));
                    }
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line, as editors leave at the end
                }
                Row row = row(line, record, problems);
                if (row != null && !seen.add(row.itemId())) {
                    problems.add(new Problem(line, "bankResult.duplicate", List.of(TreasuryFile.itemReference(row.itemId()))));
                } else if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            problems.add(new Problem(0, "bankResult.unreadable", List.of()));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "bankResult.empty", List.of()));
        }
        return new Read(List.copyOf(rows), List.copyOf(problems));
    }

    private static Row row(int line, CSVRecord record, List<Problem> problems) {
        int before = problems.size();
        String reference = get(record, 0);
        long itemId = -1;
        if (reference.length() > 2 && reference.toUpperCase(Locale.ROOT).startsWith("PI")) {
            try {
                itemId = Long.parseLong(reference.substring(2));
            } catch (NumberFormatException e) {
                itemId = -1;
            }
        }
        if (itemId <= 0) {
            problems.add(new Problem(line, "bankResult.itemReference", List.of(reference)));
        }
        String resultText = get(record, 1).toUpperCase(Locale.ROOT);
        PaymentResult result = switch (resultText) {
            case "PAID" -> PaymentResult.PAID;
            case "FAILED" -> PaymentResult.FAILED;
            default -> null;
        };
        if (result == null) {
            problems.add(new Problem(line, "bankResult.result", List.of(get(record, 1))));
        }
        String bankReference = get(record, 2);
        String dateText = get(record, 3);
        String reason = get(record, 4);
        LocalDate paidOn = null;
        if (result == PaymentResult.PAID) {
            if (bankReference.isEmpty() || bankReference.length() > MAX_REFERENCE) {
                problems.add(new Problem(line, "bankResult.bankReference", List.of(String.valueOf(MAX_REFERENCE))));
            }
            try {
                paidOn = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(line, "bankResult.date", List.of(dateText)));
            }
        } else if (result == PaymentResult.FAILED && (reason.isEmpty() || reason.length() > MAX_REASON)) {
            problems.add(new Problem(line, "bankResult.reason", List.of(String.valueOf(MAX_REASON))));
        }
        return problems.size() > before ? null : new Row(line, itemId, result,
                result == PaymentResult.PAID ? bankReference : null, paidOn,
                result == PaymentResult.FAILED ? reason : null);
    }

    private static String get(CSVRecord record, int column) {
        return column < record.size() ? record.get(column).strip() : "";
    }
}
