package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.CallStatus;
import org.innofund.web.shared.BusinessCall;
import org.omnifaces.cdi.Param;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A bureau page about one call (?id=): the call as the page read it, and every change names the version read, so that
 * a change someone else made in between is refused and the page offers a reload instead of overwriting it.
 */
abstract class CallPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    protected CallAdministration administration;

    @Inject
    @Param(name = "id")
    private Long id;

    private CallDetail call;
    private boolean stale;

    @PostConstruct
    void load() {
        if (id != null && BusinessCall.run(() -> call = administration.call(id))) {
            stale = false;
            loaded();
        }
    }

    /** What the page fills from the call once it is found. */
    protected void loaded() {
    }

    /** True if the change went through (the page then holds the changed call); false if refused, with the reason shown. */
    protected boolean change(Supplier<CallDetail> change) {
        long seen = call.version();
        CallDetail[] changed = new CallDetail[1];
        if (BusinessCall.run(() -> changed[0] = change.get())) {
            call = changed[0];
            return true;
        }
        // refused: if because someone else changed the call meanwhile, stop offering changes and offer a reload
        BusinessCall.run(() -> stale = administration.call(id).version() != seen);
        return false;
    }

    /** A draft can still be changed, unless someone else changed it since the page was loaded. */
    protected boolean isChangeableDraft() {
        return isDraft() && !stale;
    }

    public boolean isDraft() {
        return call != null && call.status() == CallStatus.DRAFT;
    }

    public Long getId() { return id; }
    public CallDetail getCall() { return call; }
    public boolean isStale() { return stale; }
}
