package org.innofund.web.payment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.BatchChange;
import org.innofund.payment.application.BatchView;
import org.innofund.payment.application.BudgetView;
import org.innofund.payment.application.Ledger;
import org.innofund.payment.application.PayableFilter;
import org.innofund.payment.application.PayableItemView;
import org.innofund.payment.application.PayablePage;
import org.innofund.payment.application.PaymentBatches;
import org.innofund.payment.domain.PaymentBatchState;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.MoneyFormat;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * 拨付批次 (finance): the payable items a filter finds, each with what blocks it, a batch built of the selected ones or
 * of all found, and the batches by state.
 */
@Named
@ViewScoped
public class PaymentBatchesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The payable items one look shows (the count and sum are of all found). */
    static final int SHOWN = 200;

    @EJB
    private PaymentBatches batches;

    @EJB
    private Ledger ledger;

    private Long callId;
    private String enterprise;
    private SubsidyKind kind;
    private PaymentBatchState state;
    private List<BudgetView> calls = List.of();
    private PayablePage payable;
    private List<PayableItemView> selected = new ArrayList<>();
    private List<BatchView> list = List.of();

    @PostConstruct
    void load() {
        BusinessCall.run(() -> calls = ledger.budgets());
        search();
        listBatches();
    }

    public void search() {
        selected = new ArrayList<>();
        BusinessCall.run(() -> payable = batches.payable(filter(), 0, SHOWN));
    }

    public void listBatches() {
        BusinessCall.run(() -> list = batches.list(state, 0, SHOWN));
    }

    /** A batch of the selected items (the question was asked first). */
    public void buildSelected() {
        build(selected.stream().map(PayableItemView::id).toList());
    }

    /** A batch of everything the filter finds. */
    public void buildAll() {
        build(List.of());
    }

    private void build(List<Long> itemIds) {
        BatchChange[] change = new BatchChange[1];
        if (BusinessCall.run(() -> change[0] = batches.build(filter(), itemIds))) {
            Feedback.info("batches.built", change[0].batch().reference(), change[0].added(), change[0].blocked().size());
            search();
            listBatches();
        }
    }

    private PayableFilter filter() {
        return new PayableFilter(callId, enterprise, kind);
    }

    public String found() {
        return payable == null ? "" : Feedback.label("batches.found", payable.count(), MoneyFormat.yuan(payable.total()));
    }

    public SubsidyKind[] getKinds() { return SubsidyKind.values(); }
    public PaymentBatchState[] getStates() { return PaymentBatchState.values(); }
    public List<BudgetView> getCalls() { return calls; }
    public PayablePage getPayable() { return payable; }
    public List<BatchView> getList() { return list; }
    public List<PayableItemView> getSelected() { return selected; }
    public void setSelected(List<PayableItemView> selected) { this.selected = selected == null ? new ArrayList<>() : selected; }
    public Long getCallId() { return callId; }
    public void setCallId(Long callId) { this.callId = callId; }
    public String getEnterprise() { return enterprise; }
    public void setEnterprise(String enterprise) { this.enterprise = enterprise; }
    public SubsidyKind getKind() { return kind; }
    public void setKind(SubsidyKind kind) { this.kind = kind; }
    public PaymentBatchState getState() { return state; }
    public void setState(PaymentBatchState state) { this.state = state; }
}
