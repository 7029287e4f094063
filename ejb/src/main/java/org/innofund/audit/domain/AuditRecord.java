package org.innofund.audit.domain;

/** What is to be audited, before it gets its place in the chain. */
public record AuditRecord(String username, Long organisationId, String organisationName, String action,
                          String target, AuditOutcome outcome, String detail, String clientAddress) {
}
