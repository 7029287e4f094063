package org.innofund.certificate.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.shared.BusinessException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The public verification's rate limit: lookups per client address and minute, counted in the database (so that every
 * server of a cluster counts the same) in a transaction of their own (a refused or failed lookup still counts). Past
 * the limit, 429 until the next minute. Windows older than an hour are removed as new ones start.
 */
@Stateless
@PermitAll
public class VerificationLimit {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private VerificationLimit self;

    @Inject
    @ConfigProperty(name = "innofund.certificate.verifications-per-minute", defaultValue = "20")
    int perMinute;

    /** Counts one lookup of the client; refused (429) past the limit of the minute. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void count(String clientAddress) {
        String client = clientAddress == null ? "unknown" : clientAddress;
        Instant window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        int lookups;
        try {
            lookups = self.add(client, window);
        } catch (RuntimeException e) {
            lookups = self.add(client, window); // another server started the window at the same moment
        }
        if (lookups > perMinute) {
            throw new BusinessException(BusinessException.Kind.TOO_MANY, "certificate.verifyTooMany", perMinute);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int add(String client, Instant start) {
        LocalDateTime window = LocalDateTime.ofInstant(start, ZoneOffset.UTC); // as InstantConverter stores instants
        int updated = em.createNativeQuery("update verification_window set lookups = lookups + 1 where client_address = ?"
                + " and window_start = ?").setParameter(1, client).setParameter(2, window).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("delete from verification_window where window_start < ?")
                    .setParameter(1, window.minus(Duration.ofHours(1))).executeUpdate();
            em.createNativeQuery("insert into verification_window (client_address, window_start, lookups) values (?, ?, 1)")
                    .setParameter(1, client).setParameter(2, window).executeUpdate();
            return 1;
        }
        return ((Number) em.createNativeQuery("select lookups from verification_window where client_address = ?"
                + " and window_start = ?").setParameter(1, client).setParameter(2, window).getSingleResult()).intValue();
    }
}
