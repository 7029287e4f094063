package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.project.application.ObjectionView;
import org.innofund.project.application.PublicNotices;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.List;

/** 异议处理 (REVIEWER): the objections, and the answer to one, dismissed or upheld with a reason, in a dialog that asks. */
@Named
@ViewScoped
public class ObjectionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PublicNotices notices;

    private List<ObjectionView> objections;
    private ObjectionView chosen;
    private boolean upholding;
    private String reason;

    @PostConstruct
    void load() {
        objections = notices.objections();
    }

    /** Opens the dialog for an open objection: dismissing it, or upholding it. */
    public void choose(ObjectionView objection, boolean uphold) {
        chosen = objection;
        upholding = uphold;
        reason = null;
    }

    /** The answer on the version the page shows. */
    public void answer() {
        ObjectionView o = chosen;
        boolean done = BusinessCall.run(() -> {
            if (upholding) {
                notices.uphold(o.id(), o.version(), reason);
            } else {
                notices.dismiss(o.id(), o.version(), reason);
            }
        });
        if (done) {
            if (upholding) {
                Feedback.info("objections.upheld", o.id());
            } else {
                Feedback.info("objections.dismissed", o.id());
            }
            chosen = null;
            load();
            Dialogs.done(":objectionsForm", ":messages");
        }
    }

    public List<ObjectionView> getObjections() { return objections; }
    public ObjectionView getChosen() { return chosen; }
    public boolean isUpholding() { return upholding; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
