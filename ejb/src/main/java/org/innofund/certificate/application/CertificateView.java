package org.innofund.certificate.application;

import org.innofund.certificate.domain.Certificate;
import org.innofund.certificate.domain.CertificateContent;
import org.innofund.certificate.domain.CertificateContentJson;
import org.innofund.certificate.domain.CertificateState;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;

/** One document in a list: what it is, for whom (as printed), its state, and whether its PDF is made (its size and hash then). */
public record CertificateView(long id, long version, CertificateType type, String serial, long enterpriseId, String enterpriseName,
                              String enterpriseUscc,
                              Long projectId, long callId, Money amount, LocalDate decidedOn, CertificateState state,
                              String revokeReason, String sha256, Integer pdfSize) implements Serializable {

    static CertificateView of(Certificate c) {
        CertificateContent content = CertificateContentJson.read(c.getContent());
        return new CertificateView(c.getId(), c.getVersion(), c.getType(), c.getSerial(), c.getEnterpriseId(),
                content.enterpriseName(), content.enterpriseUscc(),
                c.getProjectId(), c.getCallId(), c.getAmount(), c.getDecidedOn(), c.getState(), c.getRevokeReason(),
                c.getSha256(), c.getPdfSize());
    }

    /** The PDF's size, or what one weighs when it is not made yet: for the progress of a download of many. */
    public int expectedSize() {
        return pdfSize != null ? pdfSize : 40_000;
    }

    /** The file name a download gets: the serial number. */
    public String fileName() {
        return serial + ".pdf";
    }
}
