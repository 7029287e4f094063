package org.innofund.project.domain;

/**
 * What can be done with a task agreement (任务书). Which state allows which action, and where it leads, is the table in
 * {@link AgreementState}; each action names the message its refusal gives (its one argument is the state).
 */
public enum AgreementAction {
    /** 编辑草稿 (the enterprise) */
    EDIT("agreement.notEditable"),
    /** 提交审核 (the enterprise) */
    SUBMIT("agreement.notEditable"),
    /** 退回修改 with a reason (the reviewer) */
    RETURN("agreement.notSubmitted"),
    /** 业务科室确认 (the reviewer) */
    CONFIRM_BY_REVIEWER("agreement.notSubmitted"),
    /** 申报单位确认: the agreement holds; the project is contracted. */
    CONFIRM_BY_ENTERPRISE("agreement.notConfirmedByReviewer"),
    /** 进度报告, 项目变更: only under a signed agreement. */
    FOLLOW_UP("agreement.notSigned");

    private final String refusalKey;

    AgreementAction(String refusalKey) {
        this.refusalKey = refusalKey;
    }

    public String refusalKey() {
        return refusalKey;
    }
}
