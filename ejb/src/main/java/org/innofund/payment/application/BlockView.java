package org.innofund.payment.application;

import org.innofund.payment.domain.PaymentBlock;
import org.innofund.payment.domain.PaymentBlocks;

import java.io.Serializable;
import java.util.List;

/** One reason an item cannot be paid (拨付限制), as its message key and the arguments of its text. */
public record BlockView(PaymentBlock block, String messageKey, List<String> arguments) implements Serializable {

    public BlockView {
        arguments = List.copyOf(arguments);
    }

    static BlockView of(PaymentBlocks.Block b) {
        return new BlockView(b.kind(), b.messageKey(), b.arguments());
    }
}
