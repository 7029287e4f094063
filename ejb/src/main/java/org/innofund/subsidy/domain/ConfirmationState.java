package org.innofund.subsidy.domain;

/**
 * Where a confirmation request (确认享受) stands. PENDING until the enterprise confirms or declines; REPLACED when a
 * later import of the call supersedes it before the enterprise answered. EXPIRED is never stored: it is how a PENDING
 * request reads once its call has closed (nothing is paid for it).
 */
public enum ConfirmationState {
    PENDING, CONFIRMED, DECLINED, REPLACED, EXPIRED
}
