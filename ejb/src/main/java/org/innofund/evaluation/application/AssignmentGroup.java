package org.innofund.evaluation.application;

import org.innofund.evaluation.domain.AssignmentState;

/**
 * Where an assignment stands for the agency's work list (待回避声明, 评估中, 已逾期, 已提交, 已结束): an overdue one shows
 * under 已逾期 only, whatever its open state, so that it is seen first and counted once.
 */
public enum AssignmentGroup {
    OVERDUE, TO_DECLARE, IN_PROGRESS, SUBMITTED, CLOSED;

    public static AssignmentGroup of(AssignmentView a) {
        if (a.overdue()) {
            return OVERDUE;
        }
        return of(a.state());
    }

    private static AssignmentGroup of(AssignmentState state) {
        return switch (state) {
            case OFFERED -> TO_DECLARE;
            case IN_EVALUATION, IN_CORRECTION -> IN_PROGRESS;
            case SUBMITTED -> SUBMITTED;
            case CONFLICT_DECLARED, REASSIGNED -> CLOSED;
        };
    }
}
