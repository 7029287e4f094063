package org.innofund.web.payment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.payment.application.BankResult;
import org.innofund.payment.application.BatchLineView;
import org.innofund.payment.application.BatchPage;
import org.innofund.payment.application.BlockedItem;
import org.innofund.payment.application.PaymentBatches;
import org.innofund.payment.application.ResultReport;
import org.innofund.payment.application.TreasuryExport;
import org.innofund.payment.domain.PaymentBatchState;
import org.innofund.payment.domain.PaymentResult;
import org.innofund.shared.Messages;
import org.innofund.shared.MoneyFormat;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.primefaces.event.FileUploadEvent;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 拨付批次 (finance, ?id=): its lines and totals; a draft's items taken out and the draft submitted; an approved batch
 * exported (blocked lines reported) and its file downloaded; the bank's results recorded line by line or from its file.
 * Each change names the version the page read.
 */
@Named
@ViewScoped
public class FinanceBatchBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The lines one page shows. */
    static final int SHOWN = 500;

    @EJB
    private PaymentBatches batches;

    @Inject
    @Param(name = "id")
    private Long batchId;

    private BatchPage page;
    private BatchLineView line;
    private PaymentResult result = PaymentResult.PAID;
    private String bankReference;
    private LocalDate paidOn;
    private String reason;
    private boolean dryRun;
    private List<String> problems = List.of();

    @PostConstruct
    void load() {
        if (batchId != null) {
            BusinessCall.run(() -> page = batches.batch(batchId, 0, SHOWN));
        }
    }

    private void reload() {
        BusinessCall.run(() -> page = batches.batch(page.batch().id(), 0, SHOWN));
    }

    public void remove(BatchLineView l) {
        if (BusinessCall.run(() -> batches.removeItem(page.batch().id(), page.batch().version(), l.itemId()))) {
            Feedback.info("batch.removed");
        }
        reload();
    }

    public void submit() {
        if (BusinessCall.run(() -> batches.submit(page.batch().id(), page.batch().version()))) {
            Feedback.info("batch.submitted");
        }
        reload();
    }

    /** 导出: the blocks checked again as of today; what failed is said. The file is downloaded next. */
    public void export() {
        TreasuryExport[] export = new TreasuryExport[1];
        if (BusinessCall.run(() -> export[0] = batches.export(page.batch().id(), page.batch().version()))) {
            Feedback.info("batch.exported", export[0].lines(), MoneyFormat.yuan(export[0].total()));
            if (!export[0].blocked().isEmpty()) {
                Feedback.errorLabel("batch.exportedBlocked", export[0].blocked().size(), export[0].blocked().stream()
                        .map(this::blockedText).collect(Collectors.joining("；")));
            }
        }
        reload();
    }

    private String blockedText(BlockedItem b) {
        return b.payeeName() + " " + MoneyFormat.yuan(b.amount()) + "：" + b.blocks().stream()
                .map(r -> Messages.get(Faces.getLocale(), r.messageKey(), r.arguments().toArray()))
                .collect(Collectors.joining(" "));
    }

    /** The file of an exported batch (the same every time). */
    public void download() throws IOException {
        TreasuryExport[] export = new TreasuryExport[1];
        if (BusinessCall.run(() -> export[0] = batches.export(page.batch().id(), page.batch().version()))) {
            byte[] file = export[0].content();
            Faces.sendFile(file, export[0].fileName(), true);
        }
    }

    /** Opens the result form of a line. */
    public void choose(BatchLineView l) {
        line = l;
        result = PaymentResult.PAID;
        bankReference = null;
        paidOn = null;
        reason = null;
    }

    public void record() {
        ResultReport[] report = new ResultReport[1];
        BankResult entry = new BankResult(line.itemId(), result, result == PaymentResult.PAID ? bankReference : null,
                result == PaymentResult.PAID ? paidOn : null, result == PaymentResult.FAILED ? reason : null);
        if (BusinessCall.run(() -> report[0] = batches.record(page.batch().id(), page.batch().version(), List.of(entry)))) {
            Feedback.info("batch.recorded", report[0].paid(), report[0].failed(), report[0].unchanged());
            line = null;
        }
        reload();
    }

    /** 导入银行回单: all or nothing; every bad line listed. */
    public void importFile(FileUploadEvent event) {
        ResultReport[] report = new ResultReport[1];
        problems = List.of();
        byte[] content = event.getFile().getContent();
        if (BusinessCall.run(() -> report[0] = batches.importResults(page.batch().id(), page.batch().version(), content, dryRun))) {
            ResultReport r = report[0];
            if (!r.problems().isEmpty()) {
                problems = r.problems().stream().map(p -> (p.line() > 0 ? Feedback.label("batch.line", p.line()) + "：" : "")
                        + Messages.get(Faces.getLocale(), p.messageKey(), p.arguments().toArray())).toList();
                Feedback.errorLabel("batch.importProblems");
            } else if (r.stored() || r.paid() + r.failed() == 0) {
                Feedback.info("batch.recorded", r.paid(), r.failed(), r.unchanged());
            } else {
                Feedback.info("batch.checked", r.paid(), r.failed(), r.unchanged());
            }
        }
        reload();
    }

    public boolean isDraft() {
        return page != null && page.batch().state() == PaymentBatchState.DRAFT;
    }

    public boolean isExportable() {
        return page != null && page.batch().state() == PaymentBatchState.APPROVED;
    }

    public boolean isFileAvailable() {
        return page != null && page.fileAvailable();
    }

    public boolean isRecording() {
        return page != null && page.batch().state() == PaymentBatchState.EXPORTED;
    }

    public PaymentResult[] getResults() {
        return new PaymentResult[] {PaymentResult.PAID, PaymentResult.FAILED};
    }

    public BatchPage getPage() { return page; }
    public BatchLineView getLine() { return line; }
    public PaymentResult getResult() { return result; }
    public void setResult(PaymentResult result) { this.result = result; }
    public String getBankReference() { return bankReference; }
    public void setBankReference(String bankReference) { this.bankReference = bankReference; }
    public LocalDate getPaidOn() { return paidOn; }
    public void setPaidOn(LocalDate paidOn) { this.paidOn = paidOn; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isDryRun() { return dryRun; }
    public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }
    public List<String> getProblems() { return problems; }
}
