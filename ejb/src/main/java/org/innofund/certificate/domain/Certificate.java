package org.innofund.certificate.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 证书/通知书: one document the bureau issued on one version of a decision, with its serial number, its verification
 * code and what it prints (fixed at issue: the PDF is rendered from it and nothing else). Its signed PDF is made once,
 * then its hash and size are kept here and never change. It ends superseded (a later version of the decision) or
 * revoked (by the bureau, with a reason); an ended document still verifies, as what it is.
 */
@Entity
@Table(name = "certificate")
public class Certificate extends BaseEntity {

    public static final int SUBJECT_LENGTH = 96;
    public static final int SUBJECT_VERSION_LENGTH = 64;

    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_type", nullable = false, updatable = false, length = 32)
    private CertificateType type;

    @Column(name = "serial_year", nullable = false, updatable = false)
    private int serialYear;

    @Column(name = "serial_no", nullable = false, updatable = false)
    private int serialNo;

    @Column(nullable = false, updatable = false, length = 32)
    private String serial;

    @Column(name = "verification_code", nullable = false, updatable = false, length = VerificationCode.LENGTH)
    private String verificationCode;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private long enterpriseId;

    @Column(name = "project_id", updatable = false)
    private Long projectId;

    @Column(name = "call_id", nullable = false, updatable = false)
    private long callId;

    @Column(nullable = false, updatable = false, length = SUBJECT_LENGTH)
    private String subject;

    @Column(name = "subject_version", nullable = false, updatable = false, length = SUBJECT_VERSION_LENGTH)
    private String subjectVersion;

    @Convert(converter = MoneyConverter.class)
    @Column(updatable = false, precision = 16, scale = 2)
    private Money amount;

    @Column(name = "decided_on", nullable = false, updatable = false)
    private LocalDate decidedOn;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false, updatable = false)
    private String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CertificateState state;

    @Column(name = "superseded_by")
    private Long supersededBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by", length = Lengths.USERNAME)
    private String endedBy;

    @Column(name = "revoke_reason", length = Lengths.REASON)
    private String revokeReason;

    @Column(length = 64)
    private String sha256;

    @Column(name = "pdf_size")
    private Integer pdfSize;

    @Column(name = "signed_at")
    private Instant signedAt;

    protected Certificate() {
    }

    /**
     * A document issued now, its PDF still to be made.
     *
     * @param content what it prints, as {@link CertificateContentJson} writes it
     */
    public Certificate(SerialNumber serial, String verificationCode, long enterpriseId, Long projectId, long callId,
                       String subject, String subjectVersion, Money amount, LocalDate decidedOn, String content,
                       Instant now) {
        super(now);
        this.type = serial.type();
        this.serialYear = serial.year();
        this.serialNo = serial.number();
        this.serial = serial.text();
        this.verificationCode = Objects.requireNonNull(verificationCode);
        this.enterpriseId = enterpriseId;
        this.projectId = projectId;
        this.callId = callId;
        this.subject = Objects.requireNonNull(subject);
        this.subjectVersion = Objects.requireNonNull(subjectVersion);
        this.amount = amount;
        this.decidedOn = Objects.requireNonNull(decidedOn);
        this.content = Objects.requireNonNull(content);
        this.state = CertificateState.VALID;
    }

    /** A later version of the decision issued {@code successor} (null: the later version states nothing for it). */
    public void supersede(Long successor, Instant now) {
        if (state != CertificateState.VALID) {
            return; // already ended: a revoked document stays revoked
        }
        this.state = CertificateState.SUPERSEDED;
        this.supersededBy = successor;
        this.endedAt = now;
    }

    /** 撤销, with the reason the public verification shows. */
    public void revoke(String by, String reason, Instant now) {
        if (state != CertificateState.VALID) {
            throw BusinessException.conflict("certificate.notValid", state);
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("certificate.revokeReasonRequired");
        }
        this.state = CertificateState.REVOKED;
        this.endedBy = Objects.requireNonNull(by);
        this.endedAt = now;
        this.revokeReason = reason.strip();
    }

    /** The signed PDF was made: its hash and size, once. */
    public void signed(String sha256, int size, Instant at) {
        if (this.sha256 != null) {
            throw new IllegalStateException("certificate " + getId() + " was already signed");
        }
        this.sha256 = Objects.requireNonNull(sha256);
        this.pdfSize = size;
        this.signedAt = Objects.requireNonNull(at);
    }

    public boolean isSigned() {
        return sha256 != null;
    }

    public CertificateType getType() {
        return type;
    }

    public int getSerialYear() {
        return serialYear;
    }

    public int getSerialNo() {
        return serialNo;
    }

    public String getSerial() {
        return serial;
    }

    public String getVerificationCode() {
        return verificationCode;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public long getCallId() {
        return callId;
    }

    public String getSubject() {
        return subject;
    }

    public String getSubjectVersion() {
        return subjectVersion;
    }

    public Money getAmount() {
        return amount;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getContent() {
        return content;
    }

    public CertificateState getState() {
        return state;
    }

    public Long getSupersededBy() {
        return supersededBy;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public String getSha256() {
        return sha256;
    }

    public Integer getPdfSize() {
        return pdfSize;
    }

    public Instant getSignedAt() {
        return signedAt;
    }
}
