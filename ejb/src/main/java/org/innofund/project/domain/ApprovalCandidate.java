package org.innofund.project.domain;

import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * 候选项目: an accepted declaration of the call with a submitted APPROVAL evaluation, as read when the list is drawn up:
 * the declaration's enterprise, project, last submission and requested subsidy (申请财政补助), the agency's newest
 * submitted evaluation (score, grade, recommendation, recommended amount where it gives one) and its flags (experts'
 * sheets flagged for dispersion, the enterprise on the integrity blacklist).
 */
public record ApprovalCandidate(Long declarationId, Long enterpriseId, String enterpriseName, String projectName,
                                Instant submittedAt, Money requestedAmount, Long evaluationId, BigDecimal score,
                                Grade grade, Verdict verdict, Money recommendedAmount, int dispersedSheets,
                                boolean blacklisted) implements Serializable {

    public ApprovalCandidate {
        Objects.requireNonNull(declarationId);
        Objects.requireNonNull(submittedAt);
        Objects.requireNonNull(requestedAmount);
        Objects.requireNonNull(score);
    }

    /** The most the reviewer may propose: the requested subsidy, and the agency's recommended amount where it gave one. */
    public Money ceiling() {
        return recommendedAmount != null && requestedAmount.isGreaterThan(recommendedAmount) ? recommendedAmount
                : requestedAmount;
    }
}
