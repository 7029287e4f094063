package org.innofund.certificate.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.innofund.certificate.infrastructure.CertificateSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.certificate.domain.CertificateContent;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.certificate.infrastructure.CertificatePdf;
import org.innofund.shared.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, persistent: makes the PDFs that the background work after an issue did not (the server stopped or
 * crashed in between). A document is made once whichever server or path gets to it first. At start-up it makes one
 * document and throws it away (font parsed, key loaded, classes loaded: about a second, in the background), so that
 * the first real document after a start is made as fast as the others.
 */
@Singleton
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateSweep {

    private static final Logger LOG = Logger.getLogger(CertificateSweep.class.getName());

    /** A document made at start-up and thrown away, so that the first real one finds font, key and classes loaded. */
    private static final CertificateContent WARM_UP = new CertificateContent(CertificateType.SUBSIDY_CONFIRMATION,
            "CXKJ-2000-BZ-000001", "慈溪市科学技术局", "预热单位", "91330282000000000X", "预热。",
            List.of(new CertificateContent.Fact("年度", "2000年")), List.of("预热"), Money.ofFen(1), LocalDate.of(2000, 1, 1),
            "0000-0000-0000-0000-0000", "http://localhost/");

    @EJB
    private CertificateFiles files;

    @Inject
    private CertificateSigner signer;


    @Inject
    private CertificatePdf renderer;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "innofund.public-url", defaultValue = "http://localhost:8080/innofund/")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "innofund.demo", defaultValue = "false")
    boolean demo;

    /** In the background, not holding up the deployment: about a second once per start. */
    @PostConstruct
    void warmUp() {
        if (!demo && publicUrl.contains("://localhost")) {
            // printed on every document and in its QR code, for good: a production server must say where it is
            LOG.severe(() -> "innofund.public-url is " + publicUrl + ": certificates issued now print an address nobody"
                    + " else can open. Set INNOFUND_PUBLIC_URL to the product's public address.");
        }
        executor.execute(() -> {
            try {
                if (signer.certificate().isPresent()) {
                    signer.sign(renderer.render(WARM_UP), Instant.EPOCH); // thrown away: it loads what documents need
                }
            } catch (RuntimeException e) {
                // no key or no font: the product runs, and asking for a PDF says what is missing
                LOG.log(Level.WARNING, "Certificates: the signing key or the font could not be loaded at start-up", e);
            }
        });
    }

    @Schedule(hour = "*", minute = "*", persistent = true, info = "certificate PDFs left behind")
    void run() {
        if (signer.certificate().isEmpty()) {
            return; // no usable key (logged once by the signer): nothing can be made until there is
        }
        try {
            int made = files.makeLeftBehind(Duration.ofMinutes(2), 500);
            if (made > 0) {
                LOG.info(() -> made + " certificate PDFs made that were left behind");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Making the certificate PDFs left behind failed; the next run tries again", e);
        }
    }
}
