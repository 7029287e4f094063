package org.innofund.web.bureau;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.web.shared.Feedback;

/** A call as the approver reads it before publishing: everything it says, read-only, and the publish decision. */
@Named
@ViewScoped
public class ApproverCallBacking extends CallPage {

    private static final long serialVersionUID = 1L;

    @Inject
    private StaffNames staff;

    private String opinion;

    /** Publishes the version shown on the page, never a newer one nobody here has read. */
    public void publish() {
        if (change(() -> administration.publish(getId(), getCall().version()))) {
            Feedback.info("approver.published", getCall().title());
        }
    }

    /** 退回起草人: the opinion was checked by the dialog before the question was asked. */
    public void sendBack() {
        if (change(() -> administration.returnToPreparer(getId(), getCall().version(), opinion))) {
            Feedback.info("approver.sentBack", getCall().title(), staff.of(getCall().createdBy()));
            opinion = null;
        }
    }

    public String getOpinion() { return opinion; }
    public void setOpinion(String opinion) { this.opinion = opinion; }

    public boolean isPublishable() {
        return isChangeableDraft();
    }
}
