package org.innofund.project.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.innofund.platform.BlobTable;

/** A progress report's PDFs in the database (BLOB), keyed by the file's id, streamed in and out by JDBC. */
@ApplicationScoped
public class ReportFileContentStore extends BlobTable {

    public ReportFileContentStore() {
        super("progress_report_file_content", "file_id");
    }
}
