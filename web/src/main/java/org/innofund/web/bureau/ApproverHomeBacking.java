package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.CallStatus;
import org.innofund.shared.Money;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import org.innofund.project.application.ApprovalListView;
import org.innofund.project.application.ApprovalLists;

import java.io.Serializable;
import java.util.List;

/**
 * The approver's home: draft calls waiting to be published, with who prepared them and what they commit, and the
 * approval lists waiting for a decision.
 */
@Named
@ViewScoped
public class ApproverHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CallAdministration administration;

    @EJB
    private ApprovalLists approvalLists;

    @EJB
    private org.innofund.subsidy.application.CalculationRuns calculationRuns;

    private List<CallDetail> drafts;
    private List<ApprovalListView> lists;
    private List<org.innofund.subsidy.application.RunView> runs;
    private boolean stale;
    private List<org.innofund.payment.application.BatchView> batches;

    @EJB
    private org.innofund.payment.application.PaymentBatches paymentBatches;

    @PostConstruct
    void load() {
        drafts = administration.calls().stream().filter(c -> c.status() == CallStatus.DRAFT).toList();
        lists = approvalLists.awaitingDecision();
        runs = calculationRuns.awaitingApproval();
        batches = paymentBatches.list(org.innofund.payment.domain.PaymentBatchState.SUBMITTED, 0, 200);
    }

    /** Publishes the call as the approver saw it in the list; a call changed since is refused, not published. */
    public void publish(CallDetail call) {
        if (BusinessCall.run(() -> administration.publish(call.id(), call.version()))) {
            Feedback.info("approver.published", call.title());
            load();
        } else {
            BusinessCall.run(() -> stale = administration.call(call.id()).version() != call.version());
        }
    }

    public Money getTotalBudget() {
        return CallDetail.totalBudget(drafts);
    }

    public List<CallDetail> getDrafts() { return drafts; }
    /** 待批准的核定: each call's newest run while a preview. */
    public List<org.innofund.subsidy.application.RunView> getRuns() { return runs; }
    /** 立项建议名单 waiting for a decision, the oldest submission first. */
    public List<ApprovalListView> getLists() { return lists; }
    public boolean isStale() { return stale; }
    /** 待审批的拨付批次, the newest first. */
    public List<org.innofund.payment.application.BatchView> getBatches() { return batches; }
}
