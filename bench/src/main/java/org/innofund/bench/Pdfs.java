package org.innofund.bench;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.cos.COSName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * Real PDFs (the server opens each one with PDFBox): a page plus an embedded stream of incompressible bytes, the
 * way a scanned report is mostly image data. Each seed gives different bytes, so every enterprise's file has its
 * own SHA-256 and a mix-up between two enterprises' files would be caught.
 */
final class Pdfs {

    private Pdfs() {
    }

    /** A PDF of exactly {@code size} bytes, or a few bytes over (PDF structure around the padding). */
    static byte[] pdf(int size, long seed) {
        byte[] first = make(size, seed);
        int overhead = first.length - size;
        return overhead > 0 && size - overhead > 0 ? make(size - overhead, seed) : first;
    }

    private static byte[] make(int padding, long seed) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(padding + 4096)) {
            doc.addPage(new PDPage());
            if (padding > 0) {
                byte[] bytes = new byte[padding];
                new SplittableRandom(seed).nextBytes(bytes);
                PDStream stream = new PDStream(doc, new ByteArrayInputStream(bytes));
                doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("InnoFundBenchPadding"), stream);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
