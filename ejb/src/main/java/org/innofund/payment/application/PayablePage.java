package org.innofund.payment.application;

import org.innofund.shared.Money;

import java.io.Serializable;
import java.util.List;

/** One page of the payable items a filter finds, with how many it finds in all and their sum. */
public record PayablePage(List<PayableItemView> items, int page, int size, long count, Money total) implements Serializable {

    public PayablePage {
        items = List.copyOf(items);
    }
}
