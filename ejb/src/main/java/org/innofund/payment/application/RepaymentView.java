package org.innofund.payment.application;

import org.innofund.payment.domain.RecoveryRepayment;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One repayment of a recovery (还款记录); who recorded it is the bureau's (null for the enterprise). */
public record RepaymentView(long id, Money amount, LocalDate receivedOn, String bankReference, Instant recordedAt,
                            String recordedBy) implements Serializable {

    static RepaymentView of(RecoveryRepayment p, boolean bureau) {
        return new RepaymentView(p.getId(), p.getAmount(), p.getReceivedOn(), p.getBankReference(), p.getRecordedAt(),
                bureau ? p.getRecordedBy() : null);
    }
}
