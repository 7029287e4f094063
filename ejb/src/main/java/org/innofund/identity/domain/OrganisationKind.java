package org.innofund.identity.domain;

public enum OrganisationKind {
    /** 科技局 */
    BUREAU,
    /** 企业 */
    ENTERPRISE,
    /** 第三方评估机构 */
    AGENCY
}
