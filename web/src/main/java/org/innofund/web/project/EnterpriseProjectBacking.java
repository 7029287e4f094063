package org.innofund.web.project;

import jakarta.annotation.PreDestroy;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.project.domain.AgreementAction;
import org.innofund.project.domain.AgreementContent;
import org.innofund.project.domain.ChangeKind;
import org.innofund.project.domain.ProgressReportFile;
import org.innofund.project.domain.ProjectAction;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.innofund.web.shared.StagedFiles;
import org.primefaces.event.FileUploadEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/** The enterprise's project page: draft, save, submit and confirm its task agreement; report progress with its files; ask a change of any kind. */
@Named
@ViewScoped
public class EnterpriseProjectBacking extends ProjectPage {

    private static final long serialVersionUID = 1L;

    private AgreementForm form;
    private Integer milestoneNo;
    private String reportText;
    private String reportFigures;
    private LocalDate newEnd;
    private ChangeKind changeKind = ChangeKind.PERIOD_EXTENDED;
    private AgreementForm changeForm;
    /** The report's files, uploaded one request each as chosen: five of 20 MB go with one report from the page too. */
    private final StagedFiles reportFiles = new StagedFiles(ProgressReportFile.MAX_PER_REPORT);

    public void start() {
        act(() -> agreements.start(getId(), getProject().version()), "agreement.started");
    }

    public void save() {
        act(() -> agreements.save(getId(), agreementVersion(), getForm().content()), "agreement.saved");
    }

    /**
     * Saves what the form holds, then submits it: what is on the screen is what the reviewer reads. The save stands
     * when the submission is refused (say the subsidy is not the approved amount): the page goes on from the saved
     * version, or the enterprise's next save would be refused as stale.
     */
    public void submit() {
        boolean[] saved = {false};
        boolean submitted = BusinessCall.run(() -> {
            long version = agreements.save(getId(), agreementVersion(), getForm().content()).version();
            saved[0] = true;
            agreements.submit(getId(), version);
        });
        if (submitted) {
            Feedback.info("agreement.submitted");
        }
        if (saved[0]) {
            load();
        }
    }

    public void confirm() {
        act(() -> agreements.confirmByEnterprise(getId(), agreementVersion()), "agreement.confirmed");
    }

    /** A file chosen for the report, kept until the report is sent (at most five; the service checks each). */
    public void addReportFile(FileUploadEvent event) {
        if (!reportFiles.add(event.getFile())) {
            Feedback.errorKey(reportFiles.isFull() ? "progress.tooManyFiles" : "attachment.unreadable",
                    ProgressReportFile.MAX_PER_REPORT);
        }
    }

    public void removeReportFile(int index) {
        reportFiles.remove(index);
    }

    /** The report with the files kept for it: all taken, or nothing stored (the files stay to amend). */
    public void report() {
        if (reportFiles.send(files -> agreements.report(getId(), milestoneNo == null ? 0 : milestoneNo, reportText,
                reportFigures, files))) {
            Feedback.info("progress.done");
            load();
        }
    }

    @PreDestroy
    void deleteReportFiles() {
        reportFiles.clear();
    }

    /**
     * 申请变更: the agreement in force with what the kind changes — the end (the milestones stay where they are), the
     * budget lines or the targets as edited on the page; the rest as it stands.
     */
    public void askChange() {
        AgreementContent c = getAgreement().content();
        AgreementContent edited = getChangeForm().content();
        AgreementContent proposed = switch (changeKind) {
            case PERIOD_EXTENDED -> new AgreementContent(c.goals(), c.periodStart(), newEnd, c.targets(), c.budget(),
                    c.milestones());
            case BUDGET_MOVED -> new AgreementContent(c.goals(), c.periodStart(), c.periodEnd(), c.targets(),
                    edited.budget(), c.milestones());
            case TARGET_CHANGED -> new AgreementContent(c.goals(), c.periodStart(), c.periodEnd(), edited.targets(),
                    c.budget(), c.milestones());
        };
        act(() -> agreements.askChange(getId(), agreementVersion(), changeKind, proposed, getReason()), "change.asked");
    }

    /** The budget and targets as in force, for the change form to edit. */
    public AgreementForm getChangeForm() {
        if (changeForm == null && getAgreement() != null) {
            changeForm = AgreementForm.of(getAgreement().content());
        }
        return changeForm;
    }

    public List<ChangeKind> getChangeKinds() {
        return List.of(ChangeKind.values());
    }

    @Override
    protected void afterLoad() {
        form = null;
        milestoneNo = null;
        reportText = null;
        reportFigures = null;
        newEnd = null;
        changeKind = ChangeKind.PERIOD_EXTENDED;
        changeForm = null;
    }

    public boolean isStartable() {
        return getAgreement() == null && getProject() != null
                && getProject().state().allows(ProjectAction.DRAFT_AGREEMENT, getProject().kind());
    }

    public boolean isEditable() {
        return getAgreement() != null && getAgreement().state().allows(AgreementAction.EDIT);
    }

    public boolean isConfirmable() {
        return getAgreement() != null && getAgreement().state().allows(AgreementAction.CONFIRM_BY_ENTERPRISE);
    }

    public boolean isFollowedUp() {
        return getAgreement() != null && getAgreement().state().allows(AgreementAction.FOLLOW_UP)
                && getProject().state().allows(ProjectAction.REPORT_PROGRESS, getProject().kind());
    }

    public AgreementForm getForm() {
        if (form == null && getAgreement() != null) {
            form = AgreementForm.of(getAgreement().content());
        }
        return form;
    }

    /** The milestones' numbers (1-based, as reports name them). */
    public List<Integer> getMilestoneNumbers() {
        return IntStream.rangeClosed(1, getAgreement().content().milestones().size()).boxed().toList();
    }

    public Integer getMilestoneNo() { return milestoneNo; }
    public void setMilestoneNo(Integer v) { milestoneNo = v; }
    public String getReportText() { return reportText; }
    public void setReportText(String v) { reportText = v; }
    public String getReportFigures() { return reportFigures; }
    public void setReportFigures(String v) { reportFigures = v; }
    public List<StagedFiles.Staged> getReportFiles() { return reportFiles.list(); }
    public boolean isReportFilesFull() { return reportFiles.isFull(); }
    public ChangeKind getChangeKind() { return changeKind; }
    public void setChangeKind(ChangeKind v) { changeKind = v == null ? ChangeKind.PERIOD_EXTENDED : v; }
    public LocalDate getNewEnd() { return newEnd; }
    public void setNewEnd(LocalDate v) { newEnd = v; }
}
