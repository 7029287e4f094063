package org.innofund.web.payment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.EnterpriseMoney;
import org.innofund.payment.application.EnterpriseMoneyView;
import org.innofund.web.shared.BusinessCall;

import java.io.Serializable;

/** 资金拨付: the enterprise's own money per call and year, as the payment context reads it. */
@Named
@ViewScoped
public class EnterpriseMoneyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private EnterpriseMoney money;

    private EnterpriseMoneyView view;

    @PostConstruct
    void load() {
        BusinessCall.run(() -> view = money.mine());
    }

    public EnterpriseMoneyView getView() {
        return view;
    }
}
