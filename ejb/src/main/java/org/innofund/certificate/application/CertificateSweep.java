package org.innofund.certificate.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.innofund.certificate.infrastructure.CertificateSigner;
import org.innofund.platform.pdf.ChineseFont;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, persistent: makes the PDFs that the background work after an issue did not (the server stopped or
 * crashed in between). A document is made once whichever server or path gets to it first. At start-up it loads the
 * signing key and parses the font, so that the first document after a start does not wait for them (about a second).
 */
@Singleton
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateSweep {

    private static final Logger LOG = Logger.getLogger(CertificateSweep.class.getName());

    @EJB
    private CertificateFiles files;

    @Inject
    private CertificateSigner signer;

    @Inject
    private ChineseFont font;

    @PostConstruct
    void warmUp() {
        try {
            signer.certificate();
            font.use(parsed -> parsed.getNumberOfGlyphs());
        } catch (RuntimeException e) {
            // no key or no font: the product runs, and asking for a PDF says what is missing
            LOG.log(Level.WARNING, "Certificates: the signing key or the font could not be loaded at start-up", e);
        }
    }

    @Schedule(hour = "*", minute = "*", persistent = true, info = "certificate PDFs left behind")
    void run() {
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
