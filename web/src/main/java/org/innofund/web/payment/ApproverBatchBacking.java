package org.innofund.web.payment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.payment.application.BatchPage;
import org.innofund.payment.application.PaymentBatches;
import org.innofund.payment.domain.PaymentBatchState;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;

import java.io.Serializable;

/**
 * 审批拨付批次 (?id=): the approver reads the lines (payee, account as approved, amount) and approves or rejects with a
 * reason. The decision names the version read; the four-eyes rule is the service's.
 */
@Named
@ViewScoped
public class ApproverBatchBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PaymentBatches batches;

    @Inject
    @Param(name = "id")
    private Long batchId;

    private BatchPage page;
    private String reason;

    @PostConstruct
    void load() {
        if (batchId != null) {
            BusinessCall.run(() -> page = batches.batch(batchId, 0, FinanceBatchBacking.SHOWN));
        }
    }

    /** 批准 (the confirmation was asked first). */
    public void approve() {
        if (BusinessCall.run(() -> batches.approve(page.batch().id(), page.batch().version()))) {
            Feedback.info("approverBatch.approved", page.batch().reference());
        }
        load();
    }

    /** 退回: the reason was checked by the dialog before the question was asked. */
    public void reject() {
        if (BusinessCall.run(() -> batches.reject(page.batch().id(), page.batch().version(), reason))) {
            Feedback.info("approverBatch.rejected", page.batch().reference());
            reason = null;
        }
        load();
    }

    public boolean isDecidable() {
        return page != null && page.batch().state() == PaymentBatchState.SUBMITTED;
    }

    public BatchPage getPage() { return page; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
