package org.innofund.certificate.infrastructure;

import java.time.Instant;

/**
 * What the signature of an uploaded file says (电子签章校验), each question on its own so that a page can say which one
 * failed. Only {@link #valid()} means "signed by the bureau and not changed since": a signature that verifies but was
 * followed by an incremental update (something appended, which a reader would show) does not cover the whole file.
 *
 * @param pdf             the bytes are a PDF PDFBox can read
 * @param signatures      how many signature dictionaries the document has; the other answers are about the one
 *                        whose byte range reaches furthest (the last applied)
 * @param coversWholeFile that signature's byte range ends at the last byte of the file and leaves out nothing but its
 *                        own /Contents
 * @param intact          its CMS verifies against the bytes the range covers: the message digest matches and the
 *                        signature value is valid for the certificate it names
 * @param byBureau        and that certificate is the bureau's signing certificate (the configured one)
 * @param signedAt        the signing time the signature dictionary claims (its M entry); null if none or unreadable
 * @param signer          the subject of the signing certificate, as RFC 2253; null if there is none to read
 */
public record SignatureCheck(boolean pdf, int signatures, boolean coversWholeFile, boolean intact, boolean byBureau,
                             Instant signedAt, String signer) {

    static SignatureCheck notAPdf() {
        return new SignatureCheck(false, 0, false, false, false, null, null);
    }

    static SignatureCheck unsigned() {
        return new SignatureCheck(true, 0, false, false, false, null, null);
    }

    public boolean signed() {
        return signatures > 0;
    }

    /** Signed by the bureau's key, and not one byte changed or added since. */
    public boolean valid() {
        return pdf && signed() && coversWholeFile && intact && byBureau;
    }
}
