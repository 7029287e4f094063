package org.innofund.declaration.application;

import org.innofund.declaration.domain.Attachment;
import org.innofund.shared.FileType;

import java.io.Serializable;
import java.time.Instant;

public record AttachmentView(Long id, String requirement, String originalName, FileType type, long sizeBytes,
                             String sha256, Instant uploadedAt, boolean withdrawn) implements Serializable {

    public static AttachmentView of(Attachment a) {
        return new AttachmentView(a.getId(), a.getRequirement(), a.getOriginalName(), a.getType(), a.getSizeBytes(),
                a.getSha256(), a.getUploadedAt(), a.isWithdrawn());
    }
}
