package org.innofund.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.innofund.shared.Lengths;
import org.innofund.shared.event.AuditOutcome;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An audit entry written in its action's transaction and waiting for its place in the chain: committed (or rolled
 * back) with the action, so no acknowledged action is without its entry, yet no chain lock is taken for it.
 */
@Entity
@Table(name = "audit_queue")
public class QueuedAuditEntry {

    @Id
    @SequenceGenerator(name = "innofund_seq", sequenceName = "innofund_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "innofund_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(updatable = false, length = Lengths.USERNAME)
    private String username;

    @Column(name = "organisation_id", updatable = false)
    private Long organisationId;

    @Column(name = "organisation_name", updatable = false, length = Lengths.ORGANISATION_NAME)
    private String organisationName;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(updatable = false, length = Lengths.AUDIT_TARGET)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private AuditOutcome outcome;

    @Column(updatable = false, length = Lengths.AUDIT_DETAIL)
    private String detail;

    @Column(name = "client_address", updatable = false, length = Lengths.CLIENT_ADDRESS)
    private String clientAddress;

    protected QueuedAuditEntry() {
    }

    public QueuedAuditEntry(AuditRecord record, Instant occurredAt) {
        // the time the action happened, at the precision the chained entry keeps
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        this.username = record.username();
        this.organisationId = record.organisationId();
        this.organisationName = record.organisationName();
        this.action = record.action();
        this.target = record.target();
        this.outcome = record.outcome();
        this.detail = record.detail();
        this.clientAddress = record.clientAddress();
    }

    /** Takes this entry's place at the end of the chain. */
    public AuditEntry appendTo(AuditChainHead head) {
        return head.append(new AuditRecord(username, organisationId, organisationName, action, target, outcome, detail,
                clientAddress), occurredAt);
    }
}
