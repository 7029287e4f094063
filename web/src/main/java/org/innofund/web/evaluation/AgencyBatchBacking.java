package org.innofund.web.evaluation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.evaluation.application.EvaluationBatches;
import org.innofund.shared.Messages;
import org.innofund.shared.UploadedFile;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.util.Faces;
import org.primefaces.model.file.UploadedFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * 批量上传评估 on the agency's page: the template, then the filled-in workbook with the report PDFs (several or one ZIP)
 * checked ("dry run") or stored by {@link EvaluationBatches}, and its row report. The page's files live for one request
 * only, so a refused upload's marked workbook is made in that same request and kept for its download.
 */
@Named
@ViewScoped
public class AgencyBatchBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String XLSX = "评估批量上传模板.xlsx";
    static final String MARKED = "评估批量上传报告.xlsx";
    /** The files one page upload may carry: the Faces servlet's multipart request limit (web.xml) less room for the form. */
    static final long PAGE_LIMIT_BYTES = 20L * 1024 * 1024;

    /** A problem of the last upload as the page shows it: the row and cell (none for the whole file), in words. */
    public record Line(Integer row, String cell, String message) implements Serializable {
    }

    /** What the last upload came to; {@code dryRun} says whether it was only checked. */
    public record Outcome(boolean dryRun, int rows, int evaluations, int accepted, boolean stored, List<Line> problems)
            implements Serializable {
    }

    @EJB
    private EvaluationBatches batches;

    private transient org.primefaces.model.file.UploadedFile workbook;
    private transient UploadedFiles reports;
    private Outcome outcome;
    private byte[] marked;

    /** 下载模板: the agency's open assignments, pre-filled. */
    public void downloadTemplate() throws IOException {
        byte[][] xlsx = new byte[1][];
        if (BusinessCall.run(() -> xlsx[0] = batches.template())) {
            Faces.sendFile(xlsx[0], XLSX, true);
        }
    }

    /** 检查（不保存） */
    public void check() {
        upload(true);
    }

    /** 上传并提交: every evaluation taken and submitted, or none. */
    public void store() {
        upload(false);
    }

    private void upload(boolean dryRun) {
        outcome = null;
        marked = null;
        Locale locale = Faces.getLocale();
        try {
            BusinessCall.run(() -> {
                EvaluationBatches.Report r = withFiles((book, files) -> batches.upload(book, files, dryRun));
                List<Line> lines = r.problems().stream().map(p -> new Line(p.row(), p.cell(),
                        Messages.get(locale, p.messageKey(), p.arguments().toArray()))).toList();
                outcome = new Outcome(dryRun, r.rows(), r.evaluations(), r.accepted(), r.stored(), lines);
                if (!lines.isEmpty()) {
                    marked = withFiles((book, files) -> batches.markedReport(book, files, locale));
                }
            });
        } catch (UncheckedIOException unreadable) {
            Feedback.errorKey("attachment.unreadable");
        } finally {
            discard();
        }
    }

    /** The row report as a workbook, the bad cells marked (of the last refused upload). */
    public void downloadMarked() throws IOException {
        if (marked != null) {
            Faces.sendFile(marked, MARKED, true);
        }
    }

    /** The chosen files' streams opened afresh for one business call (the container keeps the parts until the end). */
    private <T> T withFiles(BiFunction<InputStream, List<UploadedFile>, T> call) {
        List<InputStream> open = new ArrayList<>();
        try {
            InputStream book = null;
            if (workbook != null && workbook.getSize() > 0) {
                book = workbook.getInputStream();
                open.add(book);
            }
            List<UploadedFile> files = new ArrayList<>();
            for (org.primefaces.model.file.UploadedFile f : reports == null ? List.<org.primefaces.model.file.UploadedFile>of()
                    : reports.getFiles()) {
                InputStream content = f.getInputStream();
                open.add(content);
                files.add(new UploadedFile(f.getFileName(), content));
            }
            return call.apply(book, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (InputStream in : open) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // a part file the container removes at the end of the request anyway
                }
            }
        }
    }

    private void discard() {
        workbook = null;
        reports = null;
    }

    public boolean isRefused() {
        return outcome != null && !outcome.problems().isEmpty();
    }

    public boolean isMarkedReady() {
        return marked != null;
    }

    public long getPageLimitBytes() { return PAGE_LIMIT_BYTES; }
    public Outcome getOutcome() { return outcome; }
    public org.primefaces.model.file.UploadedFile getWorkbook() { return workbook; }
    public void setWorkbook(org.primefaces.model.file.UploadedFile workbook) { this.workbook = workbook; }
    public UploadedFiles getReports() { return reports; }
    public void setReports(UploadedFiles reports) { this.reports = reports; }
}
