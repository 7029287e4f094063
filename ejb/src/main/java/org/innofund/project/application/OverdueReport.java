package org.innofund.project.application;

import org.innofund.project.domain.Project;
import org.innofund.project.domain.TaskAgreement;

import java.io.Serializable;
import java.time.LocalDate;

/** 逾期未报: a milestone past its date without its progress report, for the home pages. */
public record OverdueReport(Long projectId, String enterpriseName, String projectName, int milestoneNo,
                            String milestoneTitle, LocalDate dueOn) implements Serializable {

    static OverdueReport of(Project p, TaskAgreement a, int milestoneNo) {
        var m = a.getContent().milestone(milestoneNo);
        return new OverdueReport(p.getId(), p.getEnterpriseName(), p.getProjectName(), milestoneNo, m.title(), m.dueOn());
    }
}
