package org.innofund.audit.domain;

import org.innofund.shared.event.AuditOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.innofund.shared.Lengths;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * 审计日志条目: one thing that happened, linked to the entry before it by SHA-256. It has no setter and
 * the application offers no way to change or delete it.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private long seq;

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

    @Column(name = "prev_hash", nullable = false, updatable = false, length = 64)
    private String prevHash;

    @Column(name = "entry_hash", nullable = false, updatable = false, length = 64)
    private String entryHash;

    protected AuditEntry() {
    }

    /** The entry that follows {@code prevHash} as number {@code seq}. */
    public AuditEntry(long seq, Instant occurredAt, AuditRecord record, String prevHash) {
        this.seq = seq;
        // Stored and hashed at millisecond precision, which every database keeps exactly.
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        this.username = record.username();
        this.organisationId = record.organisationId();
        this.organisationName = record.organisationName();
        this.action = record.action();
        this.target = record.target();
        this.outcome = record.outcome();
        this.detail = record.detail();
        this.clientAddress = record.clientAddress();
        this.prevHash = prevHash;
        this.entryHash = AuditChain.hash(this);
    }

    public long getSeq() {
        return seq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getEntryHash() {
        return entryHash;
    }
}
