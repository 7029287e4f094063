package org.innofund.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * 任务书版本: what the agreement said when both sides confirmed it (version 1) and after each approved change request
 * (2, 3, ...). Never changed: nothing a decision rests on is overwritten.
 */
@Entity
@Table(name = "task_agreement_version")
public class AgreementVersion {

    @Id
    @SequenceGenerator(name = "innofund_seq", sequenceName = "innofund_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "innofund_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id", nullable = false, updatable = false)
    private TaskAgreement agreement;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Lob
    @Convert(converter = AgreementContentConverter.class)
    @Column(nullable = false, updatable = false)
    private AgreementContent content;

    /** The change request it came from, or null for the signed original. */
    @Column(name = "change_request_id", updatable = false)
    private Long changeRequestId;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AgreementVersion() {
    }

    AgreementVersion(TaskAgreement agreement, int versionNo, AgreementContent content, Long changeRequestId, String by,
                     Instant now) {
        this.agreement = agreement;
        this.versionNo = versionNo;
        this.content = content;
        this.changeRequestId = changeRequestId;
        this.createdBy = by;
        this.createdAt = now;
    }

    public int getVersionNo() { return versionNo; }
    public AgreementContent getContent() { return content; }
    public Long getChangeRequestId() { return changeRequestId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
