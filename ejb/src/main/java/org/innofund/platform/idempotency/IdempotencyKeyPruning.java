package org.innofund.platform.idempotency;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes the idempotency keys older than 24 hours, every hour: persistent (an hour missed while the server was down
 * runs when it is back). Every server of a cluster may run its own: deleting what is already deleted changes nothing,
 * and a key past its 24 hours is ignored by {@link IdempotencyKeys#reserve} whether pruned yet or not.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotencyKeyPruning {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPruning.class.getName());

    @EJB
    private IdempotencyKeys keys;

    @Schedule(hour = "*", minute = "17", persistent = true, info = "idempotency key pruning")
    void run() {
        try {
            int pruned = keys.prune();
            if (pruned > 0) {
                LOG.fine(() -> pruned + " idempotency keys older than 24 hours deleted");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The idempotency keys could not be pruned; the next run tries again", e);
        }
    }
}
