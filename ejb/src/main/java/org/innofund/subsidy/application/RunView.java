package org.innofund.subsidy.application;

import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.CalculationRun;
import org.innofund.subsidy.domain.RunState;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SortedMap;

/**
 * A calculation run as shown: its version, state, who started and approved it, the parameters it used, and its totals
 * against the budget ({@code factor} and {@code leftover} only when pro-rata applied). {@code version} is what an
 * approval must carry. {@code newest}: the call's latest run (only that one may be approved).
 */
public record RunView(Long id, Long callId, String callTitle, int versionNo, SubsidyKind kind, RunState state, String startedBy,
                      Instant startedAt, String approvedBy, Instant approvedAt, SortedMap<String, BigDecimal> parameters,
                      Money budget, Money demand, BigDecimal factor, Money total, Money leftover, int lines,
                      boolean newest, long version) implements Serializable {

    static RunView of(CalculationRun r, String callTitle, boolean newest) {
        return new RunView(r.getId(), r.getCallId(), callTitle, r.getVersionNo(), r.getKind(), r.getState(), r.getStartedBy(),
                r.getStartedAt(), r.getApprovedBy(), r.getApprovedAt(), r.parameters().asMap(), r.getBudget(),
                r.getDemand(), r.getFactor(), r.getTotal(), r.getLeftover(), r.getLineCount(), newest, r.getVersion());
    }

    /** Whether an approver may approve it now (a preview, the newest of its call). */
    public boolean approvable() {
        return state == RunState.PREVIEW && newest;
    }
}
