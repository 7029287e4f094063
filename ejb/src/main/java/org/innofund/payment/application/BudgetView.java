package org.innofund.payment.application;

import org.innofund.payment.domain.Balances;
import org.innofund.shared.Money;

/**
 * 预算执行: a call's (or a program-year's: no call id) budget as its ledger says — allocated, committed and not paid, paid (less what
 * was asked back), asked back and not repaid, repaid, and available — each derived from the entries.
 */
public record BudgetView(Long callId, String title, int year, int calls, Money budget, Money committed, Money paid,
                         Money receivable, Money recovered, Money available) {

    /** {@code callId} null for a program-year. */
    static BudgetView of(Long callId, String title, int year, int calls, Balances b, Money recovered) {
        return new BudgetView(callId, title, year, calls, b.budget(), b.committed(), b.paid(), b.receivable(), recovered,
                b.available());
    }
}
