package org.innofund.web.certificate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.certificate.application.CertificateView;
import org.innofund.certificate.application.Certificates;

import java.util.List;

/** A project's documents on the project pages (the enterprise's and the reviewer's), read once per request. */
@Named
@RequestScoped
public class ProjectCertificatesBacking {

    @EJB
    private Certificates certificates;

    private Long projectId;
    private List<CertificateView> documents;

    public List<CertificateView> of(Long projectId) {
        if (documents == null || !projectId.equals(this.projectId)) {
            this.projectId = projectId;
            documents = projectId == null ? List.of() : certificates.ofProject(projectId);
        }
        return documents;
    }
}
