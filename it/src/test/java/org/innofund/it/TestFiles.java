package org.innofund.it;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Files to upload: real ones made here, and impostors. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A real PDF of about the given size (a page, padded with an embedded comment stream of random-ish bytes). */
    public static byte[] pdf(int approximateBytes) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            if (approximateBytes > 2000) {
                byte[] padding = new byte[approximateBytes];
                for (int i = 0; i < padding.length; i++) {
                    padding[i] = (byte) (i * 31 + (i >> 7));
                }
                var stream = new org.apache.pdfbox.pdmodel.common.PDStream(doc, new java.io.ByteArrayInputStream(padding));
                doc.getDocumentCatalog().getCOSObject().setItem("InnoFundPadding", stream);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Windows executable's first bytes ("MZ"), whatever it is called. */
    public static byte[] exe() {
        byte[] b = new byte[4096];
        b[0] = 'M';
        b[1] = 'Z';
        Arrays.fill(b, 2, b.length, (byte) 0x90);
        return b;
    }

    /** Starts like a PDF, then is not one. */
    public static byte[] fakePdf(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, b, 0, 9);
        return b;
    }
}
