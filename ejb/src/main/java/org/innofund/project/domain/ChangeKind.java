package org.innofund.project.domain;

/** 项目变更的类型: what a change request may change (everything else must stay as signed). */
public enum ChangeKind {
    /** 延期: a later end of the period; only what falls into the added time may move (see ChangeCheck). */
    PERIOD_EXTENDED,
    /** 预算调剂: amounts moved between categories, each source's total kept. */
    BUDGET_MOVED,
    /** 考核指标调整: the targets. */
    TARGET_CHANGED
}
