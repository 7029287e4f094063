package org.innofund.subsidy.domain;

/** Where a provider stands on a day. */
public enum ProviderStatus {
    /** 公示中: registered, its 7-day publicity not over. */
    PUBLICITY,
    /** 已入库: listed; its services count. */
    LISTED,
    /** 暂停: listed, but suspended that day. */
    SUSPENDED
}
