package org.innofund.project.application;

import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectState;
import org.innofund.project.domain.ProjectTransition;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One project with every transition of its life, the first first. */
public record ProjectDetail(ProjectSummary project, List<Step> transitions) implements Serializable {

    /** One transition: from where to where, who, when and why. */
    public record Step(ProjectState from, ProjectState to, String actor, Instant at, String reason)
            implements Serializable {
    }

    public static ProjectDetail of(Project p) {
        return new ProjectDetail(ProjectSummary.of(p), p.getTransitions().stream().map(ProjectDetail::step).toList());
    }

    private static Step step(ProjectTransition t) {
        return new Step(t.getFromState(), t.getToState(), t.getActor(), t.getOccurredAt(), t.getReason());
    }
}
