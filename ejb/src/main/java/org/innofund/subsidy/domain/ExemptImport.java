package org.innofund.subsidy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;

import java.time.Instant;

/** 免申即享导入: one file of the bureau's figures taken for a call, who took it, and what came of it. */
@Entity
@Table(name = "exempt_import")
public class ExemptImport extends BaseEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private long callId;

    @Column(name = "file_sha256", nullable = false, updatable = false, length = 64)
    private String fileSha256;

    @Column(name = "row_count", nullable = false, updatable = false)
    private int rowCount;

    @Column(name = "request_count", nullable = false)
    private int requestCount;

    @Column(name = "imported_by", nullable = false, updatable = false, length = 64)
    private String importedBy;

    protected ExemptImport() {
    }

    public ExemptImport(long callId, String fileSha256, int rowCount, String importedBy, Instant now) {
        super(now);
        this.callId = callId;
        this.fileSha256 = fileSha256;
        this.rowCount = rowCount;
        this.importedBy = importedBy;
    }

    public void requestsMade(int count) {
        this.requestCount = count;
    }

    public long getCallId() {
        return callId;
    }

    public int getRowCount() {
        return rowCount;
    }

    public int getRequestCount() {
        return requestCount;
    }

    public String getImportedBy() {
        return importedBy;
    }
}
