package org.innofund.payment.domain;

import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A payment item pays something, in full; only a payable one is cancelled (once) or goes into a batch, and only one in a
 * batch is paid (once) or comes back payable.
 */
class PaymentItemTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    private static PaymentItem item(String amount) {
        return new PaymentItem(10, 21, 0, Tranche.FULL, 2, "91110000802100433B", "甲公司", Money.parse(amount), NOW);
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

    @Test
    void anItemGoesIntoOneBatchAndIsPaidOnceOrComesBack() {
        PaymentItem item = item("10.00");
        item.putInBatch(7);
        assertEquals(PaymentItemState.IN_BATCH, item.getState());
        assertEquals(7L, item.getBatchId());
        assertThrows(IllegalStateException.class, () -> item.putInBatch(8));
        assertThrows(IllegalStateException.class, () -> item.cancel(NOW));
        item.backToPayable();
        assertEquals(PaymentItemState.PAYABLE, item.getState());
        assertNull(item.getBatchId());
        assertThrows(IllegalStateException.class, item::paid);
        item.putInBatch(8);
        item.paid();
        assertEquals(PaymentItemState.PAID, item.getState());
        assertNull(item.getBatchId());
        assertThrows(IllegalStateException.class, item::paid);
        assertThrows(IllegalStateException.class, item::backToPayable);
        assertThrows(IllegalStateException.class, () -> item.putInBatch(9));
    }

    @Test
    void anAdvanceIsAProjectsAndARunLinePaysInFullOrTheBalance() {
        PaymentItem advance = PaymentItem.advance(10, 77, 2, "91110000802100433B", "甲公司", Money.parse("90000.00"), NOW);
        assertEquals(Tranche.ADVANCE, advance.getTranche());
        assertEquals(77L, advance.getProjectId());
        assertNull(advance.getRunId());
        assertNull(advance.getPosition());
        assertEquals(PaymentItemState.PAYABLE, advance.getState());
        PaymentItem balance = new PaymentItem(10, 21, 3, Tranche.BALANCE, 2, "91110000802100433B", "甲公司",
                Money.parse("120000.00"), NOW);
        assertEquals(Tranche.BALANCE, balance.getTranche());
        assertNull(balance.getProjectId());
        assertEquals(21L, balance.getRunId());
        assertThrows(IllegalArgumentException.class, () -> new PaymentItem(10, 21, 3, Tranche.ADVANCE, 2,
                "91110000802100433B", "甲公司", Money.parse("1.00"), NOW));
        assertThrows(IllegalArgumentException.class,
                () -> PaymentItem.advance(10, 77, 2, "91110000802100433B", "甲公司", Money.ZERO, NOW));
    }
}
