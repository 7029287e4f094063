package org.innofund.audit.domain;

public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
