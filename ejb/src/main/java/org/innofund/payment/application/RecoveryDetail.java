package org.innofund.payment.application;

import java.io.Serializable;
import java.util.List;

/** A recovery with its repayments, the oldest first. */
public record RecoveryDetail(RecoveryView recovery, List<RepaymentView> repayments) implements Serializable {
}
