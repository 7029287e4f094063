package org.innofund.program.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.innofund.platform.BlobTable;

/** The official notice's file in the database (BLOB), keyed by its call, streamed in and out by JDBC. */
@ApplicationScoped
public class CallNoticeContentStore extends BlobTable {

    public CallNoticeContentStore() {
        super("call_notice_content", "call_id");
    }
}
