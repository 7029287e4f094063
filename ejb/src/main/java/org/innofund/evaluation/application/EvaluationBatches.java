package org.innofund.evaluation.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.evaluation.domain.Assignment;
import org.innofund.evaluation.domain.AssignmentAction;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.evaluation.domain.Evaluation;
import org.innofund.evaluation.domain.EvaluationBatch;
import org.innofund.evaluation.domain.EvaluationBatch.Problem;
import org.innofund.evaluation.domain.EvaluationEvents;
import org.innofund.evaluation.infrastructure.BatchFiles;
import org.innofund.evaluation.infrastructure.BatchWorkbook;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Messages;
import org.innofund.shared.UploadInspector;
import org.innofund.shared.UploadedFile;
import org.innofund.shared.event.DomainEvent;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * 批量上传评估: the agency's template of its open assignments, and the upload of the filled-in spreadsheet with the
 * report PDFs, checked whole before anything is stored: either every evaluation is taken (recorded and submitted, as
 * "taken" means final for the bureau) or none, with every problem named by row and cell. A dry run checks only.
 */
@Stateless
@RolesAllowed(Role.Names.AGENCY)
public class EvaluationBatches {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private AssignmentAccess access;

    @EJB
    private Evaluations evaluations;

    @Inject
    private Event<DomainEvent> events;

    /** What a check found: data rows read, evaluations in them, how many passed, and every problem. */
    public record Report(int rows, int evaluations, int accepted, boolean stored, List<Problem> problems) {
    }

    /**
     * The template: the agency's assignments whose conflict declaration is done (IN_EVALUATION, IN_CORRECTION) to
     * fill in; those still OFFERED listed apart, for they must be declared first (their content is not yet theirs).
     */
    public byte[] template() {
        Long agency = access.agencyOf(currentUser.require());
        List<Assignment> mine = em.createQuery("select a from Assignment a where a.agencyId = :agency and a.state in :open "
                        + "order by a.dueOn, a.id", Assignment.class)
                .setParameter("agency", agency)
                .setParameter("open", List.of(AssignmentState.OFFERED, AssignmentState.IN_EVALUATION,
                        AssignmentState.IN_CORRECTION)).getResultList();
        Map<Long, Evaluation.Terms> terms = evaluations.termsOf(mine.stream()
                .filter(a -> a.getState().allows(AssignmentAction.EDIT_EVALUATION)).toList());
        List<BatchWorkbook.Line> open = new ArrayList<>();
        List<BatchWorkbook.Line> offered = new ArrayList<>();
        for (Assignment a : mine) {
            boolean declared = terms.containsKey(a.getId());
            (declared ? open : offered).add(new BatchWorkbook.Line(a.getId(), a.getEnterpriseName(), a.getProjectName(),
                    a.getStage(), a.getDueOn(), declared ? terms.get(a.getId()).template() : List.of(), a.getVersion()));
        }
        return BatchWorkbook.template(open, offered);
    }

    /**
     * Checks the whole upload; stores every evaluation only when nothing is wrong and it is not a dry run.
     * The files are read once each, within their limits, and removed when done.
     */
    public Report upload(InputStream workbook, List<UploadedFile> files, boolean dryRun) {
        try (Checked checked = check(workbook, files)) {
            if (!checked.problems.isEmpty() || dryRun) {
                return checked.report(false);
            }
            evaluations.submitAll(checked.entries.stream().map(e -> new Evaluations.Taken(e.assignmentId(), e.version(),
                    e.input(), e.reportFile(), checked.pdfs.pdf(e.reportFile()).orElseThrow())).toList());
            return checked.report(true);
        }
    }

    /** The row report as a workbook: the upload with each bad cell marked, in the caller's language. */
    public byte[] markedReport(InputStream workbook, List<UploadedFile> files, Locale locale) {
        try (Checked checked = check(workbook, files)) {
            Function<Problem, String> message = p -> Messages.get(locale, p.messageKey(), p.arguments().toArray());
            return checked.upload.marked(checked.problems, message);
        }
    }

    /** An upload as checked; holds the workbook and the inspected PDFs until closed. */
    private final class Checked implements AutoCloseable {
        private final UploadInspector.Inspected file;
        private final BatchWorkbook.Upload upload;
        private final BatchFiles pdfs;
        private final List<Problem> problems = new ArrayList<>();
        private final List<EvaluationBatch.Entry> entries = new ArrayList<>();
        private int rows;

        Checked(UploadInspector.Inspected file, BatchWorkbook.Upload upload, BatchFiles pdfs) {
            this.file = file;
            this.upload = upload;
            this.pdfs = pdfs;
        }

