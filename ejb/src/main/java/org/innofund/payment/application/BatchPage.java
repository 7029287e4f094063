package org.innofund.payment.application;

import java.io.Serializable;
import java.util.List;

/**
 * A batch with one page of its lines, by position, and whether its treasury file may be downloaded (exported, and the
 * bank has not answered for any line yet: a file sent twice could pay twice).
 */
public record BatchPage(BatchView batch, List<BatchLineView> lines, int page, int size, boolean fileAvailable)
        implements Serializable {

    public BatchPage {
        lines = List.copyOf(lines);
    }
}
