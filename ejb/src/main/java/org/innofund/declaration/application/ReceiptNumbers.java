package org.innofund.declaration.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.declaration.domain.Declaration;
import org.innofund.declaration.domain.ReceiptCounter;
import org.innofund.declaration.domain.ReceiptNumber;

/**
 * Gives a declaration its 申报编号 at its first submission, in the submitting transaction: the call year's counter
 * row is locked until that transaction ends, so the numbers of a year have no gaps (a rolled-back submission gives its
 * number back) and no repeats (the next submitter waits for the lock and reads the moved counter).
 */
@Stateless
@PermitAll
public class ReceiptNumbers {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    @ConfigProperty(name = "innofund.receipt-prefix", defaultValue = "CXKJ")
    private String prefix;

    /** Numbers the declaration if this is its first submission; a resubmission keeps its number. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void assignOnFirstSubmission(Declaration d) {
        if (!d.needsReceiptNumber()) {
            return;
        }
        int year = d.getCall().getYear();
        ReceiptCounter counter = em.find(ReceiptCounter.class, year, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            try {
                context.getBusinessObject(ReceiptNumbers.class).startYear(year);
            } catch (EJBException e) {
                // another submission started the year at the same moment: its row is there now
            }
            counter = em.find(ReceiptCounter.class, year, LockModeType.PESSIMISTIC_WRITE);
        }
        d.assignReceiptNumber(new ReceiptNumber(prefix, year, counter.next()));
    }

    /**
     * The year's counter at zero, committed at once on its own (so that the submission's lock has a row to take); the
     * first submission of a year does it, and of two at once one fails here harmlessly.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void startYear(int year) {
        em.persist(new ReceiptCounter(year));
        em.flush();
    }
}
