package org.innofund.declaration.application;

import org.innofund.declaration.domain.Attachment;
import org.innofund.shared.FileType;

import java.io.Serializable;
import java.time.Instant;

public record AttachmentView(Long id, String requirement, String originalName, FileType type, long sizeBytes,
                             String sha256, Instant uploadedAt, boolean withdrawn, String description)
        implements Serializable {

    public static AttachmentView of(Attachment a) {
        return new AttachmentView(a.getId(), a.getRequirement(), a.getOriginalName(), a.getType(), a.getSizeBytes(),
                a.getSha256(), a.getUploadedAt(), a.isWithdrawn(), a.getDescription());
    }

    /** 其他材料: a file the call did not list (it has a description of what it is). */
    public boolean otherMaterial() {
        return description != null;
    }

    /** What the file is for, as a printout lists it: its requirement, or 其他材料（its description）. */
    public String slot() {
        return description == null ? requirement : requirement + "（" + description + "）";
    }
}
