package org.innofund.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;

import java.time.Instant;

/**
 * 进度报告附件: one PDF a progress report was filed with, described (name, size, SHA-256, who, when); its content is in
 * {@code progress_report_file_content}. Filed with its report and never changed, as the report is not.
 */
@Entity
@Table(name = "progress_report_file")
public class ProgressReportFile extends BaseEntity {

    /** At most this many files go with one report. */
    public static final int MAX_PER_REPORT = 5;

    @Column(name = "report_id", nullable = false, updatable = false)
    private Long reportId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "file_no", nullable = false, updatable = false)
    private int fileNo;

    @Column(nullable = false, updatable = false, length = 255)
    private String name;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false, updatable = false, length = 64)
    private String uploadedBy;

    /** 0 to {@link #MAX_PER_REPORT} files with a report; checked before any is read. */
    public static void requireCount(int count) {
        if (count > MAX_PER_REPORT) {
            throw BusinessException.invalid("progress.tooManyFiles", MAX_PER_REPORT);
        }
    }

    protected ProgressReportFile() {
    }

    public ProgressReportFile(ProgressReport report, int fileNo, String name, long sizeBytes, String sha256, String by,
                              Instant now) {
        super(now);
        this.reportId = report.getId();
        this.projectId = report.getProjectId();
        this.fileNo = fileNo;
        this.name = name;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = by;
    }

    public Long getReportId() { return reportId; }
    public Long getProjectId() { return projectId; }
    public int getFileNo() { return fileNo; }
    public String getName() { return name; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getUploadedBy() { return uploadedBy; }
}
