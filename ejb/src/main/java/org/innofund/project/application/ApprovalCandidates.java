package org.innofund.project.application;

import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.ApprovalCandidate;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.util.List;

/**
 * What the reviewer draws a call's approval list from: the candidates in rank order (APPROVAL total descending, earlier
 * submission first), the call's budget, and the lists of the call so far, newest first ({@code current}: the live
 * one, or null when there is none or the newest was sent back, which the next version revises).
 */
public record ApprovalCandidates(Long callId, String callTitle, SubsidyKind kind, Money budget,
                                 List<ApprovalCandidate> ranked, ApprovalListView current, List<ApprovalListView> lists)
        implements Serializable {

    /** Whether the reviewer may draw up a new version now (none is live). */
    public boolean mayPropose() {
        return current == null && !ranked.isEmpty();
    }
}
