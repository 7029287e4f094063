package org.innofund.audit.domain;

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
        this.username = clip(record.username(), Lengths.USERNAME);
        this.organisationId = record.organisationId();
        this.organisationName = clip(record.organisationName(), Lengths.ORGANISATION_NAME);
        this.action = record.action();
        this.target = clip(record.target(), Lengths.AUDIT_TARGET);
        this.outcome = record.outcome();
        this.detail = clip(record.detail(), Lengths.AUDIT_DETAIL);
        this.clientAddress = clip(record.clientAddress(), Lengths.CLIENT_ADDRESS);
        this.prevHash = prevHash;
        this.entryHash = AuditChain.hash(this);
    }

    /**
     * At most {@code max} UTF-16 units, never cutting a surrogate pair (a lone half would not survive the database);
     * an empty text is kept as null, as Oracle stores it, so the hash is over what every database reads back.
     */
    private static String clip(String s, int max) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
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
