package org.innofund.payment.application;

import org.innofund.payment.domain.PayeeAccount;
import org.innofund.payment.domain.PayeeAccountEvents;

import java.time.Instant;

/**
 * A payee account as its enterprise and finance read it: {@code holdEnds} for a call holding changed accounts the
 * default days (null: not held, or released); {@code changedByName} the changer's display name.
 */
public record PayeeAccountView(long id, long version, long enterpriseId, String accountName, String accountNumber,
                               String tail, String bankName, String branchName, boolean current, boolean changed,
                               String changedBy, String changedByName, Instant changedAt, Instant supersededAt,
                               Instant holdEnds, boolean onHold, String holdReleasedBy, Instant holdReleasedAt,
                               String holdReleaseNote) {

    static PayeeAccountView of(PayeeAccount a, String changedByName, int holdDays, Instant now) {
        return new PayeeAccountView(a.getId(), a.getVersion(), a.getEnterpriseId(), a.getAccountName(),
                a.getAccountNumber(), PayeeAccountEvents.lastDigits(a.getAccountNumber()), a.getBankName(),
                a.getBranchName(), a.isCurrent(), a.getReplacesId() != null, a.getChangedBy(), changedByName,
                a.getChangedAt(), a.getSupersededAt(), a.holdEnds(holdDays), a.isCurrent() && a.onHold(holdDays, now),
                a.getHoldReleasedBy(), a.getHoldReleasedAt(), a.getHoldReleaseNote());
    }
}
