package org.innofund.evaluation.domain;

/**
 * What can be done with an assignment (评估任务). Which state allows which action, and where it leads, is the table in
 * {@link AssignmentState}; each action names the message its refusal gives.
 */
public enum AssignmentAction {
    /** 回避声明：无利害关系 (the agency confirms the fixed text) */
    DECLARE_NO_CONFLICT("assignment.notOffered"),
    /** 回避声明：存在利害关系 (with the reason; back to the reviewer) */
    DECLARE_CONFLICT("assignment.notOffered"),
    /**
     * Read the declaration's content, attachments and figures: only once no conflict has been declared. The access
     * check answers an agency asking too early with 404, as for what is not assigned to it; the key serves the pages.
     */
    READ_CONTENT("assignment.conflictNotDeclared"),
    /** 保存评估草稿 (scores, conclusion, opinion, report) */
    EDIT_EVALUATION("assignment.notEditable"),
    /** 提交评估 (final) */
    SUBMIT_EVALUATION("assignment.notEditable"),
    /** 允许更正: the reviewer lets the agency file a new version of a submitted evaluation, with a reason. */
    ALLOW_CORRECTION("assignment.notSubmitted"),
    /** 改派: the reviewer closes this assignment to give the work to another agency (the history is kept). */
    REASSIGN("assignment.notReassignable");

    private final String refusalKey;

    AssignmentAction(String refusalKey) {
        this.refusalKey = refusalKey;
    }

    /** The message key of "not in this state" (its one argument is the state). */
    public String refusalKey() {
        return refusalKey;
    }
}
