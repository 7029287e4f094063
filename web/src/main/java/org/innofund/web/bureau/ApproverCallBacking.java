package org.innofund.web.bureau;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.web.shared.Feedback;

/** A call as the approver reads it before publishing: everything it says, read-only, and the publish decision. */
@Named
@ViewScoped
public class ApproverCallBacking extends CallPage {

    private static final long serialVersionUID = 1L;

    /** Publishes the version shown on the page, never a newer one nobody here has read. */
    public void publish() {
        if (change(() -> administration.publish(getId(), getCall().version()))) {
            Feedback.info("approver.published", getCall().title());
        }
    }

    public boolean isPublishable() {
        return isChangeableDraft();
    }
}
