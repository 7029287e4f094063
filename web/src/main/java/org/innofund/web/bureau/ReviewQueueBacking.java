package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.declaration.application.FormalReview;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.web.shared.BusinessCall;
import org.omnifaces.cdi.Param;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** 形式审查队列: declarations past the draft stage, submitted ones (to accept) by default, filtered by call and enterprise. */
@Named
@ViewScoped
public class ReviewQueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FormalReview review;

    @EJB
    private CallAdministration calls;

    /** ?call=N from the home page's counts. */
    @Inject
    @Param(name = "call")
    private Long callId;

    private DeclarationState state = DeclarationState.SUBMITTED;
    private String enterprise;

    private List<CallDetail> callOptions;
    private List<DeclarationSummary> declarations = List.of();

    @PostConstruct
    void init() {
        callOptions = calls.calls();
        search();
    }

    public void search() {
        BusinessCall.run(() -> declarations = review.queue(callId, state, enterprise));
    }

    public void reset() {
        callId = null;
        state = DeclarationState.SUBMITTED;
        enterprise = null;
        search();
    }

    /** Every state a declaration in the queue can be in. */
    public List<DeclarationState> getStates() {
        return Arrays.stream(DeclarationState.values()).filter(s -> !FormalReview.NOT_IN_THE_QUEUE.contains(s)).toList();
    }

    public List<CallDetail> getCallOptions() { return callOptions; }
    public List<DeclarationSummary> getDeclarations() { return declarations; }
    public Long getCallId() { return callId; }
    public void setCallId(Long v) { callId = v; }
    public DeclarationState getState() { return state; }
    public void setState(DeclarationState v) { state = v; }
    public String getEnterprise() { return enterprise; }
    public void setEnterprise(String v) { enterprise = v; }
}
