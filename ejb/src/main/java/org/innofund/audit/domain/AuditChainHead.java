package org.innofund.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The end of the chain: one row, locked while an entry is appended, so that appends are serialised. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {
    }

    /** Appends a record and moves the head to it. */
    public AuditEntry append(AuditRecord record, Instant now) {
        AuditEntry entry = new AuditEntry(lastSeq + 1, now, record, lastHash);
        lastSeq = entry.getSeq();
        lastHash = entry.getEntryHash();
        return entry;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }
}
