package org.innofund.declaration.domain;

/** Where a declaration stands in its life (DOMAIN.md); later stages come with evaluation and approval. */
public enum DeclarationState {
    /** 草稿 */
    DRAFT,
    /** 已提交 */
    SUBMITTED,
    /** 已受理 */
    ACCEPTED,
    /** 退回修改 */
    RETURNED,
    /** 不予受理 */
    REJECTED
}
