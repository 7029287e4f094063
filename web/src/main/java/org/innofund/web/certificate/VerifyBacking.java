package org.innofund.web.certificate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.certificate.application.Certificates;
import org.innofund.certificate.application.UploadVerification;
import org.innofund.certificate.application.Verification;
import org.innofund.web.shared.BusinessCall;
import org.primefaces.event.FileUploadEvent;

/**
 * 文件核验, for anyone: a document's code (typed, or from the QR code's address) or the PDF itself. Request-scoped, as
 * every bean of a public page.
 */
@Named
@RequestScoped
public class VerifyBacking {

    @EJB
    private Certificates certificates;

    private String code;
    private Verification result;
    private UploadVerification upload;

    /** On arriving with ?code= (the QR code's address): verified at once. */
    public void onLoad() {
        if (code != null && !code.isBlank()) {
            verify();
        }
    }

    public void verify() {
        BusinessCall.run(() -> result = certificates.verify(code));
    }

    public void check(FileUploadEvent event) {
        BusinessCall.run(() -> upload = certificates.verifyUpload(event.getFile().getContent()));
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public Verification getResult() { return result; }
    public UploadVerification getUpload() { return upload; }
}
