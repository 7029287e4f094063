package org.innofund.web.evaluation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.evaluation.application.EvaluationPreview;
import org.innofund.evaluation.application.EvaluationView;
import org.innofund.evaluation.application.Evaluations;
import org.innofund.evaluation.domain.Evaluation;
import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.PanelScore;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.innofund.web.shared.Uploads;
import org.primefaces.event.FileUploadEvent;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * 评估 on the agency's assignment page, once it declared no conflict: the scoring form (the panel's sheets, live totals
 * from the service's preview, the stage's conclusion, the opinion, the report), saved as a draft or submitted; read
 * only once submitted. Every change carries the version the page read and keeps the one it gets back.
 */
@Named
@ViewScoped
public class AgencyEvaluationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Evaluations evaluations;

    @Inject
    private AgencyAssignmentBacking assignment;

    private EvaluationView view;
    private Evaluation.Terms terms;
    private ScoringForm form;
    private EvaluationPreview preview;

    /** Loaded once the declaration is readable (also right after the page's own "no conflict"). */
    public boolean isReady() {
        if (view == null && assignment.getDeclaration() != null) {
            Long id = assignment.getId();
            BusinessCall.run(() -> {
                terms = evaluations.terms(id);
                show(evaluations.current(id));
            });
        }
        return view != null;
    }

    private void show(EvaluationView v) {
        view = v;
        form = ScoringForm.of(v, PanelScore.MIN_EXPERTS);
        preview = null;
    }

    /** 实时合计: what the sheets come to as typed, computed by the service as a save computes it. */
    public void refresh() {
        BusinessCall.run(() -> preview = evaluations.preview(view.assignmentId(), form.input()));
    }

    public void addExpert() {
        form.addSheet();
    }

    public void removeExpert(int index) {
        form.removeSheet(index);
        refresh();
    }

    /** 保存草稿 */
    public void save() {
        if (BusinessCall.run(() -> view = evaluations.draft(view.assignmentId(), view.version(), form.input()))) {
            preview = null;
            Feedback.saved();
            Feedback.info("scoring.saved", view.versionNo());
        }
    }

    /** 提交: what the form shows is saved first, then submitted; final after that. */
    public void submit() {
        Long id = view.assignmentId();
        if (BusinessCall.run(() -> {
            EvaluationView saved = evaluations.draft(id, view.version(), form.input());
            view = saved;
            view = evaluations.submit(id, saved.version());
        })) {
            Feedback.saved();
            Feedback.info("scoring.submitted", view.versionNo());
            show(view);
            assignment.reload();
        }
    }

    /** 上传评估报告: stored at once, in place of the draft's earlier one. */
    public void uploadReport(FileUploadEvent event) {
        Uploads.run(event.getFile(), (name, content) -> {
            view = evaluations.attachReport(view.assignmentId(), view.version(), name, content);
            Feedback.info("scoring.reportUploaded", view.report().name());
        });
    }

    /** The panel's figures to show: the preview's while typing, else the saved version's. */
    public List<EvaluationView.IndicatorView> getIndicators() {
        return preview != null ? preview.indicators() : view.indicators();
    }

    public BigDecimal getTotal() { return preview != null ? preview.total() : view.total(); }
    public Grade getGrade() { return preview != null ? preview.grade() : view.grade(); }

    /** 去掉的最高分、最低分 and 评分离散, by row (0-based), as the preview or the saved sheets say. */
    public boolean dropped(int row) {
        return preview != null ? preview.dropped().contains(row)
                : row < view.sheets().size() && view.sheets().get(row).dropped();
    }

    public boolean dispersed(int row) {
        return preview != null ? preview.dispersed().contains(row)
                : row < view.sheets().size() && view.sheets().get(row).dispersed();
    }

    public List<Verdict> getVerdicts() { return Verdict.of(view.stage()); }
    public boolean isAsksRecommendedAmount() { return terms.asksRecommendedAmount(); }
    public boolean isAsksVerifiedFigures() { return terms.asksVerifiedFigures(); }
    public boolean isAsksAuditedSpend() { return terms.asksAuditedSpend(); }
    public boolean isCanAdd() { return form.getSheets().size() < PanelScore.MAX_EXPERTS; }
    /** A consolidated sheet (汇总评分表, where the call allows one) is a single row; a panel keeps its minimum. */
    public boolean isCanRemove() { return form.getSheets().size() > (form.isConsolidated() ? 1 : PanelScore.MIN_EXPERTS); }
    public EvaluationView getView() { return view; }
    public ScoringForm getForm() { return form; }
}
