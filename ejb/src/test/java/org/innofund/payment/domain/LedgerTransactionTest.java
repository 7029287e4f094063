package org.innofund.payment.domain;

import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The ledger's invariants: every transaction sums to zero in whole fen; balances keep to their side; a reversal undoes. */
class LedgerTransactionTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
    private static final long CALL = 10;

    @Test
    void eachKindMovesItsAccountsInWholeFenAndSumsToZero() {
        LedgerTransaction allocation = LedgerTransaction.allocation(CALL, Money.parse("1000000.05"), "approver", NOW);
        assertEquals(Map.of(LedgerAccount.SOURCE, -100000005L, LedgerAccount.AVAILABLE, 100000005L), allocation.effect());
        assertEquals("call:10", allocation.getReference());
        LedgerTransaction commitment = LedgerTransaction.commitment(CALL, "item:21", Money.parse("0.01"), "approver", NOW);
        assertEquals(Map.of(LedgerAccount.AVAILABLE, -1L, LedgerAccount.COMMITTED, 1L), commitment.effect());
        assertEquals("item:21", commitment.getReference());
        LedgerTransaction release = LedgerTransaction.release(CALL, "item:21", Money.parse("0.01"), "approver", NOW);
        assertEquals(Map.of(LedgerAccount.COMMITTED, -1L, LedgerAccount.AVAILABLE, 1L), release.effect());
        LedgerTransaction payment = LedgerTransaction.payment(CALL, "item:21", Money.parse("2.50"), "finance", NOW);
        assertEquals(Map.of(LedgerAccount.COMMITTED, -250L, LedgerAccount.PAID, 250L), payment.effect());
        assertEquals(LedgerTransactionKind.PAYMENT, payment.getKind());
        LedgerTransaction recovery = LedgerTransaction.recovery(CALL, "recovery:3", Money.parse("1.00"), "reviewer", NOW);
        assertEquals(Map.of(LedgerAccount.PAID, -100L, LedgerAccount.RECEIVABLE, 100L), recovery.effect());
        assertEquals(LedgerTransactionKind.RECOVERY, recovery.getKind());
        LedgerTransaction repayment = LedgerTransaction.repayment(CALL, "recovery:3", Money.parse("0.40"), "finance", NOW);
        assertEquals(Map.of(LedgerAccount.RECEIVABLE, -40L, LedgerAccount.AVAILABLE, 40L), repayment.effect());
        assertEquals(LedgerTransactionKind.REPAYMENT, repayment.getKind());
        for (LedgerTransaction t : List.of(allocation, commitment, release, payment, recovery, repayment)) {
            assertEquals(0L, t.getEntries().stream().mapToLong(LedgerEntry::getAmountFen).sum());
            assertEquals(2, t.getEntries().size());
            t.getEntries().forEach(e -> assertEquals(CALL, e.getCallId()));
        }
    }

    @Test
    void nothingIsMovedForNothing() {
        assertThrows(IllegalArgumentException.class,
                () -> LedgerTransaction.commitment(CALL, "item:21", Money.ZERO, "approver", NOW));
    }

    @Test
    void theLargestBudgetFitsInFen() {
        LedgerTransaction t = LedgerTransaction.allocation(CALL, Money.MAX, "approver", NOW);
        assertEquals(9999999999999999L, t.effect().get(LedgerAccount.AVAILABLE));
    }

    @Test
    void aReversalNegatesEveryEntryUnderTheSameReferenceWithItsReason() {
        LedgerTransaction commitment = recorded(LedgerTransaction.commitment(CALL, "item:21", Money.parse("300000.00"), "a", NOW), 7);
        LedgerTransaction reversal = commitment.reversal("  重复批准  ", "finance", NOW);
        assertEquals(LedgerTransactionKind.REVERSAL, reversal.getKind());
        assertEquals(7L, reversal.getReversesId());
        assertEquals("重复批准", reversal.getReason());
        assertEquals("item:21", reversal.getReference());
        assertEquals(Map.of(LedgerAccount.AVAILABLE, 30000000L, LedgerAccount.COMMITTED, -30000000L), reversal.effect());
        Balances before = Balances.of(Map.of(LedgerAccount.SOURCE, -30000000L, LedgerAccount.COMMITTED, 30000000L));
        Balances undone = before.after(reversal);
        assertEquals(Money.parse("300000.00"), undone.available());
        assertEquals(Money.ZERO, undone.committed());
    }

    @Test
    void aReversalSaysWhyAndIsNotItselfReversedNorMadeOfAnUnrecordedTransaction() {
        LedgerTransaction commitment = recorded(LedgerTransaction.commitment(CALL, "item:21", Money.parse("1.00"), "a", NOW), 7);
        assertThrows(IllegalArgumentException.class, () -> commitment.reversal(" ", "finance", NOW));
        LedgerTransaction reversal = recorded(commitment.reversal("错", "finance", NOW), 8);
        assertThrows(IllegalStateException.class, () -> reversal.reversal("再错", "finance", NOW));
        assertThrows(IllegalStateException.class,
                () -> LedgerTransaction.commitment(CALL, "item:22", Money.parse("1.00"), "a", NOW).reversal("x", "f", NOW));
    }

    @Test
    void aCommitmentBeyondWhatIsAvailableIsRefusedAndAnExactFitIsNot() {
        Balances b = Balances.of(Map.of()).after(LedgerTransaction.allocation(CALL, Money.parse("1000.00"), "a", NOW));
        Balances full = b.after(LedgerTransaction.commitment(CALL, "item:1", Money.parse("1000.00"), "a", NOW));
        assertEquals(Money.ZERO, full.available());
        assertEquals(Money.parse("1000.00"), full.committed());
        assertEquals(Money.parse("1000.00"), full.budget());
        BusinessException refused = assertThrows(BusinessException.class,
                () -> b.after(LedgerTransaction.commitment(CALL, "item:1", Money.parse("1000.01"), "a", NOW)));
        assertEquals("ledger.overdrawn.AVAILABLE", refused.messageKey());
        assertEquals(List.of("1,000.01", "1,000.00"), List.of(refused.arguments()));
        assertEquals(Money.parse("1000.00"), b.available()); // the refusal changed nothing
    }

    @Test
    void moreThanWasCommittedIsNotReleased() {
        Balances b = Balances.of(Map.of(LedgerAccount.SOURCE, -500L, LedgerAccount.AVAILABLE, 300L,
                LedgerAccount.COMMITTED, 200L));
        assertEquals(Money.parse("5.00"), b.after(LedgerTransaction.release(CALL, "item:1", Money.parse("2.00"), "a", NOW)).available());
        BusinessException refused = assertThrows(BusinessException.class,
                () -> b.after(LedgerTransaction.release(CALL, "item:1", Money.parse("2.01"), "a", NOW)));
        assertEquals("ledger.overdrawn.COMMITTED", refused.messageKey());
    }

    @Test
    void eachAccountKeepsToItsSide() {
        assertEquals(true, LedgerAccount.SOURCE.allows(-1));
        assertEquals(true, LedgerAccount.SOURCE.allows(0));
        assertEquals(false, LedgerAccount.SOURCE.allows(1));
        for (LedgerAccount a : List.of(LedgerAccount.AVAILABLE, LedgerAccount.COMMITTED, LedgerAccount.PAID,
                LedgerAccount.RECEIVABLE)) {
            assertEquals(true, a.allows(0));
            assertEquals(true, a.allows(1));
            assertEquals(false, a.allows(-1), a.name());
        }
    }

    private static LedgerTransaction recorded(LedgerTransaction t, long id) {
        try {
            Field field = BaseEntity.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(t, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return t;
    }
}
