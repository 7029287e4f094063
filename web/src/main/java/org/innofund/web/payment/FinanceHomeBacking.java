package org.innofund.web.payment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.FinanceDesk;
import org.innofund.payment.application.PaymentBatches;
import org.innofund.web.shared.BusinessCall;

import java.io.Serializable;

/** 计财科工作台: what waits for finance, as the payment context counts it. */
@Named
@ViewScoped
public class FinanceHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PaymentBatches batches;

    private FinanceDesk desk;

    @PostConstruct
    void load() {
        BusinessCall.run(() -> desk = batches.desk());
    }

    public FinanceDesk getDesk() {
        return desk;
    }
}
