package org.innofund.payment.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;

import java.util.EnumMap;
import java.util.Map;

/**
 * A call's five account balances in fen, derived from its entries, and the check every new transaction passes: after
 * it, no account is past its side (the budget's guard: nothing committed beyond what is available).
 */
public final class Balances {

    private final Map<LedgerAccount, Long> fen;

    private Balances(Map<LedgerAccount, Long> fen) {
        this.fen = fen;
    }

    /** From the sums per account (an account without entries is 0). */
    public static Balances of(Map<LedgerAccount, Long> sums) {
        Map<LedgerAccount, Long> fen = new EnumMap<>(LedgerAccount.class);
        for (LedgerAccount a : LedgerAccount.values()) {
            fen.put(a, sums.getOrDefault(a, 0L));
        }
        return new Balances(fen);
    }

    /**
     * The balances once {@code tx} is recorded; refused ({@link LedgerAccount#overdrawnKey}: what it would take, what
     * there is) if an account it moves would leave its side. Nothing is changed by a refusal.
     */
    public Balances after(LedgerTransaction tx) {
        Map<LedgerAccount, Long> next = new EnumMap<>(fen);
        tx.effect().forEach((account, delta) -> {
            long balance = Math.addExact(next.get(account), delta);
            if (!account.allows(balance)) {
                long have = Math.abs(next.get(account));
                throw BusinessException.conflict(account.overdrawnKey(),
                        MoneyFormat.figure(Money.ofFen(Math.abs(delta))), MoneyFormat.figure(Money.ofFen(have)));
            }
            next.put(account, balance);
        });
        return new Balances(next);
    }

    public long fen(LedgerAccount account) {
        return fen.get(account);
    }

    /** 预算: what was allocated (minus the source's balance). */
    public Money budget() {
        return Money.ofFen(-fen.get(LedgerAccount.SOURCE));
    }

    public Money available() {
        return Money.ofFen(fen.get(LedgerAccount.AVAILABLE));
    }

    public Money committed() {
        return Money.ofFen(fen.get(LedgerAccount.COMMITTED));
    }

    public Money paid() {
        return Money.ofFen(fen.get(LedgerAccount.PAID));
    }

    public Money receivable() {
        return Money.ofFen(fen.get(LedgerAccount.RECEIVABLE));
    }
}
