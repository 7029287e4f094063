package org.innofund.certificate.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, persistent: makes the PDFs that the background work after an issue did not (the server stopped or
 * crashed in between). A document is made once whichever server or path gets to it first.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateSweep {

    private static final Logger LOG = Logger.getLogger(CertificateSweep.class.getName());

    @EJB
    private CertificateFiles files;

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
