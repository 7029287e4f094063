package org.innofund.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;

import java.time.Instant;

/**
 * 进度报告: what the enterprise reports against one milestone of its signed agreement — the text and the figures
 * reached so far. One per milestone (the schema's unique key); a milestone past its date without one is overdue.
 */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends BaseEntity {

    public static final int TEXT_MAX = 5000;

    @Column(name = "agreement_id", nullable = false, updatable = false)
    private Long agreementId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "milestone_no", nullable = false, updatable = false)
    private int milestoneNo;

    @Column(name = "milestone_title", nullable = false, updatable = false, length = AgreementContent.NAME_MAX)
    private String milestoneTitle;

    @Lob
    @Column(nullable = false, updatable = false)
    private String text;

    @Lob
    @Column(updatable = false)
    private String figures;

    @Column(name = "submitted_by", nullable = false, updatable = false, length = 64)
    private String submittedBy;

    protected ProgressReport() {
    }

    private ProgressReport(TaskAgreement agreement, int milestoneNo, String title, String text, String figures,
                           String by, Instant now) {
        super(now);
        this.agreementId = agreement.getId();
        this.projectId = agreement.getProjectId();
        this.milestoneNo = milestoneNo;
        this.milestoneTitle = title;
        this.text = text;
        this.figures = figures;
        this.submittedBy = by;
    }

    /** 提交进度报告 against a milestone of the signed agreement. */
    public static ProgressReport file(TaskAgreement agreement, int milestoneNo, String text, String figures, String by,
                                      Instant now) {
        agreement.getState().require(AgreementAction.FOLLOW_UP);
        AgreementContent.Milestone m = agreement.getContent().milestone(milestoneNo);
        if (m == null) {
            throw BusinessException.invalid("progress.noSuchMilestone", milestoneNo);
        }
        if (text == null || text.isBlank()) {
            throw BusinessException.invalid("progress.textRequired");
        }
        if (text.strip().length() > TEXT_MAX || (figures != null && figures.strip().length() > TEXT_MAX)) {
            throw BusinessException.invalid("progress.tooLong", TEXT_MAX);
        }
        String f = figures == null || figures.isBlank() ? null : figures.strip();
        return new ProgressReport(agreement, milestoneNo, m.title(), text.strip(), f, by, now);
    }

    public Long getAgreementId() { return agreementId; }
    public Long getProjectId() { return projectId; }
    public int getMilestoneNo() { return milestoneNo; }
    public String getMilestoneTitle() { return milestoneTitle; }
    public String getText() { return text; }
    public String getFigures() { return figures; }
    public String getSubmittedBy() { return submittedBy; }
}
