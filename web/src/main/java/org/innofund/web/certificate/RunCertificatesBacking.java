package org.innofund.web.certificate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.certificate.application.CertificateView;
import org.innofund.certificate.application.Certificates;
import org.innofund.certificate.application.RunDocuments;

import java.util.List;

/** The confirmations of the run shown on the calculation page, and what their ZIP weighs (for its progress bar). */
@Named
@RequestScoped
public class RunCertificatesBacking {

    @EJB
    private Certificates certificates;

    private Long runId;
    private List<CertificateView> documents;

    public List<CertificateView> of(Long runId) {
        if (documents == null || !runId.equals(this.runId)) {
            this.runId = runId;
            documents = certificates.ofRun(runId);
        }
        return documents;
    }

    public long expectedBytes(Long runId) {
        return new RunDocuments(runId, of(runId)).expectedBytes();
    }
}
