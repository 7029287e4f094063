package org.innofund.web.payment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.payment.application.MyPayeeAccount;
import org.innofund.payment.application.PayeeAccountChange;
import org.innofund.payment.application.PayeeAccountView;
import org.innofund.payment.application.PayeeAccounts;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.Objects;

/** 收款账户: the enterprise's account as read, and a new one saved on the account and version read. */
@Named
@ViewScoped
public class PayeeAccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PayeeAccounts accounts;

    private MyPayeeAccount mine;
    private boolean stale;
    private String accountName;
    private String accountNumber;
    private String bankName;
    private String branchName;

    @PostConstruct
    void load() {
        if (BusinessCall.run(() -> mine = accounts.mine())) {
            PayeeAccountView current = mine.current();
            accountName = current == null ? mine.registeredName() : current.accountName();
            accountNumber = current == null ? null : current.accountNumber();
            bankName = current == null ? null : current.bankName();
            branchName = current == null ? null : current.branchName();
        }
    }

    public void save() {
        PayeeAccountView read = mine.current();
        Long replaces = read == null ? null : read.id();
        Long version = read == null ? null : read.version();
        if (BusinessCall.run(() -> accounts.change(new PayeeAccountChange(replaces, version, accountName, accountNumber,
                bankName, branchName)))) {
            load();
            Feedback.info("payeeAccount.saved");
        } else {
            // refused: if because someone else changed the account meanwhile, offer a reload instead of the save
            BusinessCall.run(() -> {
                PayeeAccountView now = accounts.mine().current();
                stale = !Objects.equals(now == null ? null : now.id(), replaces)
                        || !Objects.equals(now == null ? null : now.version(), version);
            });
        }
    }

    public MyPayeeAccount getMine() { return mine; }
    public boolean isStale() { return stale; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String v) { accountName = v; }
    public String getAccountNumber() { return accountNumber; }
    public void setAccountNumber(String v) { accountNumber = v; }
    public String getBankName() { return bankName; }
    public void setBankName(String v) { bankName = v; }
    public String getBranchName() { return branchName; }
    public void setBranchName(String v) { branchName = v; }
}
