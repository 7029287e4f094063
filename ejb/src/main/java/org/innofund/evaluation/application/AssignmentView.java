package org.innofund.evaluation.application;

import org.innofund.evaluation.domain.Assignment;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.program.domain.EvaluationStage;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An assignment as its agency and the reviewer see it: nothing of the declaration but the enterprise's name and the
 * project's title (the content is read through {@link Assignments#declaration}, once allowed). {@code version} goes
 * back with any change.
 */
public record AssignmentView(Long id, Long declarationId, Long enterpriseId, String enterpriseName, String projectName,
                             Long agencyId, EvaluationStage stage, AssignmentState state, LocalDate dueOn, boolean overdue,
                             Boolean conflict, String conflictStatement, String conflictReason, String conflictDeclaredBy,
                             Instant conflictDeclaredAt, Long replacesId, long version) implements Serializable {

    static AssignmentView of(Assignment a, LocalDate today) {
        return new AssignmentView(a.getId(), a.getDeclarationId(), a.getEnterpriseId(), a.getEnterpriseName(),
                a.getProjectName(), a.getAgencyId(), a.getStage(), a.getState(), a.getDueOn(), a.isOverdue(today),
                a.getConflict(), a.getConflictStatement(), a.getConflictReason(), a.getConflictDeclaredBy(),
                a.getConflictDeclaredAt(), a.getReplacesId(), a.getVersion());
    }
}
