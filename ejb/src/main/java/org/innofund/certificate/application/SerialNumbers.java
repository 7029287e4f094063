package org.innofund.certificate.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.certificate.domain.SerialNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serial numbers without gaps: a type's counter of the year is raised by an UPDATE in the issuing transaction, which
 * holds the counter's row until that transaction ends. A second issuer waits, then counts on from the first one's
 * numbers; a rolled-back issue gives its numbers back with everything else. So every committed number has its
 * document, and no two documents share one.
 */
@Stateless
@PermitAll
public class SerialNumbers {

    private static final Logger LOG = Logger.getLogger(SerialNumbers.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private SerialNumbers self;

    @Inject
    @ConfigProperty(name = "innofund.certificate.serial-prefix", defaultValue = "CXKJ")
    String prefix;

    /** The next {@code count} numbers of the type and year, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<SerialNumber> take(CertificateType type, int year, int count) {
        if (raise(type, year, count) == 0) {
            try {
                self.createCounter(type, year);
            } catch (CounterExists e) {
                // another issuer created it first: that is all we needed
                LOG.log(Level.FINE, "serial counter created concurrently", e);
            }
            if (raise(type, year, count) == 0) {
                throw new IllegalStateException("no serial counter for " + type + " " + year);
            }
        }
        int last = ((Number) em.createNativeQuery("select last_no from certificate_serial where certificate_type = ?"
                        + " and serial_year = ?").setParameter(1, type.name()).setParameter(2, year).getSingleResult())
                .intValue();
        List<SerialNumber> numbers = new ArrayList<>(count);
        for (int n = last - count + 1; n <= last; n++) {
            numbers.add(new SerialNumber(prefix, type, year, n));
        }
        return numbers;
    }

    /** The year's first document of the type: its counter, in a transaction of its own (committed at once). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createCounter(CertificateType type, int year) {
        try {
            em.createNativeQuery("insert into certificate_serial (certificate_type, serial_year, last_no) values (?, ?, 0)")
                    .setParameter(1, type.name()).setParameter(2, year).executeUpdate();
        } catch (PersistenceException e) {
            throw new CounterExists(type + " " + year, e);
        }
    }

    /** Another issuer created the year's counter at the same moment (an expected race, not a failure to log). */
    @ApplicationException(rollback = true)
    public static class CounterExists extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CounterExists(String counter, Throwable cause) {
            super("serial counter " + counter + " exists already", cause);
        }
    }

    private int raise(CertificateType type, int year, int count) {
        return em.createNativeQuery("update certificate_serial set last_no = last_no + ? where certificate_type = ?"
                        + " and serial_year = ?").setParameter(1, count).setParameter(2, type.name())
                .setParameter(3, year).executeUpdate();
    }
}
