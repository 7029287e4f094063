package org.innofund.evaluation.domain;

import org.innofund.shared.BusinessException;

import java.util.EnumMap;
import java.util.Map;

import static org.innofund.evaluation.domain.AssignmentAction.ALLOW_CORRECTION;
import static org.innofund.evaluation.domain.AssignmentAction.DECLARE_CONFLICT;
import static org.innofund.evaluation.domain.AssignmentAction.DECLARE_NO_CONFLICT;
import static org.innofund.evaluation.domain.AssignmentAction.EDIT_EVALUATION;
import static org.innofund.evaluation.domain.AssignmentAction.READ_CONTENT;
import static org.innofund.evaluation.domain.AssignmentAction.REASSIGN;
import static org.innofund.evaluation.domain.AssignmentAction.SUBMIT_EVALUATION;

/**
 * Where an assignment (评估任务, one declaration or project at one stage given to one agency) stands, and the one table
 * of what each state allows (DOMAIN.md): the entity's guards, the services, the API and the pages all ask it. Reading
 * the declaration's content is a row of the table too, so that "hidden until the conflict declaration" has one place.
 */
public enum AssignmentState {
    /** 待回避声明: given to the agency, which sees only the enterprise's name and the project's title. */
    OFFERED,
    /** 评估中: no conflict declared; the agency reads the declaration and drafts its evaluation. */
    IN_EVALUATION,
    /** 已提交: the evaluation is final (a correction needs the reviewer's leave). */
    SUBMITTED,
    /** 更正中: the reviewer allowed a correction; the new version counts once submitted, both are kept. */
    IN_CORRECTION,
    /** 存在利害关系: the agency declared a conflict; the reviewer reassigns. */
    CONFLICT_DECLARED,
    /** 已改派: closed by the reviewer; the work went to another assignment, this one stays in the history. */
    REASSIGNED;

    private static final Map<AssignmentState, Map<AssignmentAction, AssignmentState>> LIFECYCLE = new EnumMap<>(Map.of(
            OFFERED, Map.of(DECLARE_NO_CONFLICT, IN_EVALUATION, DECLARE_CONFLICT, CONFLICT_DECLARED, REASSIGN, REASSIGNED),
            IN_EVALUATION, Map.of(READ_CONTENT, IN_EVALUATION, EDIT_EVALUATION, IN_EVALUATION,
                    SUBMIT_EVALUATION, SUBMITTED, REASSIGN, REASSIGNED),
            SUBMITTED, Map.of(READ_CONTENT, SUBMITTED, ALLOW_CORRECTION, IN_CORRECTION),
            IN_CORRECTION, Map.of(READ_CONTENT, IN_CORRECTION, EDIT_EVALUATION, IN_CORRECTION,
                    SUBMIT_EVALUATION, SUBMITTED),
            CONFLICT_DECLARED, Map.of(REASSIGN, REASSIGNED),
            REASSIGNED, Map.of()));

    static {
        if (LIFECYCLE.size() != values().length) {
            throw new ExceptionInInitializerError("an assignment state without its row in the lifecycle table");
        }
    }

    public boolean allows(AssignmentAction action) {
        return LIFECYCLE.get(this).containsKey(action);
    }

    /** Refuses (409, with the action's message) what this state does not allow. */
    public void require(AssignmentAction action) {
        if (!allows(action)) {
            throw BusinessException.conflict(action.refusalKey(), this);
        }
    }

    /** The state the action leads to from here; refused as {@link #require} does. */
    public AssignmentState after(AssignmentAction action) {
        require(action);
        return LIFECYCLE.get(this).get(action);
    }

    /** Whether the assignment still waits on the agency (counts towards overdue once its due date has passed). */
    public boolean open() {
        return this == OFFERED || this == IN_EVALUATION || this == IN_CORRECTION;
    }
}
