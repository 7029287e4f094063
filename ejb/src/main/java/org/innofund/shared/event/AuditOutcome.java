package org.innofund.shared.event;

/** How an action ended, as the audit trail records it: done, failed, or refused. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
