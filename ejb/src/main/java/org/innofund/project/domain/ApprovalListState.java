package org.innofund.project.domain;

/** Where a version of an approval list (立项建议名单) stands: 草稿 / 待审批 / 已批准 / 已退回. */
public enum ApprovalListState {
    DRAFT, SUBMITTED, APPROVED, RETURNED;

    /** Whether the list still counts for its call: all but a returned one (which a newer version revises). */
    public boolean live() {
        return this != RETURNED;
    }
}
