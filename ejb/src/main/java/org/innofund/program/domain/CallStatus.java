package org.innofund.program.domain;

public enum CallStatus {
    /** 草稿: being prepared by a reviewer, not visible to the public. */
    DRAFT,
    /** 已发布: published by an approver. */
    PUBLISHED
}
