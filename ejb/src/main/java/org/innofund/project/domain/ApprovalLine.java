package org.innofund.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.shared.FlagConverter;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of an approval list: the candidate as read (see {@link ApprovalCandidate}) and the reviewer's proposal,
 * checked by {@link ApprovalRules}. Its rank is its position in the list plus one. Never changed once written: a
 * revision writes the list's lines anew.
 */
@Embeddable
public class ApprovalLine {

    @Column(name = "declaration_id", nullable = false)
    private Long declarationId;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(name = "enterprise_name", nullable = false, length = Lengths.ORGANISATION_NAME)
    private String enterpriseName;

    @Column(name = "project_name", length = Lengths.TITLE)
    private String projectName;

    @Column(name = "declaration_submitted_at", nullable = false)
    private Instant submittedAt;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "requested_amount", nullable = false, precision = 16, scale = 2)
    private Money requestedAmount;

    @Column(name = "evaluation_id", nullable = false)
    private Long evaluationId;

    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal score;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Grade grade;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Verdict verdict;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "recommended_amount", precision = 16, scale = 2)
    private Money recommendedAmount;

    @Column(name = "dispersed_sheets", nullable = false)
    private int dispersedSheets;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean blacklisted;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean proposed;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "approved_amount", precision = 16, scale = 2)
    private Money approvedAmount;

    @Column(length = Lengths.REASON)
    private String reason;

    protected ApprovalLine() {
    }

    ApprovalLine(ApprovalCandidate c, Money approvedAmount, String reason) {
        this.declarationId = c.declarationId();
        this.enterpriseId = c.enterpriseId();
        this.enterpriseName = c.enterpriseName();
        this.projectName = c.projectName();
        this.submittedAt = c.submittedAt();
        this.requestedAmount = c.requestedAmount();
        this.evaluationId = c.evaluationId();
        this.score = c.score();
        this.grade = c.grade();
        this.verdict = c.verdict();
        this.recommendedAmount = c.recommendedAmount();
        this.dispersedSheets = c.dispersedSheets();
        this.blacklisted = c.blacklisted();
        this.proposed = approvedAmount != null;
        this.approvedAmount = approvedAmount;
        this.reason = reason;
    }

    /** The candidate this line was drawn from, as read then. */
    public ApprovalCandidate candidate() {
        return new ApprovalCandidate(declarationId, enterpriseId, enterpriseName, projectName, submittedAt,
                requestedAmount, evaluationId, score, grade, verdict, recommendedAmount, dispersedSheets, blacklisted);
    }

    /** The proposal this line holds. */
    public Proposal proposal() {
        return new Proposal(declarationId, proposed, approvedAmount == null ? null : approvedAmount.amount(), reason);
    }

    public Long getDeclarationId() {
        return declarationId;
    }

    public boolean isProposed() {
        return proposed;
    }

    public Money getApprovedAmount() {
        return approvedAmount;
    }

    public String getReason() {
        return reason;
    }
}
