package org.innofund.payment.application;

import java.io.Serializable;

/**
 * What recording a repayment did: {@code alreadyRecorded} when the bank reference was recorded for this recovery
 * before with the same amount and date (nothing changed: the same transfer is not counted twice).
 */
public record RepaymentOutcome(RecoveryDetail recovery, boolean alreadyRecorded) implements Serializable {
}
