package org.innofund.evaluation.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.innofund.platform.BlobTable;

/** The evaluation report's PDF in the database (BLOB), keyed by the evaluation version, streamed in and out by JDBC. */
@ApplicationScoped
public class ReportContentStore extends BlobTable {

    public ReportContentStore() {
        super("evaluation_report_content", "evaluation_id");
    }
}
