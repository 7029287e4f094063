package org.innofund.payment.application;

/**
 * An enterprise's new payee account, made on the account it read: {@code replaces} the id of the current account it
 * saw with its {@code version}, both null when it saw none (its first account).
 */
public record PayeeAccountChange(Long replaces, Long version, String accountName, String accountNumber, String bankName,
                                 String branchName) {
}
