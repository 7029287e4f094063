package org.innofund.payment.application;

import java.time.Instant;

/**
 * 待核实的账户变更: an enterprise's current account on hold, with the account it replaced (bank and last four digits
 * only), for finance to call the company and release it.
 */
public record PayeeHoldView(long id, long version, long enterpriseId, String enterpriseName, String uscc,
                            String accountName, String bankName, String branchName, String tail, String oldBankName,
                            String oldTail, String changedBy, String changedByName, Instant changedAt,
                            Instant holdEnds) {
}
