package org.innofund.declaration.domain;

import java.util.Set;

/**
 * What can be done to a declaration. Which state allows which action, and where it leads, is the table in
 * {@link DeclarationState}; each action names the message its refusal gives.
 */
public enum DeclarationAction {
    /** 填写/修改: save the form. */
    EDIT("declaration.notEditable"),
    /** 上传附件 (or replace the file of a requirement). */
    ATTACH_FILE("declaration.notEditable"),
    /** 撤回附件 */
    WITHDRAW_FILE("declaration.notEditable"),
    /** 提交 */
    SUBMIT("declaration.notSubmittable"),
    /** 受理 */
    ACCEPT("declaration.notUnderReview"),
    /** 退回修改 */
    RETURN("declaration.notUnderReview"),
    /** 不予受理 */
    REJECT("declaration.notUnderReview"),
    /** 撤回申报: the enterprise takes its submission back before the reviewer decides. */
    WITHDRAW("declaration.notWithdrawable"),
    /** 删除草稿: only what was never submitted (leads nowhere: the declaration is gone). */
    DELETE("declaration.notDeletable");

    /** The reviewer's decisions in the formal check (形式审查), offered together on the review page. */
    public static final Set<DeclarationAction> DECISIONS = Set.of(ACCEPT, RETURN, REJECT);

    private final String refusalKey;

    DeclarationAction(String refusalKey) {
        this.refusalKey = refusalKey;
    }

    /** The message key of "not in this state" (its one argument is the state). */
    public String refusalKey() {
        return refusalKey;
    }
}
