package org.innofund.payment.application;

import org.innofund.payment.domain.PaymentItem;
import org.innofund.payment.domain.PaymentItemState;
import org.innofund.payment.domain.Tranche;
import org.innofund.shared.Money;

import java.time.Instant;

/** A payment item as finance reads it: a run line's (run, position) or a project's advance (project). */
public record PaymentItemView(long id, long callId, Long runId, Integer position, Long projectId, Tranche tranche,
                              long enterpriseId,
                              String uscc, String payeeName, Money amount, PaymentItemState state, Instant createdAt,
                              Instant cancelledAt) {

    static PaymentItemView of(PaymentItem i) {
        return new PaymentItemView(i.getId(), i.getCallId(), i.getRunId(), i.getPosition(), i.getProjectId(),
                i.getTranche(),
                i.getEnterpriseId(), i.getUscc(), i.getPayeeName(), i.getAmount(), i.getState(), i.getCreatedAt(),
                i.getCancelledAt());
    }
}
