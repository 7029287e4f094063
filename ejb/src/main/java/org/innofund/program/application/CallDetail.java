package org.innofund.program.application;

import jakarta.validation.constraints.Size;
import org.innofund.program.domain.CallStatus;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/** A call with everything it says: guide, dates, budget and limit, required attachments, scoring template, rule parameters. */
public record CallDetail(Long id, Long programId, String programName, SubsidyKind subsidyKind, String department,
                         String title, int year, Instant opensAt, Instant closesAt, Money budget, Money maxRequest,
                         String guide, CallStatus status, boolean open, List<Requirement> requiredAttachments,
                         List<Indicator> scoringTemplate, SortedMap<String, BigDecimal> ruleParameters, String createdBy,
                         String publishedBy, Instant publishedAt, Returned returned, long version,
                         Set<EvaluationStage> evaluationStages, boolean consolidatedSheetAllowed) implements Serializable {

    /** The most required attachments or scoring indicators a call may have. */
    public static final int MAX_ROWS = 50;

    public record Requirement(@Size(max = Lengths.SHORT_NAME) String name, boolean required,
                              @Size(max = 64) String allowedTypes) implements Serializable {
    }

    /** 退回意见: the approver's last opinion on the draft, who gave it and when. */
    public record Returned(String opinion, String by, Instant at) implements Serializable {
    }

    public record Indicator(@Size(max = Lengths.SHORT_NAME) String name, int weight) implements Serializable {
    }

    /** What the public is shown: the department answers for a call, never the staff who prepared or published it. */
    public CallDetail withoutStaffNames() {
        return new CallDetail(id, programId, programName, subsidyKind, department, title, year, opensAt, closesAt, budget,
                maxRequest, guide, status, open, requiredAttachments, scoringTemplate, ruleParameters, null, null,
                publishedAt, null, version, evaluationStages, consolidatedSheetAllowed);
    }

    /** What the calls commit together: the sum of their budgets. */
    public static Money totalBudget(List<CallDetail> calls) {
        return Money.sum(calls.stream().map(CallDetail::budget));
    }

    public static CallDetail of(FundingCall c, Instant now) {
        return new CallDetail(c.getId(), c.getProgram().getId(), c.getProgram().getName(), c.getProgram().getSubsidyKind(),
                c.getProgram().getDepartment(), c.getTitle(), c.getYear(), c.getOpensAt(), c.getClosesAt(), c.getBudget(),
                c.getMaxRequest(), c.getGuide(), c.getStatus(), c.isOpen(now),
                c.getRequiredAttachments().stream().map(r -> new Requirement(r.getName(), r.isRequired(),
                        org.innofund.shared.FileType.formatList(r.getAllowedTypes()))).toList(),
                c.getScoringTemplate().stream().map(i -> new Indicator(i.getName(), i.getWeight())).toList(),
                c.getRuleParameters().asMap(), c.getCreatedBy(), c.getPublishedBy(), c.getPublishedAt(),
                c.getReturnOpinion() == null ? null : new Returned(c.getReturnOpinion(), c.getReturnedBy(), c.getReturnedAt()),
                c.getVersion(), c.getEvaluationStages(), c.isConsolidatedSheetAllowed());
    }
}
