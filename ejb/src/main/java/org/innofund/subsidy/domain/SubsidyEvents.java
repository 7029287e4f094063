package org.innofund.subsidy.domain;

import org.innofund.shared.Money;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

/** What happens to calculation runs. */
public final class SubsidyEvents {

    private SubsidyEvents() {
    }

    /** 开始核定: a new version of the call's calculation, a preview. */
    public record CalculationRunStarted(Actor by, long runId, long callId, int versionNo, int lines, Money total)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.CALCULATION_RUN_START; }
        public String target() { return "calculationRun:" + runId; }
        public String detail() { return "call:" + callId + " version " + versionNo + " lines " + lines + " total " + total.amount().toPlainString(); }
    }

    /** 批准核定: the run's amounts become the basis of payment; {@code supersededRunId} the call's run approved before, if any. */
    public record CalculationRunApproved(Actor by, long runId, long callId, int versionNo, Money total,
                                         Long supersededRunId) implements DomainEvent {
        public AuditAction action() { return AuditAction.CALCULATION_RUN_APPROVE; }
        public String target() { return "calculationRun:" + runId; }
        public String detail() { return "call:" + callId + " version " + versionNo + " total " + total.amount().toPlainString(); }
    }
}
