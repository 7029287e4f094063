package org.innofund.payment.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.innofund.payment.domain.PaymentResult;
import org.innofund.shared.Lengths;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The bank's result for one item of a batch, as finance records it: PAID with the bank's reference and the date, or
 * FAILED with the reason.
 */
public record BankResult(@NotNull Long itemId, @NotNull PaymentResult result,
                         @Size(max = Lengths.DOCUMENT_NO) String bankReference, LocalDate paidOn,
                         @Size(max = Lengths.REASON) String reason) implements Serializable {
}
