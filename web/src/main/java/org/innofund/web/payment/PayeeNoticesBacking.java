package org.innofund.web.payment;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.PayeeAccountNotice;
import org.innofund.payment.application.PayeeAccounts;

import java.util.List;

/** The enterprise's home page tells its users of the recent changes of its payee account. */
@Named
@RequestScoped
public class PayeeNoticesBacking {

    @EJB
    private PayeeAccounts accounts;

    private List<PayeeAccountNotice> notices;

    public List<PayeeAccountNotice> getNotices() {
        if (notices == null) {
            notices = accounts.recentChanges();
        }
        return notices;
    }
}
