package org.innofund.payment.application;

import java.util.List;

/**
 * 收款账户 as the enterprise's page shows it: its registered name (what the account name must be), its current account
 * (null: none yet), every account it had, the newest first, and how many days a change holds payments by default.
 */
public record MyPayeeAccount(long enterpriseId, String registeredName, PayeeAccountView current,
                             List<PayeeAccountView> history, int holdDays) {
}
