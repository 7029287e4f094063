package org.innofund.payment.application;

import org.innofund.shared.Money;

import java.io.Serializable;
import java.util.List;

/** An item left out of a batch (or failed at export) and why. */
public record BlockedItem(long itemId, String payeeName, Money amount, List<BlockView> blocks) implements Serializable {

    public BlockedItem {
        blocks = List.copyOf(blocks);
    }
}
