package org.innofund.web.payment;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.Recoveries;
import org.innofund.payment.application.RecoveryView;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;

/** 解除拨付限制 (approver): the dialog on one open recovery, asking why. */
@Named
@ViewScoped
public class BlockReleaseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Recoveries recoveries;

    private RecoveryView selected;
    private String reason;

    public void select(RecoveryView recovery) {
        selected = recovery;
        reason = null;
    }

    public void release() {
        if (selected != null && BusinessCall.run(() -> recoveries.releaseBlock(selected.id(), selected.version(), reason))) {
            Feedback.info("recoveries.releasedDone");
            selected = null;
            Dialogs.done("recoveriesForm", "messages");
        }
    }

    public RecoveryView getSelected() {
        return selected;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
