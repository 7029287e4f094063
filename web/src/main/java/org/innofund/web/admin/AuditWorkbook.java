package org.innofund.web.admin;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.innofund.audit.application.AuditEntryView;
import org.innofund.web.shared.Formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Audit entries as an XLSX sheet in the reader's language, as the list shows them, with the stored codes and the
 * entry hash beside them so that a printed copy can still be checked against the chain.
 */
public final class AuditWorkbook {

    private AuditWorkbook() {
    }

    public static void write(List<AuditEntryView> entries, ResourceBundle labels, OutputStream out) throws IOException {
        AuditText text = new AuditText(labels);
        Formats formats = new Formats();
        List<Column> columns = List.of(
                new Column("audit.seq", e -> e.seq()),
                new Column("audit.time", e -> formats.dateTime(e.occurredAt())),
                new Column("audit.user", AuditEntryView::username),
                new Column("audit.organisation", AuditEntryView::organisationName),
                new Column("audit.action", e -> text.action(e.action())),
                new Column("audit.target", e -> text.target(e.target())),
                new Column("audit.outcome", e -> labels.getString("audit.outcome." + e.outcome())),
                new Column("audit.detail", text::detail),
                new Column("audit.address", AuditEntryView::clientAddress),
                new Column("audit.storedAction", AuditEntryView::action),
                new Column("audit.storedTarget", AuditEntryView::target),
                new Column("audit.storedDetail", AuditEntryView::detail),
                new Column("audit.entryHash", AuditEntryView::entryHash));
        // streaming: only a window of rows is held in memory, whatever the export's size
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(labels.getString("audit.title"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(labels.getString(columns.get(c).label()));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (AuditEntryView entry : entries) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(entry);
                    if (value instanceof Long number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        }
    }

    private record Column(String label, Function<AuditEntryView, Object> value) {
    }
}
