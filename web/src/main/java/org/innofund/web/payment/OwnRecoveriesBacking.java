package org.innofund.web.payment;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.Recoveries;
import org.innofund.payment.application.RecoveryView;
import org.innofund.payment.domain.RecoveryState;

import java.util.List;

/** 追回款项 of the enterprise: all of them (its page), and those still owed (its home page's "needs my action"). */
@Named
@RequestScoped
public class OwnRecoveriesBacking {

    @EJB
    private Recoveries recoveries;

    private List<RecoveryView> all;
    private List<RecoveryView> open;

    public List<RecoveryView> getAll() {
        if (all == null) {
            all = recoveries.list(null, false, null, 0, Recoveries.MAX_PAGE_SIZE).items();
        }
        return all;
    }

    public List<RecoveryView> getOpen() {
        if (open == null) {
            open = recoveries.list(RecoveryState.OPEN, false, null, 0, Recoveries.MAX_PAGE_SIZE).items();
        }
        return open;
    }
}
