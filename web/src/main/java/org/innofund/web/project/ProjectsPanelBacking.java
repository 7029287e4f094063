package org.innofund.web.project;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.project.application.OverdueReport;
import org.innofund.project.application.ProjectSummary;
import org.innofund.project.application.Projects;
import org.innofund.project.application.TaskAgreements;

import java.io.Serializable;
import java.util.List;

/** The homes' project panel: the caller's projects (an enterprise's own, the bureau's all) and overdue progress reports. */
@Named
@ViewScoped
public class ProjectsPanelBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Projects projects;

    @EJB
    private TaskAgreements agreements;

    private List<ProjectSummary> list;
    private List<OverdueReport> overdue;

    @PostConstruct
    void load() {
        list = projects.list(null, null);
        overdue = agreements.overdue();
    }

    public List<ProjectSummary> getList() { return list; }
    public List<OverdueReport> getOverdue() { return overdue; }
}
