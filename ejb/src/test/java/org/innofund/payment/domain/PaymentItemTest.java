package org.innofund.payment.domain;

import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A payment item pays something, in full, and only a payable one is cancelled (once). */
class PaymentItemTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    private static PaymentItem item(String amount) {
        return new PaymentItem(10, 21, 0, 2, "91110000802100433B", "甲公司", Money.parse(amount), NOW);
    }

    @Test
    void anItemIsPayableInFullWhenMade() {
        PaymentItem item = item("300000.00");
        assertEquals(PaymentItemState.PAYABLE, item.getState());
        assertEquals(Tranche.FULL, item.getTranche());
        assertEquals(Money.parse("300000.00"), item.getAmount());
        assertThrows(IllegalArgumentException.class, () -> item("0.00"));
    }

    @Test
    void onlyAPayableItemIsCancelledAndOnce() {
        PaymentItem item = item("0.01");
        Instant later = NOW.plusSeconds(60);
        item.cancel(later);
        assertEquals(PaymentItemState.CANCELLED, item.getState());
        assertEquals(later, item.getCancelledAt());
        assertThrows(IllegalStateException.class, () -> item.cancel(later));
    }
}
