package org.innofund.certificate.application;

import java.io.Serializable;
import java.util.List;

/** The confirmations of an approved run, as their ZIP holds them. */
public record RunDocuments(long runId, List<CertificateView> documents) implements Serializable {

    /** What the ZIP's file is called when it is saved. */
    public String fileName() {
        return "后补助确认书-核定" + runId + ".zip";
    }

    /** About the ZIP's size: what its PDFs weigh (for a progress bar; the archive adds little). */
    public long expectedBytes() {
        return documents.stream().mapToLong(CertificateView::expectedSize).sum();
    }
}
