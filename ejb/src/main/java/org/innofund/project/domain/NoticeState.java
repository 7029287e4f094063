package org.innofund.project.domain;

/**
 * Whether a publicity notice's period has been closed by the period's end check. Moved IN_PERIOD → ENDED by one
 * guarded UPDATE whose row count decides which run (of any server) releases the projects: see PublicityEnd.
 */
public enum NoticeState {
    /** 公示中 (or over by the clock, not yet closed by the check) */
    IN_PERIOD,
    /** 公示结束: the projects without an open objection were PUBLICIZED. */
    ENDED
}
