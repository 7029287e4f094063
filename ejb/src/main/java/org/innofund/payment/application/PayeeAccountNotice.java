package org.innofund.payment.application;

import java.time.Instant;

/**
 * What the enterprise's users are told of a recent change of its account: when, by whom, the new account's bank and
 * last four digits (the old one's too, if any), and until when payments to it wait (null: not held).
 */
public record PayeeAccountNotice(long id, Instant changedAt, String changedBy, String changedByName, String bankName,
                                 String tail, String oldBankName, String oldTail, Instant holdEnds) {
}
