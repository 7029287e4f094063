package org.innofund.certificate.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.certificate.domain.Certificate;
import org.innofund.certificate.domain.CertificateContentJson;
import org.innofund.certificate.domain.CertificateFile;
import org.innofund.certificate.domain.DocumentHash;
import org.innofund.certificate.infrastructure.CertificatePdf;
import org.innofund.certificate.infrastructure.CertificateSigner;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The signed PDF of each issued document, made once: right after the issuing transaction commits (in the background),
 * or when someone asks for it first, or by the timer for what a crash left unmade. Whoever comes first makes it under
 * the document's row lock; the others find it made. It is rendered from the content stored at issue and nothing else,
 * and then never changes (its SHA-256 is kept with the document).
 */
@Stateless
@PermitAll
public class CertificateFiles {

    private static final Logger LOG = Logger.getLogger(CertificateFiles.class.getName());
    private static final int FAILURES_BEFORE_STOPPING = 3;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CertificatePdf renderer;

    @Inject
    private CertificateSigner signer;

    @EJB
    private CertificateFiles self;

    /** Makes the document's signed PDF if it is not made yet. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void make(long id) {
        Certificate c = em.find(Certificate.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.isSigned()) {
            return;
        }
        byte[] pdf = signer.sign(renderer.render(CertificateContentJson.read(c.getContent())), clock.instant());
        // the hash written without raising the version (the row stays locked): making the PDF changes nothing a user
        // decided on, so a revocation prepared from the list a moment before is not refused as stale because of it
        em.detach(c);
        c.signed(DocumentHash.of(pdf), pdf.length, clock.instant()); // its rule: once
        em.persist(new CertificateFile(id, pdf));
        // SQL: a JPQL bulk update would raise the version (EclipseLink does for versioned entities)
        em.createNativeQuery("update certificate set sha256 = ?, pdf_size = ?, signed_at = ? where id = ?")
                .setParameter(1, c.getSha256()).setParameter(2, c.getPdfSize())
                .setParameter(3, LocalDateTime.ofInstant(c.getSignedAt(), ZoneOffset.UTC)) // as InstantConverter stores it
                .setParameter(4, id).executeUpdate();
    }

    /** The document's signed PDF, made now if it was not yet. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public byte[] content(long id) {
        self.make(id);
        return em.find(CertificateFile.class, id).getContent();
    }

    /** Makes the PDFs of documents just issued, one transaction each, in the background. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void makeAll(List<Long> ids) {
        makeEach(ids);
    }

    /**
     * What the issuing transaction issued, once it has committed (never for a rolled-back decision). Outside any
     * transaction: the issuing one has ended, and this only hands the work to the background.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onIssued(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificatesIssued issued) {
        self.makeAll(issued.ids());
    }

    /** The documents issued more than {@code age} ago whose PDFs are not made (a crash came between), oldest first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int makeLeftBehind(Duration age, int limit) {
        List<Long> ids = em.createQuery("select c.id from Certificate c where c.signedAt is null and c.createdAt < :before"
                        + " order by c.id", Long.class).setParameter("before", clock.instant().minus(age))
                .setMaxResults(limit).getResultList();
        return makeEach(ids);
    }

    /**
     * Each in its own transaction; one that fails (logged) does not keep the others from being made. Several failing
     * in a row is not about them (no key, no database, the application stopping): the rest are left to the timer
     * rather than each failing into the log.
     */
    private int makeEach(List<Long> ids) {
        int made = 0;
        int failedInARow = 0;
        for (long id : ids) {
            try {
                self.make(id);
                made++;
                failedInARow = 0;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Certificate " + id + "'s PDF was not made; it is tried again when asked for"
                        + " and by the timer", e);
                if (++failedInARow == FAILURES_BEFORE_STOPPING) {
                    LOG.severe(() -> FAILURES_BEFORE_STOPPING + " certificate PDFs failed in a row: the other "
                            + (ids.size() - ids.indexOf(id) - 1) + " of this lot are left to the timer");
                    break;
                }
            }
        }
        return made;
    }
}
