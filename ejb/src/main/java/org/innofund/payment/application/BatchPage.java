package org.innofund.payment.application;

import java.io.Serializable;
import java.util.List;

/** A batch with one page of its lines, by position. */
public record BatchPage(BatchView batch, List<BatchLineView> lines, int page, int size) implements Serializable {

    public BatchPage {
        lines = List.copyOf(lines);
    }
}
