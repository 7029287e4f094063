package org.innofund.payment.application;

import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.util.List;

/** A payable item as finance picks it for a batch: whose, how much, for which call, and what blocks it now. */
public record PayableItemView(long id, long callId, String callTitle, SubsidyKind kind, long enterpriseId, String uscc,
                              String payeeName, Money amount, List<BlockView> blocks) implements Serializable {

    public PayableItemView {
        blocks = List.copyOf(blocks);
    }

    public boolean blocked() {
        return !blocks.isEmpty();
    }
}
