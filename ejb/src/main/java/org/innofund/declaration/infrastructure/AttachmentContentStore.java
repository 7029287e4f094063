package org.innofund.declaration.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.innofund.platform.BlobTable;

/** Attachment content in the database (BLOB), streamed in and out by JDBC in the caller's transaction. */
@ApplicationScoped
public class AttachmentContentStore extends BlobTable {

    public AttachmentContentStore() {
        super("attachment_content", "attachment_id");
    }
}
