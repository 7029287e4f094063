package org.innofund.web.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.BlockView;
import org.innofund.shared.Messages;
import org.omnifaces.util.Faces;

import java.util.List;
import java.util.stream.Collectors;

/** The reasons that block a payment in the page's language ({@code #{paymentTexts.reasons(item.blocks)}}). */
@Named
@ApplicationScoped
public class PaymentTexts {

    public String reason(BlockView block) {
        return Messages.get(Faces.getLocale(), block.messageKey(), block.arguments().toArray());
    }

    public String reasons(List<BlockView> blocks) {
        return blocks.stream().map(this::reason).collect(Collectors.joining(" "));
    }
}
