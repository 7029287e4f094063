package org.innofund.payment.domain;

/**
 * 拨付限制: why an item cannot be paid now. Each carries the key of the reason shown to finance (both languages), and
 * finance sees every reason an item has at once.
 */
public enum PaymentBlock {
    /** 无收款账户: the enterprise has no current payee account. */
    NO_ACCOUNT("paymentBlock.noAccount"),
    /** 户名不符: the account's name is not the enterprise's registered name (now). */
    NAME_MISMATCH("paymentBlock.nameMismatch"),
    /** 账户已变更: at export, the enterprise's account is no longer the one the batch was approved with. */
    ACCOUNT_CHANGED("paymentBlock.accountChanged"),
    /** 账户冻结期: the account was changed and the call's hold has not ended (nor been released). */
    ACCOUNT_ON_HOLD("paymentBlock.accountOnHold"),
    /** 诚信黑名单: the enterprise is on the integrity blacklist on the payment date. */
    BLACKLISTED("paymentBlock.blacklisted"),
    /** 未结追回: an open recovery against the enterprise whose block no approver released. */
    OPEN_RECOVERY("paymentBlock.openRecovery");

    private final String messageKey;

    PaymentBlock(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
