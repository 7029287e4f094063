package org.innofund.certificate.infrastructure;

import org.innofund.certificate.domain.DocumentHash;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.innofund.certificate.application.CertificateView;
import org.innofund.shared.CsvCells;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Many documents as one ZIP, written entry by entry as each PDF is read (never the whole archive in memory): each PDF
 * named by its serial number, then 清单.csv (UTF-8 with BOM, for spreadsheets; a name a spreadsheet would take for a
 * formula gets a leading apostrophe) listing them. Deflated at the fastest level: the PDFs' streams are compressed
 * already.
 */
public final class ConfirmationZip {

    public static final String MANIFEST = "清单.csv";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private ConfirmationZip() {
    }

    public static void write(List<CertificateView> documents, LongFunction<byte[]> pdf, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(1);
        List<String> hashes = new ArrayList<>(documents.size());
        for (CertificateView d : documents) {
            byte[] content = pdf.apply(d.id());
            hashes.add(DocumentHash.of(content)); // of what is in the archive (a PDF made just now has no hash in the list)
            zip.putNextEntry(new ZipEntry(d.fileName()));
            zip.write(content);
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry(MANIFEST));
        OutputStreamWriter writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        csv.printRecord("编号", "企业名称", "统一社会信用代码", "金额（元）", "状态", "SHA-256");
        for (int i = 0; i < documents.size(); i++) {
            CertificateView d = documents.get(i);
            csv.printRecord(d.serial(), CsvCells.formulaSafe(d.enterpriseName()), d.enterpriseUscc(),
                    d.amount() == null ? "" : d.amount().amount().toPlainString(), d.state(), hashes.get(i));
        }
        csv.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }
}
