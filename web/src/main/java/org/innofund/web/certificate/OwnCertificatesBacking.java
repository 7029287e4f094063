package org.innofund.web.certificate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.certificate.application.CertificateView;
import org.innofund.certificate.application.Certificates;

import java.util.List;

/** 我的证书: every document issued to the enterprise, newest first. */
@Named
@RequestScoped
public class OwnCertificatesBacking {

    @EJB
    private Certificates certificates;

    private List<CertificateView> all;

    public List<CertificateView> getAll() {
        if (all == null) {
            all = certificates.mine();
        }
        return all;
    }
}
