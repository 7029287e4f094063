package org.innofund.payment.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recovery is repaid in parts, never beyond what is owed nor by nothing, and settled exactly when nothing is owed; its
 * block is released once, while open, with a reason; it is overdue from the day after its due date while open; a new
 * one is due within 30 days unless another date (not past) is asked, and asks back at most what was paid less what
 * was asked back already.
 */
class RecoveryTest {

    /** 2026-05-01 10:00 in Beijing. */
    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 5, 31);

    private static Recovery recovery(String amount) {
        return new Recovery(10, 2, null, RecoveryOrigin.INTEGRITY, Money.parse(amount), " 虚报研发费用 ", DUE, "reviewer", NOW);
    }

    private static BusinessException.Kind refusal(Runnable r) {
        return assertThrows(BusinessException.class, r::run).kind();
    }

    @Test
    void aNewRecoveryIsOpenOwesItAllAndBlocksPayments() {
        Recovery r = recovery("1000.00");
        assertEquals(RecoveryState.OPEN, r.getState());
        assertEquals(Money.parse("1000.00"), r.outstanding());
        assertEquals(Money.ZERO, r.getRepaid());
        assertEquals("虚报研发费用", r.getReason());
        assertTrue(r.blocksPayments());
        assertEquals("recovery.amountPositive", assertThrows(BusinessException.class, () -> recovery("0.00")).messageKey());
        assertEquals("recovery.reasonRequired", assertThrows(BusinessException.class, () -> new Recovery(10, 2, null,
                RecoveryOrigin.INTEGRITY, Money.parse("1.00"), "  ", DUE, "reviewer", NOW)).messageKey());
    }

    @Test
    void aPartialRepaymentLeavesTheRestOwedAndTheLastSettlesIt() {
        Recovery r = recovery("1000.00");
        r.repay(Money.parse("400.01"), NOW);
        assertEquals(RecoveryState.OPEN, r.getState());
        assertEquals(Money.parse("599.99"), r.outstanding());
        assertNull(r.getSettledAt());
        Instant later = NOW.plusSeconds(3600);
        r.repay(Money.parse("599.99"), later);
        assertEquals(RecoveryState.SETTLED, r.getState());
        assertEquals(Money.ZERO, r.outstanding());
        assertEquals(Money.parse("1000.00"), r.getRepaid());
        assertEquals(later, r.getSettledAt());
        assertFalse(r.blocksPayments(), "a settled recovery lifts the block");
    }

    @Test
    void aWholeRepaymentSettlesAtOnce() {
        Recovery r = recovery("0.01");
        r.repay(Money.parse("0.01"), NOW);
        assertEquals(RecoveryState.SETTLED, r.getState());
    }

    @Test
    void nothingAndMoreThanOwedAreRefusedAndChangeNothing() {
        Recovery r = recovery("1000.00");
        r.repay(Money.parse("999.00"), NOW);
        BusinessException tooMuch = assertThrows(BusinessException.class, () -> r.repay(Money.parse("1.01"), NOW));
        assertEquals("recovery.repaymentRange", tooMuch.messageKey());
        assertEquals("1.00", tooMuch.arguments()[0]);
        assertEquals(BusinessException.Kind.INVALID, refusal(() -> r.repay(Money.ZERO, NOW)));
        assertEquals(Money.parse("1.00"), r.outstanding());
        assertEquals(RecoveryState.OPEN, r.getState());
    }

    @Test
    void aSettledRecoveryRefusesRepaymentAndRelease() {
        Recovery r = recovery("5.00");
        r.repay(Money.parse("5.00"), NOW);
        assertEquals("recovery.settled", assertThrows(BusinessException.class, () -> r.repay(Money.parse("0.01"), NOW)).messageKey());
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> r.releaseBlock("已电话核实", "approver", NOW)));
        assertEquals(Money.parse("5.00"), r.getRepaid());
    }

    @Test
    void theBlockIsReleasedOnceWithAReasonAndTheDebtStands() {
        Recovery r = recovery("1000.00");
        assertEquals("recovery.reasonRequired",
                assertThrows(BusinessException.class, () -> r.releaseBlock(" ", "approver", NOW)).messageKey());
        assertTrue(r.blocksPayments(), "a refused release leaves the block");
        r.releaseBlock(" 已签还款协议 ", "approver", NOW);
        assertFalse(r.blocksPayments());
        assertEquals("已签还款协议", r.getBlockReleaseReason());
        assertEquals("approver", r.getBlockReleasedBy());
        assertEquals(NOW, r.getBlockReleasedAt());
        assertEquals(RecoveryState.OPEN, r.getState());
        assertEquals(Money.parse("1000.00"), r.outstanding());
        assertEquals("recovery.notBlocking",
                assertThrows(BusinessException.class, () -> r.releaseBlock("再次", "approver2", NOW)).messageKey());
        assertEquals("approver", r.getBlockReleasedBy());
        r.repay(Money.parse("1.00"), NOW); // still repaid after the release
        assertEquals(Money.parse("999.00"), r.outstanding());
    }

    @ParameterizedTest(name = "due 2026-05-31, today {0}: overdue {1}")
    @CsvSource({"2026-05-30, false", "2026-05-31, false", "2026-06-01, true", "2027-01-01, true"})
    void anOpenRecoveryIsOverdueFromTheDayAfterItsDueDate(LocalDate today, boolean overdue) {
        assertEquals(overdue, recovery("1.00").overdue(today));
    }

    @Test
    void aSettledRecoveryIsNeverOverdue() {
        Recovery r = recovery("1.00");
        r.repay(Money.parse("1.00"), NOW);
        assertFalse(r.overdue(DUE.plusDays(1)));
    }

    @Test
    void aNewRecoveryIsDueIn30DaysUnlessAnotherDayNotPastIsAsked() {
        LocalDate today = LocalDate.of(2026, 5, 1);
        assertEquals(LocalDate.of(2026, 5, 31), Recovery.dueDate(null, today));
        assertEquals(today, Recovery.dueDate(today, today), "due today is allowed");
        assertEquals(LocalDate.of(2026, 6, 15), Recovery.dueDate(LocalDate.of(2026, 6, 15), today));
        BusinessException past = assertThrows(BusinessException.class, () -> Recovery.dueDate(today.minusDays(1), today));
        assertEquals("recovery.dueInPast", past.messageKey());
        assertEquals(BusinessException.Kind.INVALID, past.kind());
    }

    @ParameterizedTest(name = "ask {0} of paid {1}, asked back {2}: allowed {3}")
    @CsvSource({
            "1000.00, 1000.00, 0.00, true",
            "1000.01, 1000.00, 0.00, false",
            "600.00, 1000.00, 400.00, true",
            "600.01, 1000.00, 400.00, false",
            "0.01, 0.00, 0.00, false",
            "0.01, 100.00, 100.00, false"})
    void atMostWhatWasPaidLessWhatWasAskedBackIsAskedBack(String amount, String paid, String asked, boolean allowed) {
        Runnable check = () -> Recovery.requireRecoverable(Money.parse(amount), Money.parse(paid), Money.parse(asked));
        if (allowed) {
            check.run();
        } else {
            BusinessException e = assertThrows(BusinessException.class, check::run);
            assertEquals("recovery.beyondPaid", e.messageKey());
            assertEquals(paid, e.arguments()[1], "both figures are named");
            assertEquals(asked, e.arguments()[2]);
        }
    }

    @Test
    void aRepaymentNamesTheBanksReferenceAndWasReceivedByToday() {
        LocalDate today = LocalDate.of(2026, 5, 1);
        RecoveryRepayment p = new RecoveryRepayment(7, Money.parse("10.00"), today, " CMB2026050100017 ", "finance", NOW);
        assertEquals("CMB2026050100017", p.getBankReference());
        assertTrue(p.sameAs(Money.parse("10.00"), today));
        assertFalse(p.sameAs(Money.parse("10.01"), today));
        assertFalse(p.sameAs(Money.parse("10.00"), today.minusDays(1)));
        assertEquals("recovery.receivedInFuture", assertThrows(BusinessException.class, () -> new RecoveryRepayment(7,
                Money.parse("1.00"), today.plusDays(1), "R1", "finance", NOW)).messageKey());
        assertEquals("recovery.bankReferenceRequired", assertThrows(BusinessException.class, () -> new RecoveryRepayment(7,
                Money.parse("1.00"), today, "  ", "finance", NOW)).messageKey());
        assertEquals("recovery.receivedOnRequired", assertThrows(BusinessException.class, () -> new RecoveryRepayment(7,
                Money.parse("1.00"), null, "R1", "finance", NOW)).messageKey());
        assertEquals("recovery.bankReferenceTooLong", assertThrows(BusinessException.class, () -> new RecoveryRepayment(7,
                Money.parse("1.00"), today, "R".repeat(65), "finance", NOW)).messageKey());
    }
}
