package org.innofund.project.application;

import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.project.domain.ApprovalCandidate;
import org.innofund.project.domain.ApprovalLine;
import org.innofund.project.domain.ApprovalList;
import org.innofund.project.domain.ApprovalListState;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One version of a call's approval list as the reviewer and the approver see it: its lines in rank order, the total
 * proposed against the budget, who prepared, submitted and decided it, and why it was sent back. {@code version} goes
 * back with any change or decision.
 */
public record ApprovalListView(Long id, Long callId, String callTitle, int versionNo, ApprovalListState state,
                               Money budget, Money total, int proposedCount, String preparedBy, String submittedBy,
                               Instant submittedAt, String decidedBy, Instant decidedAt, String decisionReason,
                               Long revisesId, List<Line> lines, long version) implements Serializable {

    /** One line: its rank, the candidate as read, and the proposal. */
    public record Line(int rank, Long declarationId, Long enterpriseId, String enterpriseName, String projectName,
                       Instant submittedAt, Money requestedAmount, Long evaluationId, BigDecimal score, Grade grade,
                       Verdict verdict, Money recommendedAmount, int dispersedSheets, boolean blacklisted,
                       boolean proposed, Money approvedAmount, String reason) implements Serializable {
    }

    static ApprovalListView of(ApprovalList list, String callTitle) {
        List<ApprovalLine> lines = list.getLines();
        List<Line> rows = IntStream.range(0, lines.size()).mapToObj(i -> {
            ApprovalLine l = lines.get(i);
            ApprovalCandidate c = l.candidate();
            return new Line(i + 1, c.declarationId(), c.enterpriseId(), c.enterpriseName(), c.projectName(),
                    c.submittedAt(), c.requestedAmount(), c.evaluationId(), c.score(), c.grade(), c.verdict(),
                    c.recommendedAmount(), c.dispersedSheets(), c.blacklisted(), l.isProposed(), l.getApprovedAmount(),
                    l.getReason());
        }).toList();
        return new ApprovalListView(list.getId(), list.getCallId(), callTitle, list.getVersionNo(), list.getState(),
                list.getBudget(), list.total(), (int) rows.stream().filter(Line::proposed).count(), list.getPreparedBy(),
                list.getSubmittedBy(), list.getSubmittedAt(), list.getDecidedBy(), list.getDecidedAt(),
                list.getDecisionReason(), list.getRevisesId(), rows, list.getVersion());
    }
}
