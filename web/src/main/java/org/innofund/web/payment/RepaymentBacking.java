package org.innofund.web.payment;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.Recoveries;
import org.innofund.payment.application.RecoveryDetail;
import org.innofund.payment.application.RecoveryView;
import org.innofund.payment.application.RepaymentOutcome;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** 登记还款 (finance): the dialog on one recovery, with its repayments so far, recording the next one. */
@Named
@ViewScoped
public class RepaymentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Recoveries recoveries;

    private RecoveryDetail selected;
    private BigDecimal amount;
    private LocalDate receivedOn;
    private String bankReference;

    /** Opens the dialog on the recovery as it is now, its fields empty. */
    public void select(RecoveryView recovery) {
        selected = null;
        amount = null;
        receivedOn = null;
        bankReference = null;
        BusinessCall.run(() -> selected = recoveries.get(recovery.id()));
    }

    public void repay() {
        RepaymentOutcome[] outcome = new RepaymentOutcome[1];
        if (selected != null && BusinessCall.run(() -> outcome[0] = recoveries.repay(selected.recovery().id(),
                selected.recovery().version(), Money.of(amount), receivedOn, bankReference))) {
            RecoveryView after = outcome[0].recovery().recovery();
            if (outcome[0].alreadyRecorded()) {
                Feedback.info("recoveries.alreadyRecorded");
            } else if (after.outstanding().isZero()) {
                Feedback.info("recoveries.settledDone");
            } else {
                Feedback.info("recoveries.repaidDone", MoneyFormat.yuan(after.outstanding()));
            }
            selected = null;
            Dialogs.done("recoveriesForm", "messages");
        }
    }

    public RecoveryDetail getSelected() {
        return selected;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    public String getBankReference() {
        return bankReference;
    }

    public void setBankReference(String bankReference) {
        this.bankReference = bankReference;
    }
}
