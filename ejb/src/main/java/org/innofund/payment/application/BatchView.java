package org.innofund.payment.application;

import org.innofund.payment.domain.PaymentBatch;
import org.innofund.payment.domain.PaymentBatchState;
import org.innofund.payment.domain.TreasuryFile;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/**
 * A payment batch as shown: its state, totals, who prepared, decided and exported it and when. {@code version} is what
 * a change of it must carry; {@code pending} the lines still waiting for the bank's result.
 */
public record BatchView(long id, String reference, PaymentBatchState state, int lineCount, Money total, String preparedBy,
                        Instant createdAt, Instant submittedAt, String decidedBy, Instant decidedAt, String rejectReason,
                        String exportedBy, Instant exportedAt, Instant closedAt, long pending, long version)
        implements Serializable {

    static BatchView of(PaymentBatch b, long pending) {
        return new BatchView(b.getId(), TreasuryFile.batchReference(b.getId()), b.getState(), b.getLineCount(), b.getTotal(),
                b.getPreparedBy(), b.getCreatedAt(), b.getSubmittedAt(), b.getDecidedBy(), b.getDecidedAt(),
                b.getRejectReason(), b.getExportedBy(), b.getExportedAt(), b.getClosedAt(), pending, b.getVersion());
    }
}
