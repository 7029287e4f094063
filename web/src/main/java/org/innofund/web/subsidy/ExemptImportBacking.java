package org.innofund.web.subsidy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallDetail;
import org.innofund.shared.Messages;
import org.innofund.shared.Money;
import org.innofund.subsidy.application.ExemptImports;
import org.innofund.subsidy.application.RequestView;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * 免申即享导入 on the reviewer's page of a call (?call=): the templates, the file checked (dry run) or taken by
 * {@link ExemptImports}, its row report, and the call's confirmation requests.
 */
@Named
@ViewScoped
public class ExemptImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A problem of the last upload as the page shows it: the row and column (none for the whole file), in words. */
    public record Line(Integer row, String column, String message) implements Serializable {
    }

    /** What the last upload came to; {@code dryRun} whether it was only checked. */
    public record Outcome(boolean dryRun, int rows, int enterprises, int qualifying, Money total, boolean stored,
                          int replaced, List<Line> problems) implements Serializable {
    }

    @EJB
    private ExemptImports imports;

    @EJB
    private CallCatalog catalog;

    private Long callId;
    private CallDetail call;
    private transient org.primefaces.model.file.UploadedFile file;
    private Outcome outcome;
    private List<RequestView> requests;

    @PostConstruct
    void load() {
        try {
            callId = Long.valueOf(Faces.getRequestParameter("call"));
        } catch (NumberFormatException | NullPointerException e) {
            return;
        }
        BusinessCall.run(() -> {
            call = catalog.publishedCall(callId);
            requests = imports.requests(callId);
        });
    }

    public void downloadXlsx() throws IOException {
        download(false);
    }

    public void downloadCsv() throws IOException {
        download(true);
    }

    private void download(boolean csv) throws IOException {
        byte[][] bytes = new byte[1][];
        if (BusinessCall.run(() -> bytes[0] = imports.template(callId, csv))) {
            Faces.sendFile(bytes[0], csv ? "免申即享导入模板.csv" : "免申即享导入模板.xlsx", true);
        }
    }

    /** 检查（不导入） */
    public void check() {
        upload(true);
    }

    /** 导入: all rows taken, the qualifying enterprises asked to confirm; or nothing. */
    public void store() {
        upload(false);
    }

    private void upload(boolean dryRun) {
        outcome = null;
        Locale locale = Faces.getLocale();
        try (InputStream content = file == null || file.getSize() == 0 ? null : file.getInputStream()) {
            BusinessCall.run(() -> {
                ExemptImports.Report r = imports.importFile(callId, content, dryRun);
                List<Line> lines = r.problems().stream().map(p -> new Line(p.row(),
                        p.column() == null ? null : p.column().header(),
                        Messages.get(locale, p.messageKey(), p.arguments().toArray()))).toList();
                outcome = new Outcome(dryRun, r.rows(), r.enterprises(), r.qualifying(), r.total(), r.stored(),
                        r.replaced(), lines);
                if (r.stored()) {
                    requests = imports.requests(callId);
                }
            });
        } catch (IOException | UncheckedIOException unreadable) {
            Feedback.errorKey("attachment.unreadable");
        } finally {
            file = null;
        }
    }

    public boolean isRefused() {
        return outcome != null && !outcome.problems().isEmpty();
    }

    public CallDetail getCall() {
        return call;
    }

    public Long getCallId() {
        return callId;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public List<RequestView> getRequests() {
        return requests == null ? List.of() : requests;
    }

    public org.primefaces.model.file.UploadedFile getFile() {
        return file;
    }

    public void setFile(org.primefaces.model.file.UploadedFile file) {
        this.file = file;
    }
}
