package org.innofund.web.payment;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.Recoverable;
import org.innofund.payment.application.Recoveries;
import org.innofund.payment.application.RecoveryDetail;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 发起追回 (reviewer): the enterprise by its credit code, what it was paid per call (to choose the call and see how much
 * may be asked back), then the amount, reason and due date.
 */
@Named
@ViewScoped
public class RaiseRecoveryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Recoveries recoveries;

    private String uscc;
    private List<Recoverable> calls;
    private Long callId;
    private BigDecimal amount;
    private String reason;
    private LocalDate dueOn;

    /** What the enterprise of the code was paid, per call. */
    public void lookUp() {
        calls = null;
        callId = null;
        BusinessCall.run(() -> calls = recoveries.recoverable(uscc));
        if (calls != null && calls.size() == 1) {
            callId = calls.get(0).callId();
        }
    }

    public void raise() {
        RecoveryDetail[] raised = new RecoveryDetail[1];
        if (BusinessCall.run(() -> raised[0] = recoveries.raise(uscc, callId, Money.of(amount), reason, dueOn))) {
            Feedback.info("recoveries.raisedDone", MoneyFormat.yuan(raised[0].recovery().amount()),
                    raised[0].recovery().dueOn().toString());
            calls = null;
            callId = null;
            amount = null;
            reason = null;
            dueOn = null;
            uscc = null;
        }
    }

    public List<Recoverable> getCalls() {
        return calls;
    }

    public String getUscc() {
        return uscc;
    }

    public void setUscc(String uscc) {
        this.uscc = uscc;
    }

    public Long getCallId() {
        return callId;
    }

    public void setCallId(Long callId) {
        this.callId = callId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }
}
