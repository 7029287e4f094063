package org.innofund.payment.application;

import java.io.Serializable;
import java.util.List;

/** The batch after items were added: how many went in, and each one left out with its reasons. */
public record BatchChange(BatchView batch, int added, List<BlockedItem> blocked) implements Serializable {

    public BatchChange {
        blocked = List.copyOf(blocked);
    }
}
