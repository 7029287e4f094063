package org.innofund.declaration.domain;

import org.innofund.program.domain.AttachmentRequirement;
import org.innofund.shared.BusinessException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import org.innofund.shared.FlagConverter;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.innofund.shared.FileType;

import java.time.Instant;
import java.util.UUID;

/**
 * 附件: a file attached to a declaration for one of its call's requirements. The metadata lives here, the content
 * in {@code attachment_content}, streamed in and out. A withdrawn attachment is kept if a submitted revision rests on
 * it.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final long MAX_BYTES_PER_DECLARATION = 100L * 1024 * 1024;
    public static final int DESCRIPTION_MAX = 200;

    @Id
    @SequenceGenerator(name = "innofund_seq", sequenceName = "innofund_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "innofund_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "declaration_id", nullable = false, updatable = false)
    private Declaration declaration;

    @Column(nullable = false, updatable = false, length = 100)
    private String requirement;

    @Column(name = "original_name", nullable = false, updatable = false, length = 255)
    private String originalName;

    @Column(name = "stored_name", nullable = false, updatable = false, unique = true, length = 64)
    private String storedName;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type", nullable = false, updatable = false, length = 100)
    private FileType type;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false, updatable = false, length = 64)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean withdrawn;

    /** What an other material (其他材料) is, in the enterprise's words; null for a file the call asked for. */
    @Column(length = DESCRIPTION_MAX)
    private String description;

    protected Attachment() {
    }

    /** The stored name is the server's own: never a path or name the client chose. */
    public Attachment(Declaration declaration, String requirement, String originalName, FileType type, long sizeBytes,
                      String sha256, String uploadedBy, Instant uploadedAt) {
        this.declaration = declaration;
        this.requirement = requirement;
        this.originalName = displayName(originalName, type);
        this.storedName = UUID.randomUUID().toString().replace("-", "") + "." + type.extension();
        this.type = type;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** 其他材料: a file the call did not list, with what it is. */
    public static Attachment otherMaterial(Declaration declaration, String description, String originalName, FileType type,
                                           long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
        String described = describing(description);
        Attachment a = new Attachment(declaration, AttachmentRequirement.OTHER_MATERIALS, originalName, type, sizeBytes,
                sha256, uploadedBy, uploadedAt);
        a.description = described;
        return a;
    }

    /** An other material's description as kept (stripped), or refused if blank or too long. */
    public static String describing(String description) {
        if (description == null || description.isBlank() || description.strip().length() > DESCRIPTION_MAX) {
            throw BusinessException.invalid("attachment.descriptionRequired");
        }
        return description.strip();
    }

    /** The client's file name as shown and downloaded: see {@link FileType#displayName}. */
    static String displayName(String original, FileType type) {
        return type.displayName(original);
    }

    public void withdraw() {
        withdrawn = true;
    }

    /**
     * Whether a submitted revision lists this file: it was there when the declaration was last submitted (each
     * submission records every file then on the declaration, and files no submission listed are not kept).
     */
    public boolean isPartOfASubmission() {
        Instant submitted = declaration.getSubmittedAt();
        return submitted != null && !uploadedAt.isAfter(submitted);
    }

    public Long getId() {
        return id;
    }

    public Declaration getDeclaration() {
        return declaration;
    }

    public String getRequirement() {
        return requirement;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getStoredName() {
        return storedName;
    }

    public FileType getType() {
        return type;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    public String getDescription() {
        return description;
    }
}
