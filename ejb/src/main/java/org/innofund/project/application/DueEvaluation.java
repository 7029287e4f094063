package org.innofund.project.application;

import org.innofund.program.domain.EvaluationStage;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.TaskAgreement;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * 待分派评估: a running project whose MIDTERM or ACCEPTANCE evaluation has come (since the midterm milestone's date or
 * the period's end) and is not assigned yet, for the reviewer to assign.
 */
public record DueEvaluation(Long projectId, Long declarationId, Long callId, String enterpriseName, String projectName,
                            EvaluationStage stage, LocalDate since) implements Serializable {

    static DueEvaluation of(Project p, TaskAgreement.EvaluationDue due) {
        return new DueEvaluation(p.getId(), p.getDeclarationId(), p.getCallId(), p.getEnterpriseName(), p.getProjectName(), due.stage(),
                due.since());
    }
}
