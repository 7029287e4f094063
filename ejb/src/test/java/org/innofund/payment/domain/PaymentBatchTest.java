package org.innofund.payment.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A batch's life: lines only while a draft, submitted with a line at least, decided once by someone who did not prepare
 * it (rejected with a reason), exported only once approved (again: the same file), closed once exported.
 */
class PaymentBatchTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    /** A draft as stored (its id is in its refusals). */
    private static PaymentBatch draft() {
        PaymentBatch batch = new PaymentBatch("finance", NOW);
        try {
            java.lang.reflect.Field id = org.innofund.shared.BaseEntity.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(batch, 12L);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return batch;
    }

    private static PaymentBatch submitted() {
        PaymentBatch batch = draft();
        batch.added(Money.parse("300000.00"));
        batch.added(Money.parse("105000.00"));
        batch.submit(NOW);
        return batch;
    }

    private static String refusal(Runnable action) {
        return assertThrows(BusinessException.class, action::run).messageKey();
    }

    @Test
    void aDraftCountsItsLinesAndTotal() {
        PaymentBatch batch = draft();
        assertEquals(PaymentBatchState.DRAFT, batch.getState());
        assertEquals("paymentBatch.empty", refusal(() -> batch.submit(NOW)));
        batch.added(Money.parse("300000.00"));
        batch.added(Money.parse("0.01"));
        batch.removed(Money.parse("300000.00"));
        assertEquals(1, batch.getLineCount());
        assertEquals(Money.parse("0.01"), batch.getTotal());
        batch.submit(NOW);
        assertEquals(PaymentBatchState.SUBMITTED, batch.getState());
        assertEquals("paymentBatch.state.DRAFT", refusal(() -> batch.added(Money.parse("1.00"))));
        assertEquals("paymentBatch.state.DRAFT", refusal(() -> batch.removed(Money.parse("0.01"))));
        assertEquals("paymentBatch.state.DRAFT", refusal(() -> batch.submit(NOW)));
    }

    @Test
    void whoPreparedItDoesNotDecideIt() {
        PaymentBatch batch = submitted();
        assertEquals("paymentBatch.fourEyes", refusal(() -> batch.approve("finance", NOW)));
        assertEquals("paymentBatch.fourEyes", refusal(() -> batch.reject("不对", "finance", NOW)));
        assertEquals(PaymentBatchState.SUBMITTED, batch.getState());
        batch.approve("approver", NOW);
        assertEquals(PaymentBatchState.APPROVED, batch.getState());
        assertEquals("approver", batch.getDecidedBy());
        assertEquals("paymentBatch.state.SUBMITTED", refusal(() -> batch.approve("approver2", NOW)));
        assertEquals("paymentBatch.state.SUBMITTED", refusal(() -> batch.reject("晚了", "approver2", NOW)));
    }

    @Test
    void onlyItsPreparerChangesOrSubmitsADraft() {
        PaymentBatch batch = submitted();
        batch.requirePreparer("finance");
        assertEquals("paymentBatch.notPreparer", refusal(() -> batch.requirePreparer("finance2")));
        assertEquals("paymentBatch.notPreparer", refusal(() -> batch.requirePreparer("approver")));
    }

    @Test
    void aRejectionSaysWhy() {
        PaymentBatch batch = submitted();
        assertEquals("paymentBatch.reasonRequired", refusal(() -> batch.reject(" ", "approver", NOW)));
        batch.reject("  账户待核实 ", "approver", NOW);
        assertEquals(PaymentBatchState.REJECTED, batch.getState());
        assertEquals("账户待核实", batch.getRejectReason());
        assertEquals("paymentBatch.notApproved", refusal(() -> batch.exported("finance", NOW)));
    }

    @Test
    void onlyAnApprovedBatchIsExportedAndAnExportedOneClosed() {
        PaymentBatch batch = submitted();
        assertEquals("paymentBatch.notApproved", refusal(() -> batch.exported("finance", NOW)));
        assertEquals("paymentBatch.state.EXPORTED", refusal(() -> batch.close(NOW)));
        batch.approve("approver", NOW);
        batch.exported("finance", NOW);
        assertEquals(PaymentBatchState.EXPORTED, batch.getState());
        batch.exported("finance2", NOW.plusSeconds(60)); // the same file again: the first export stands
        assertEquals("finance", batch.getExportedBy());
        assertEquals(NOW, batch.getExportedAt());
        batch.close(NOW);
        assertEquals(PaymentBatchState.CLOSED, batch.getState());
        batch.exported("finance", NOW); // a closed batch's file is still there
        assertEquals("paymentBatch.state.EXPORTED", refusal(() -> batch.close(NOW)));
    }
}