        Report report(boolean stored) {
            int bad = (int) entries.stream().filter(e -> problems.stream()
                    .anyMatch(p -> e.sheet().equals(p.sheet()) && e.rows().contains(p.row()))).count();
            return new Report(rows, entries.size(), problems.isEmpty() ? entries.size() : entries.size() - bad, stored,
                    List.copyOf(problems));
        }

        @Override
        public void close() {
            upload.close();
            file.discard();
            pdfs.close();
        }
    }

    private Checked check(InputStream workbook, List<UploadedFile> files) {
        if (workbook == null) {
            throw BusinessException.invalid("batch.workbookMissing");
        }
        Long agency = access.agencyOf(currentUser.require());
        UploadInspector.Inspected file = UploadInspector.inspect(workbook, BatchFiles.MAX_WORKBOOK_BYTES,
                BatchWorkbook.ZIP_LIMITS);
        BatchWorkbook.Upload upload;
        try {
            upload = BatchWorkbook.Upload.open(file.file());
        } catch (BusinessException unreadable) {
            file.discard();
            throw unreadable;
        }
        Checked c = new Checked(file, upload, BatchFiles.read(files));
        c.problems.addAll(c.pdfs.problems());
        List<List<EvaluationBatch.Row>> sheets = upload.dataSheets();
        for (int s = 0; s < sheets.size(); s++) {
            List<EvaluationBatch.Row> sheet = sheets.get(s);
            if (sheet.isEmpty()) {
                continue;
            }
            EvaluationBatch.Columns columns = EvaluationBatch.Columns.of(sheet.get(0), c.problems);
            if (columns == null) {
                continue;
            }
            EvaluationBatch.Reading reading = EvaluationBatch.read(columns, sheet.subList(1, sheet.size()));
            c.problems.addAll(reading.problems());
            c.entries.addAll(reading.entries());
            for (EvaluationBatch.Entry e : reading.entries()) {
                c.rows += e.rows().size();
            }
        }
        c.problems.addAll(EvaluationBatch.acrossSheets(c.entries));
        if (c.entries.isEmpty() && c.problems.isEmpty()) {
            c.problems.add(Problem.ofFile("batch.noRows"));
        }
        Map<Long, Assignment> assignments = assignments(c.entries);
        Map<Long, Evaluation.Terms> terms = evaluations.termsOf(assignments.values().stream()
                .filter(a -> a.isFor(agency) && a.getState().allows(AssignmentAction.EDIT_EVALUATION)).toList());
        Map<String, Integer> named = new HashMap<>();
        for (EvaluationBatch.Entry e : c.entries) {
            // the row names its report whatever else is wrong with it: the file is not "named by no row"
            if (e.reportFile() != null) {
                int reportColumn = e.columns().report();
                Integer before = named.putIfAbsent(e.reportFile(), e.firstRow());
                if (before != null) {
                    c.problems.add(e.problem(reportColumn, "batch.reportNamedTwice", e.reportFile(), before));
                } else {
                    c.pdfs.problem(e.reportFile()).ifPresent(p -> c.problems.add(
                            e.problem(reportColumn, p.messageKey(), p.arguments().toArray())));
                }
            }
            Assignment a = assignments.get(e.assignmentId());
            if (a == null || !a.isFor(agency)) {
                if (a != null) {
                    events.fire(new EvaluationEvents.AssignmentAccessDenied(currentUser.actor(), e.assignmentId()));
                }
                c.problems.add(e.problem(EvaluationBatch.Columns.ID_COLUMN, "batch.unknownAssignment", e.assignmentId()));
                continue;
            }
            if (!a.getState().allows(AssignmentAction.EDIT_EVALUATION)) {
                c.problems.add(e.problem(EvaluationBatch.Columns.ID_COLUMN, "batch.notInEvaluation", e.assignmentId(),
                        a.getState()));
                continue;
            }
            if (e.version() != null && e.version() != a.getVersion()) {
                // a draft saved (by a colleague, the form or the API) since the template was written: not overwritten
                c.problems.add(e.problem(e.columns().version(), "batch.stale"));
                continue;
            }
            c.problems.addAll(e.problems(terms.get(a.getId())));
        }
        c.pdfs.names().stream().filter(n -> !named.containsKey(n)).sorted()
                .forEach(n -> c.problems.add(Problem.ofFile("batch.fileNotNamed", n)));
        return c;
    }

    /** The rows' assignments in a few queries (not one per row), whoever's they are: ownership is checked per row. */
    private Map<Long, Assignment> assignments(List<EvaluationBatch.Entry> entries) {
        List<Long> ids = entries.stream().map(EvaluationBatch.Entry::assignmentId).distinct().toList();
        Map<Long, Assignment> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 500) {
            em.createQuery("select a from Assignment a where a.id in :ids", Assignment.class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500))).getResultList()
                    .forEach(a -> found.put(a.getId(), a));
        }
        return found;
    }
}
