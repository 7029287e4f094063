package org.innofund.subsidy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.shared.Money;
import org.innofund.subsidy.infrastructure.Amounts;

import java.util.List;

/**
 * What an approved run owes, as the payment context reads it when the approval's event reaches it (in the approval's
 * transaction; the caller has checked nothing, the event is the authority): every line with an amount, with the
 * enterprise's registered name, in the run's order. A line with an amount always has a registered enterprise (an
 * unregistered one is not eligible).
 */
@ApplicationScoped
public class PayableLines {

    /** One line with an amount: its position in the run, the enterprise and the amount. */
    public record Line(int position, long enterpriseId, String uscc, String name, Money amount) {
    }

    @PersistenceContext
    private EntityManager em;

    public List<Line> of(long runId) {
        return em.createQuery("select l.position, l.enterpriseId, l.uscc, o.name, l.amount"
                        + " from CalculationLine l, Organisation o where l.runId = :run and o.id = l.enterpriseId"
                        + " and l.amount > :zero order by l.position", Object[].class)
                .setParameter("run", runId).setParameter("zero", Money.ZERO).getResultStream()
                .map(r -> new Line((Integer) r[0], (Long) r[1], (String) r[2], (String) r[3], Amounts.money(r[4])))
                .toList();
    }

    /**
     * What an approved run asks back (结算为负): every line of a registered enterprise whose recovery is more than 0 (its
     * advances above what it is due), the recovery as the line's amount, in the run's order.
     */
    public List<Line> recoveries(long runId) {
        return em.createQuery("select l.position, l.enterpriseId, l.uscc, o.name, l.recovery"
                        + " from CalculationLine l, Organisation o where l.runId = :run and o.id = l.enterpriseId"
                        + " and l.recovery > :zero order by l.position", Object[].class)
                .setParameter("run", runId).setParameter("zero", Money.ZERO).getResultStream()
                .map(r -> new Line((Integer) r[0], (Long) r[1], (String) r[2], (String) r[3], Amounts.money(r[4])))
                .toList();
    }
}
