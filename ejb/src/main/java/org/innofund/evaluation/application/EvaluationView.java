package org.innofund.evaluation.application;

import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.evaluation.domain.Conclusion;
import org.innofund.evaluation.domain.Evaluation;
import org.innofund.evaluation.domain.EvaluationSheet;
import org.innofund.evaluation.domain.ExpertSheet;
import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.PanelScore;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.program.domain.SubsidyKind;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An assignment's evaluation as its agency and the reviewer see it: one version (the newest, unless asked for another)
 * with its experts' sheets (each with its total and whether it was left out or flagged for dispersion), the panel's
 * indicator scores, total and grade (null while a draft is incomplete), the conclusion, opinion and report, and the
 * list of every version. {@code versionNo} is 0 while nothing has been saved. {@code version} is what any change carries
 * back (the assignment's: a draft, a report, a submission or a correction each raise it).
 */
public record EvaluationView(Long assignmentId, EvaluationStage stage, SubsidyKind subsidyKind, AssignmentState assignmentState,
                             boolean editable, boolean consolidatedAllowed, int versionNo, Evaluation.State state,
                             boolean consolidated, List<SheetView> sheets, List<IndicatorView> indicators, BigDecimal total,
                             Grade grade, Conclusion conclusion, String opinion, ReportView report, String submittedBy,
                             Instant submittedAt, Correction correction, List<VersionView> versions, long version)
        implements Serializable {

    /** One expert's sheet; {@code total} is the sum of the scores given so far. */
    public record SheetView(int position, String name, String title, String employer, List<BigDecimal> scores,
                            BigDecimal total, boolean dropped, boolean dispersed) implements Serializable {
    }

    /** One indicator of the call's template, with the panel's score for it (null while incomplete). */
    public record IndicatorView(String name, int weight, BigDecimal score) implements Serializable {
    }

    /** 评估报告 PDF */
    public record ReportView(String name, long size, String sha256, String uploadedBy, Instant uploadedAt)
            implements Serializable {
    }

    /** Why this version exists: the reviewer allowed a correction of the previous one. */
    public record Correction(String reason, String allowedBy, Instant allowedAt) implements Serializable {
    }

    /** One version in the list; {@code counts}: the newest submitted one, the one that counts. */
    public record VersionView(int versionNo, Evaluation.State state, BigDecimal total, Grade grade, Verdict verdict,
                              String submittedBy, Instant submittedAt, String correctionReason, boolean counts)
            implements Serializable {
    }

    /** What the assignment shows before anything is saved. */
    static EvaluationView empty(AssignmentFacts a, Evaluation.Terms terms) {
        return new EvaluationView(a.id(), terms.stage(), terms.kind(), a.state(), a.editable(), terms.consolidatedAllowed(),
                0, null, false, List.of(), indicators(terms.template(), null), null, null,
                new Conclusion(null, null, null, null), null, null, null, null, null, List.of(), a.version());
    }

    static EvaluationView of(AssignmentFacts a, Evaluation e, Evaluation.Terms terms, List<Evaluation> all) {
        List<EvaluationSheet> stored = e.getSheets();
        List<SheetView> sheets = stored.stream().map(s -> {
            ExpertSheet sheet = s.sheet();
            ExpertSheet.Expert x = sheet.expert();
            BigDecimal total = sheet.scores().stream().filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            List<BigDecimal> cells = new java.util.ArrayList<>(sheet.scores());
            while (cells.size() < terms.template().size()) {
                cells.add(null);
            }
            return new SheetView(s.getPosition(), x.name(), x.title(), x.employer(), cells, total, s.isDropped(),
                    s.isDispersed());
        }).toList();
        PanelScore panel = e.getTotal() == null ? null : Evaluation.preview(e.input(), terms).panel();
        ReportView report = e.getReportName() == null ? null : new ReportView(e.getReportName(), e.getReportSize(),
                e.getReportSha256(), e.getReportUploadedBy(), e.getReportUploadedAt());
        Correction correction = e.getCorrectionReason() == null ? null
                : new Correction(e.getCorrectionReason(), e.getCorrectionAllowedBy(), e.getCorrectionAllowedAt());
        return new EvaluationView(a.id(), terms.stage(), terms.kind(), a.state(), a.editable(), terms.consolidatedAllowed(),
                e.getVersionNo(), e.getState(), e.isConsolidated(), sheets, indicators(terms.template(), panel),
                e.getTotal(), e.getGrade(), e.conclusion(), e.getOpinion(), report, e.getSubmittedBy(), e.getSubmittedAt(),
                correction, versions(all), a.version());
    }

    static List<VersionView> versions(List<Evaluation> all) {
        int counting = all.stream().filter(v -> v.getState() == Evaluation.State.SUBMITTED)
                .mapToInt(Evaluation::getVersionNo).max().orElse(0);
        return all.stream().map(v -> new VersionView(v.getVersionNo(), v.getState(), v.getTotal(), v.getGrade(),
                v.getVerdict(), v.getSubmittedBy(), v.getSubmittedAt(), v.getCorrectionReason(),
                v.getVersionNo() == counting)).toList();
    }

    static List<IndicatorView> indicators(List<ScoringIndicator> template, PanelScore panel) {
        return java.util.stream.IntStream.range(0, template.size()).mapToObj(i -> new IndicatorView(
                template.get(i).getName(), template.get(i).getWeight(),
                panel == null ? null : panel.indicatorScores().get(i))).toList();
    }

    /** The assignment as far as the view needs it. */
    record AssignmentFacts(Long id, AssignmentState state, boolean editable, long version) {
    }
}
