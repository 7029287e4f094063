package org.innofund.project.domain;

/**
 * What can happen to a project (项目). Which state allows which action, and where it leads, is the table in
 * {@link ProjectState}; each action names the message its refusal gives, and whether it belongs to the project phase
 * that only PRE_APPROVED projects have (the post-subsidy kinds stop at PUBLICIZED).
 */
public enum ProjectAction {
    /** 提出异议: someone objects during the public notice (the project stays APPROVED until it is answered). */
    OBJECT("project.notApproved", false),
    /** 公示期满: the period ended without an open or upheld objection. */
    PUBLICIZE("project.notApproved", false),
    /** 撤销立项: an objection was upheld; the approval is withdrawn with its reason and the amount freed. */
    WITHDRAW("project.notApproved", false),
    /** 起草/修改任务书: the enterprise drafts, the reviewer returns or confirms (the project stays PUBLICIZED). */
    DRAFT_AGREEMENT("project.notPublicized", true),
    /** 任务书确认: both sides confirmed the agreement. */
    CONTRACT("project.notPublicized", true),
    /** 开始实施 */
    START("project.notContracted", true),
    /** 进展报告 and 项目变更 requests: while the project runs. */
    REPORT_PROGRESS("project.notRunning", true),
    /** 中期评估完成 */
    COMPLETE_MIDTERM("project.notInProgress", true),
    /** 验收通过 (with the ACCEPTANCE grade) */
    PASS_ACCEPTANCE("project.notMidtermDone", true),
    /** 验收不通过 (the disbursement issue raises the recovery) */
    FAIL_ACCEPTANCE("project.notMidtermDone", true);

    private final String refusalKey;
    private final boolean projectPhase;

    ProjectAction(String refusalKey, boolean projectPhase) {
        this.refusalKey = refusalKey;
        this.projectPhase = projectPhase;
    }

    /** The message key of "not in this state" (its one argument is the state). */
    public String refusalKey() {
        return refusalKey;
    }

    /** Whether the action is part of the project phase (task agreement to acceptance), which PRE_APPROVED alone has. */
    public boolean projectPhase() {
        return projectPhase;
    }
}
