package org.innofund.declaration.domain;

/** Recognised achievements rewarded by REWARD calls (SUBSIDY-RULES.md, kind 3). */
public enum Achievement {
    /** 科技型中小企业入库 */ TECH_SME,
    /** 首次认定国家高新技术企业 */ HIGH_TECH_NEW,
    /** 重新认定国家高新技术企业 */ HIGH_TECH_RENEWED,
    /** 市级企业研发中心 */ MUNICIPAL_RD_CENTER,
    /** 省级企业研发中心 */ PROVINCIAL_RD_CENTER,
    /** 制造业单项冠军 */ SINGLE_CHAMPION
}
