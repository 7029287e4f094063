package org.innofund.payment.application;

import org.innofund.payment.domain.Recovery;
import org.innofund.payment.domain.RecoveryOrigin;
import org.innofund.payment.domain.RecoveryState;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A recovery (追回) as a reader sees it: how much, why, by when, what was repaid and is still owed, whether it is overdue
 * (by the bureau's date) and blocks payments to the enterprise. Who raised it and who released its block, and why, are
 * the bureau's: an enterprise reads them as null.
 */
public record RecoveryView(long id, long version, long callId, String callTitle, long enterpriseId, String uscc,
                           String enterpriseName, Long projectId, RecoveryOrigin origin, Money amount, Money repaid,
                           Money outstanding, String reason, LocalDate dueOn, RecoveryState state, boolean overdue,
                           boolean blocksPayments, Instant raisedAt, Instant settledAt, String raisedBy,
                           String blockReleasedBy, Instant blockReleasedAt, String blockReleaseReason)
        implements Serializable {

    static RecoveryView of(Recovery r, String callTitle, String uscc, String enterpriseName, LocalDate today,
                           boolean bureau) {
        return new RecoveryView(r.getId(), r.getVersion(), r.getCallId(), callTitle, r.getEnterpriseId(), uscc,
                enterpriseName, r.getProjectId(), r.getOrigin(), r.getAmount(), r.getRepaid(), r.outstanding(),
                r.getReason(), r.getDueOn(), r.getState(), r.overdue(today), r.blocksPayments(), r.getCreatedAt(),
                r.getSettledAt(), bureau ? r.getRaisedBy() : null, bureau ? r.getBlockReleasedBy() : null,
                bureau ? r.getBlockReleasedAt() : null, bureau ? r.getBlockReleaseReason() : null);
    }
}
