package org.innofund.web.payment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.BudgetView;
import org.innofund.payment.application.Ledger;
import org.innofund.payment.application.LedgerTransactionView;
import org.innofund.payment.application.PaymentItemView;
import org.innofund.payment.application.PaymentItems;
import org.innofund.payment.domain.LedgerAccount;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;
import org.innofund.web.shared.BusinessCall;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * 预算台账: every published call's budget and each program-year's, as the ledger derives them; a figure opens the
 * transactions behind it (the newest {@link #SHOWN}); a call's payment items open below it too.
 */
@Named
@ViewScoped
public class BudgetsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The transactions one opening shows. */
    static final int SHOWN = 100;

    @EJB
    private Ledger ledger;

    @EJB
    private PaymentItems paymentItems;

    private List<BudgetView> budgets = List.of();
    private List<BudgetView> programYears = List.of();
    private BudgetView opened;
    private LedgerAccount account;
    private List<LedgerTransactionView> transactions = List.of();
    private BudgetView itemsOf;
    private List<PaymentItemView> items = List.of();

    @PostConstruct
    void load() {
        BusinessCall.run(() -> {
            budgets = ledger.budgets();
            programYears = ledger.programYears();
        });
    }

    /** The transactions of the call moving that account. */
    public void open(BudgetView budget, LedgerAccount account) {
        if (BusinessCall.run(() -> transactions = ledger.transactions(budget.callId(), account, 0, SHOWN))) {
            this.opened = budget;
            this.account = account;
        }
    }

    /** 应付款项: the call's payment items (the newest {@link #SHOWN}), the newest run's first. */
    public void openItems(BudgetView budget) {
        if (BusinessCall.run(() -> items = paymentItems.ofCall(budget.callId(), null, 0, SHOWN))) {
            itemsOf = budget;
        }
    }

    /**
     * How the transaction changed the opened figure, signed: the account's movement, and for SOURCE (the budget, minus
     * the source's balance) the opposite, so that an allocation reads as the budget growing.
     */
    public String change(LedgerTransactionView t) {
        BigDecimal movement = t.amounts().getOrDefault(account, BigDecimal.ZERO);
        BigDecimal shown = account == LedgerAccount.SOURCE ? movement.negate() : movement;
        return (shown.signum() < 0 ? "−" : "+") + MoneyFormat.yuan(Money.of(shown.abs()));
    }

    public List<BudgetView> getBudgets() {
        return budgets;
    }

    public List<BudgetView> getProgramYears() {
        return programYears;
    }

    public BudgetView getOpened() {
        return opened;
    }

    public LedgerAccount getAccount() {
        return account;
    }

    public List<LedgerTransactionView> getTransactions() {
        return transactions;
    }

    public BudgetView getItemsOf() {
        return itemsOf;
    }

    public List<PaymentItemView> getItems() {
        return items;
    }
}
