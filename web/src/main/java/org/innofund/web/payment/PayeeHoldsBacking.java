package org.innofund.web.payment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.PayeeAccounts;
import org.innofund.payment.application.PayeeHoldView;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.List;

/** 账户变更待核实: the accounts on hold; one released in a dialog saying how the change was confirmed. */
@Named
@ViewScoped
public class PayeeHoldsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PayeeAccounts accounts;

    private List<PayeeHoldView> holds = List.of();
    private PayeeHoldView selected;
    private String note;

    @PostConstruct
    void load() {
        BusinessCall.run(() -> holds = accounts.holds());
    }

    /** Opens the dialog on a hold, its note empty. */
    public void select(PayeeHoldView hold) {
        selected = hold;
        note = null;
    }

    public void release() {
        if (selected != null && BusinessCall.run(() -> accounts.releaseHold(selected.id(), selected.version(), note))) {
            Feedback.info("holds.released", selected.enterpriseName());
            selected = null;
            load();
            Dialogs.done("holdsForm:holdsPanel", "messages");
        }
    }

    public List<PayeeHoldView> getHolds() { return holds; }
    public PayeeHoldView getSelected() { return selected; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public int getDefaultDays() { return PayeeAccounts.defaultHoldDays(); }
}
