package org.innofund.program.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FileType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * 正式通知: the official notice of a call as the file the bureau issued (《关于组织申报…的通知》), one per call. The
 * metadata lives here, the content in {@code call_notice_content}, streamed in and out. It may be replaced while its
 * call is a draft; once the call is published it is fixed (see {@link FundingCall#requireNoticeReplaceable()}).
 */
@Entity
@Table(name = "call_notice")
public class CallNotice {

    /** A notice is a few pages; the limit is below the product's upload limit (RequestSizeFilter). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /**
     * The kinds of file a notice may be: those of PDF, DOCX and OFD that the product recognises by content (FileType);
     * only PDF so far. A kind added here needs its name in the ck_call_notice_type CHECK (a new migration).
     */
    public static final Set<FileType> TYPES = EnumSet.of(FileType.PDF);

    @Id
    @Column(name = "call_id")
    private Long callId;

    @Column(name = "original_name", nullable = false, length = 255)
    private String originalName;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type", nullable = false, length = 100)
    private FileType type;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected CallNotice() {
    }

    /** The call's notice as uploaded; the file name is made safe and given the extension of the type found in it. */
    public CallNotice(long callId, String originalName, FileType type, long sizeBytes, String sha256, String uploadedBy,
                      Instant uploadedAt) {
        this.callId = callId;
        replace(originalName, type, sizeBytes, sha256, uploadedBy, uploadedAt);
    }

    /** A new file in place of the old one (the caller has checked that the call is still a draft). */
    public void replace(String originalName, FileType type, long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
        requireAllowed(type);
        this.originalName = type.displayName(originalName);
        this.type = type;
        this.sizeBytes = sizeBytes;
        this.sha256 = Objects.requireNonNull(sha256);
        this.uploadedBy = Objects.requireNonNull(uploadedBy);
        this.uploadedAt = Objects.requireNonNull(uploadedAt);
    }

    /** Refuses a file that is not of a notice's kinds (a picture or a spreadsheet is not an official notice). */
    public static void requireAllowed(FileType type) {
        if (!TYPES.contains(type)) {
            throw typeRefused();
        }
    }

    /** The refusal of a file of another kind, or of one the product does not recognise at all. */
    public static BusinessException typeRefused() {
        return BusinessException.invalid("notice.typeNotAllowed", FileType.formatList(TYPES));
    }

    public Long getCallId() { return callId; }
    public String getOriginalName() { return originalName; }
    public FileType getType() { return type; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
