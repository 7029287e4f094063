package org.innofund.project.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timer of the publicity period's end: every five minutes, persistent (one missed while the server was down runs
 * when it is back). Every server of a cluster runs its own; {@link PublicityEndCheck} makes the outcome once.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PublicityEnd {

    private static final Logger LOG = Logger.getLogger(PublicityEnd.class.getName());

    @EJB
    private PublicityEndCheck check;

    @Schedule(hour = "*", minute = "*/5", persistent = true, info = "publicity period end")
    void run() {
        try {
            check.endDue().stream().filter(PublicityEndCheck.NoticeEnd::closedByThisRun).forEach(e -> LOG.info(() ->
                    "Publicity notice " + e.noticeId() + " ended: " + e.publicized().size() + " publicized, "
                            + e.waiting().size() + " waiting for an answer"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The publicity period's end check failed; the next run tries again", e);
        }
    }
}
