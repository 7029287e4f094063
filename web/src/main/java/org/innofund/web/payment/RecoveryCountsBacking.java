package org.innofund.web.payment;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.Recoveries;
import org.innofund.payment.domain.RecoveryState;

/** What waits on the finance home: how many recoveries are overdue. */
@Named
@RequestScoped
public class RecoveryCountsBacking {

    @EJB
    private Recoveries recoveries;

    private Long overdue;

    public long getOverdue() {
        if (overdue == null) {
            overdue = recoveries.list(RecoveryState.OPEN, true, null, 0, 1).total();
        }
        return overdue;
    }
}
