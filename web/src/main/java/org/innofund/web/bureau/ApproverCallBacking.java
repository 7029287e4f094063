package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.CallStatus;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;

import java.io.Serializable;

/** A call as the approver reads it before publishing: everything it says, read-only, and the publish decision. */
@Named
@ViewScoped
public class ApproverCallBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CallAdministration administration;

    @Inject
    @Param(name = "id")
    private Long id;

    private CallDetail call;
    private boolean stale;

    @PostConstruct
    void load() {
        if (id != null && BusinessCall.run(() -> call = administration.call(id))) {
            stale = false;
        }
    }

    /** Publishes the version shown on the page, never a newer one nobody here has read. */
    public void publish() {
        long seen = call.version();
        if (BusinessCall.run(() -> call = administration.publish(id, seen))) {
            Feedback.info("approver.published", call.title());
        } else {
            BusinessCall.run(() -> stale = administration.call(id).version() != seen);
        }
    }

    public boolean isPublishable() {
        return call != null && call.status() == CallStatus.DRAFT && !stale;
    }

    public Long getId() { return id; }
    public CallDetail getCall() { return call; }
    public boolean isStale() { return stale; }
}
