package org.innofund.payment.application;

import org.innofund.payment.domain.PaymentResult;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;

/** One line of a batch: the item, the account it is paid to (as when added), and the bank's result. */
public record BatchLineView(long itemId, String itemReference, int position, long callId, String callTitle, String uscc,
                            String payeeName, Money amount, String accountName, String accountNumber, String bankName,
                            String branchName, PaymentResult result, String bankReference, LocalDate paidOn,
                            String failureReason) implements Serializable {
}
