package org.innofund.project.application;

import org.innofund.project.domain.AgreementContent;
import org.innofund.project.domain.AgreementState;
import org.innofund.project.domain.ChangeComparison;
import org.innofund.project.domain.ChangeKind;
import org.innofund.project.domain.ChangeRequest;
import org.innofund.project.domain.ChangeState;
import org.innofund.project.domain.PaymentTranche;
import org.innofund.project.domain.ProgressReport;
import org.innofund.project.domain.ProgressReportFile;
import org.innofund.project.domain.TaskAgreement;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A project's task agreement as its enterprise and the bureau read it: the text, its state and the version to send
 * back with a change ({@code version}), the signed version's number, the subsidy part against the approved amount, the
 * tranches, the milestones overdue, the reports and the change requests.
 */
public record AgreementView(Long projectId, Long agreementId, long version, AgreementState state, int versionNo,
                            Money approvedAmount, Money subsidy, AgreementContent content, String lastReason,
                            List<PaymentTranche> tranches, List<Integer> overdueMilestones, List<Report> reports,
                            List<Change> changes) implements Serializable {

    /** 进度报告 with its files, in the order uploaded. */
    public record Report(Long id, int milestoneNo, String milestoneTitle, String text, String figures, String by,
                         Instant at, List<ReportFile> files) implements Serializable {
        static Report of(ProgressReport r, List<ProgressReportFile> files) {
            return new Report(r.getId(), r.getMilestoneNo(), r.getMilestoneTitle(), r.getText(), r.getFigures(),
                    r.getSubmittedBy(), r.getCreatedAt(), files.stream().map(ReportFile::of).toList());
        }
    }

    /** A progress report's PDF, described; its content at {@code .../agreement/reports/files/{id}}. */
    public record ReportFile(Long id, String name, long size, String sha256, String by, Instant at) implements Serializable {
        static ReportFile of(ProgressReportFile f) {
            return new ReportFile(f.getId(), f.getName(), f.getSizeBytes(), f.getSha256(), f.getUploadedBy(),
                    f.getCreatedAt());
        }
    }

    /**
     * 项目变更申请; {@code version} goes back with the decision. While it waits, {@code comparison} sets the proposal
     * beside the agreement in force (what the reviewer decides on); null once decided.
     */
    public record Change(Long id, long version, ChangeKind kind, String reason, AgreementContent proposed,
                         int baseVersionNo, ChangeState state, String requestedBy, Instant requestedAt,
                         String decidedBy, Instant decidedAt, String decisionReason, ChangeComparison comparison)
            implements Serializable {
        static Change of(ChangeRequest c, AgreementContent inForce) {
            return new Change(c.getId(), c.getVersion(), c.getKind(), c.getReason(), c.getProposed(),
                    c.getBaseVersionNo(), c.getState(), c.getRequestedBy(), c.getCreatedAt(), c.getDecidedBy(),
                    c.getDecidedAt(), c.getDecisionReason(),
                    c.getState() == ChangeState.REQUESTED ? ChangeComparison.of(inForce, c.getProposed()) : null);
        }
    }

    static AgreementView of(TaskAgreement a, BigDecimal advanceShare, List<Integer> overdue, List<ProgressReport> reports,
                            Map<Long, List<ProgressReportFile>> files, List<ChangeRequest> changes) {
        return new AgreementView(a.getProjectId(), a.getId(), a.getVersion(), a.getState(), a.getVersionNo(),
                a.getApprovedAmount(), a.getContent().subsidy(), a.getContent(), a.getLastReason(), a.tranches(advanceShare),
                overdue, reports.stream()
                .map(r -> Report.of(r, files.getOrDefault(r.getId(), List.of()))).toList(),
                changes.stream().map(c -> Change.of(c, a.getContent())).toList());
    }
}
