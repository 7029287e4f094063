package org.innofund.project.domain;

/** Where a change request stands: open until the reviewer decides; a decision is final. */
public enum ChangeState {
    /** 待审核 */
    REQUESTED,
    /** 已批准: the agreement has a new version. */
    APPROVED,
    /** 不予批准, with the reason. */
    REJECTED
}
