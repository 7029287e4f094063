package org.innofund.web.project;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.innofund.project.application.AgreementView;
import org.innofund.project.application.ProjectSummary;
import org.innofund.project.application.ProjectTimeline;
import org.innofund.project.application.Projects;
import org.innofund.project.application.TaskAgreements;
import org.innofund.project.application.TimelineEntry;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * What both project pages show (the enterprise's and the reviewer's): the project, its task agreement, and its
 * timeline, read again after every action; what is not the caller's is not found, as in the API.
 */
public abstract class ProjectPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    protected Projects projects;

    @EJB
    protected TaskAgreements agreements;

    @EJB
    private ProjectTimeline timelines;

    @Inject
    @Param(name = "id")
    private Long id;

    private ProjectSummary project;
    private AgreementView agreement;
    private List<TimelineEntry> timeline = List.of();
    private String reason;

    @PostConstruct
    void load() {
        if (id != null && BusinessCall.run(() -> project = projects.get(id).project())) {
            agreement = agreements.get(id);
            timeline = timelines.of(id);
        }
        afterLoad();
    }

    /** What a page keeps of its own forms is cleared after each (re)load. */
    protected void afterLoad() {
    }

    /** f:viewAction */
    public void requireFound() throws IOException {
        if (project == null) {
            Faces.responseSendError(404, "");
        }
    }

    /** Runs an action of the page; done, says so and reads everything again. */
    protected void act(Runnable action, String doneLabel) {
        if (BusinessCall.run(action)) {
            Feedback.info(doneLabel);
            reason = null;
            load();
        }
    }

    public Long getId() { return id; }
    public ProjectSummary getProject() { return project; }
    public AgreementView getAgreement() { return agreement; }
    public List<TimelineEntry> getTimeline() { return timeline; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }

    protected long agreementVersion() {
        return agreement.version();
    }
}
