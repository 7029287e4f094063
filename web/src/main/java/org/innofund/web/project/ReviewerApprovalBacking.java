package org.innofund.web.project;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.project.application.ApprovalCandidates;
import org.innofund.project.application.ApprovalListView;
import org.innofund.project.application.ApprovalLists;
import org.innofund.project.domain.ApprovalCandidate;
import org.innofund.project.domain.ApprovalListState;
import org.innofund.project.domain.Proposal;
import org.innofund.shared.Money;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * 立项建议 (?call=): the reviewer's ranked candidates of a call with a decision each (proposed with an amount, or a
 * reason), the running total against the budget, saved as the call's draft list and submitted to the approvers. The
 * decisions start from the live draft, or from the list last sent back (its revision is the next version).
 */
@Named
@ViewScoped
public class ReviewerApprovalBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApprovalLists lists;

    @Inject
    @Param(name = "call")
    private Long callId;

    private ApprovalCandidates candidates;
    private List<Row> rows = List.of();
    private Money total = Money.ZERO;

    /** One candidate and the reviewer's decision on it, as the form holds it. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int rank;
        private final ApprovalCandidate candidate;
        private boolean proposed;
        private BigDecimal amount;
        private String reason;

        Row(int rank, ApprovalCandidate candidate, ApprovalListView.Line decided) {
            this.rank = rank;
            this.candidate = candidate;
            if (decided != null) {
                proposed = decided.proposed();
                amount = decided.approvedAmount() == null ? null : decided.approvedAmount().amount();
                reason = decided.reason();
            }
        }

        Proposal proposal() {
            return proposed ? Proposal.of(candidate.declarationId(), amount)
                    : Proposal.notProposed(candidate.declarationId(), reason);
        }

        public int getRank() { return rank; }
        public ApprovalCandidate getCandidate() { return candidate; }
        public boolean isProposed() { return proposed; }
        public void setProposed(boolean proposed) { this.proposed = proposed; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    @PostConstruct
    void load() {
        if (callId == null || !BusinessCall.run(() -> candidates = lists.candidates(callId))) {
            return;
        }
        ApprovalListView from = candidates.current() != null ? candidates.current()
                : candidates.lists().isEmpty() ? null : candidates.lists().get(0);
        Map<Long, ApprovalListView.Line> decided = from == null ? Map.of()
                : from.lines().stream().collect(Collectors.toMap(ApprovalListView.Line::declarationId, Function.identity()));
        List<ApprovalCandidate> ranked = candidates.ranked();
        rows = IntStream.range(0, ranked.size()).mapToObj(i -> new Row(i + 1, ranked.get(i),
                decided.get(ranked.get(i).declarationId()))).toList();
        recount();
    }

    /** 合计: what the proposed amounts come to now (the page shows it against the budget as the form changes). */
    public void recount() {
        total = lists.total(proposals());
    }

    /** 保存草稿 */
    public void save() {
        if (BusinessCall.run(this::draft)) {
            Feedback.info("approval.saved");
            load();
        }
    }

    /** 提交审批: saved as it stands, then submitted (the confirmation was asked first). */
    public void submit() {
        ApprovalListView[] saved = new ApprovalListView[1];
        if (BusinessCall.run(() -> saved[0] = draft())
                && BusinessCall.run(() -> lists.submit(saved[0].id(), saved[0].version()))) {
            Feedback.info("approval.submitted", saved[0].versionNo());
            load();
        } else if (saved[0] != null) {
            // the draft was saved though not submitted: the page goes on from the saved version
            candidates = new ApprovalCandidates(candidates.callId(), candidates.callTitle(), candidates.kind(),
                    candidates.budget(), candidates.ranked(), saved[0], candidates.lists());
        }
    }

    private ApprovalListView draft() {
        ApprovalListView current = candidates.current();
        return current == null ? lists.propose(callId, proposals())
                : lists.revise(current.id(), current.version(), proposals());
    }

    private List<Proposal> proposals() {
        return rows.stream().map(Row::proposal).toList();
    }

    /** Whether the reviewer may decide now: candidates, and no list waiting for or past the approvers' decision. */
    public boolean isEditable() {
        return candidates != null && !rows.isEmpty()
                && (candidates.current() == null || candidates.current().state() == ApprovalListState.DRAFT);
    }

    public boolean isOverBudget() {
        return candidates != null && total.isGreaterThan(candidates.budget());
    }

    /** What is left of the budget (zero when the total is over it). */
    public Money getRemaining() {
        return candidates == null || isOverBudget() ? Money.ZERO : candidates.budget().minus(total);
    }

    /** The version last sent back, with its reason, while its revision is being drawn up. */
    public ApprovalListView getReturned() {
        return candidates == null || candidates.current() != null || candidates.lists().isEmpty() ? null
                : candidates.lists().get(0);
    }

    public Long getCallId() { return callId; }
    public ApprovalCandidates getCandidates() { return candidates; }
    public List<Row> getRows() { return rows; }
    public Money getTotal() { return total; }
}
