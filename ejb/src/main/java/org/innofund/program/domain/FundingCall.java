package org.innofund.program.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.FlagConverter;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** 申报通知/指南: one yearly round of a program, open between two instants, with a budget in yuan. */
@Entity
@Table(name = "funding_call")
public class FundingCall extends BaseEntity {

    /** The years a call may be for (call_year is NUMBER(4)). */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    /** The most declarations per enterprise a call may allow. */
    public static final int MAX_DECLARATIONS_PER_ENTERPRISE = 20;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "program_id", nullable = false)
    private Program program;

    @Column(nullable = false, length = Lengths.TITLE)
    private String title;

    @Column(name = "call_year", nullable = false)
    private int year;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, precision = 16, scale = 2)
    private Money budget;

    /*
     * Loaded with the call, as Declaration's CLOBs are: when it was LAZY, revise() lost every change made before its
     * "this.guide = guide" (EclipseLink fetched the missing group and overwrote title, year, dates and budget with the
     * stored values, so the UPDATE set only GUIDE while the service reported success).
     */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String guide;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CallStatus status = CallStatus.DRAFT;

    /** The most an enterprise may request from the budget (申请财政补助上限); null: no limit but the budget. */
    @Convert(converter = MoneyConverter.class)
    @Column(name = "max_request", precision = 16, scale = 2)
    private Money maxRequest;

    @Lob
    @Convert(converter = RuleParametersConverter.class)
    @Column(name = "rule_parameters")
    private RuleParameters ruleParameters;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_attachment_requirement", joinColumns = @JoinColumn(name = "call_id"))
    @OrderColumn(name = "position")
    private List<AttachmentRequirement> requiredAttachments = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_scoring_indicator", joinColumns = @JoinColumn(name = "call_id"))
    @OrderColumn(name = "position")
    private List<ScoringIndicator> scoringTemplate = new ArrayList<>();

    /** 评估阶段: the stages the call's projects go through (default by the subsidy kind, see {@link #defaultStages}). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_evaluation_stage", joinColumns = @JoinColumn(name = "call_id"))
    @Column(name = "stage", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private Set<EvaluationStage> evaluationStages = EnumSet.noneOf(EvaluationStage.class);

    /** 汇总评分表: whether an agency may give one consolidated sheet instead of its experts' own. */
    @Convert(converter = FlagConverter.class)
    @Column(name = "consolidated_sheet", nullable = false)
    private boolean consolidatedSheetAllowed;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "published_by", length = 64)
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    /** 退回意见: the approver's last opinion when sending the draft back to its preparer; kept until it is published. */
    @Column(name = "return_opinion", length = Lengths.REASON)
    private String returnOpinion;

    @Column(name = "returned_by", length = 64)
    private String returnedBy;

    @Column(name = "returned_at")
    private Instant returnedAt;

    protected FundingCall() {
    }

    private FundingCall(Program program, String title, int year, Instant opensAt, Instant closesAt, BigDecimal budget,
                        String guide, String preparedBy, Instant now) {
        super(now);
        if (preparedBy == null || preparedBy.isBlank()) {
            // without a preparer the four-eyes check in publish() would have nobody to compare with
            throw new IllegalArgumentException("a call needs the user who prepares it");
        }
        this.createdBy = preparedBy;
        if (!closesAt.isAfter(opensAt)) {
            throw BusinessException.invalid("call.closesBeforeOpens");
        }
        Money amount = Money.of(budget);
        this.program = Objects.requireNonNull(program);
        this.title = Objects.requireNonNull(title).strip();
        this.year = year;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.budget = amount;
        this.guide = guide;
        this.ruleParameters = RuleParameters.defaults(program.getSubsidyKind());
        this.scoringTemplate = new ArrayList<>(ScoringIndicator.defaultTemplate());
        this.evaluationStages = EnumSet.copyOf(defaultStages(program.getSubsidyKind()));
    }

    /**
     * A project (PRE_APPROVED) is evaluated at approval, midterm and acceptance; a post-subsidy is verified once, at
     * approval (ISSUE-10).
     */
    public static Set<EvaluationStage> defaultStages(SubsidyKind kind) {
        return kind == SubsidyKind.PRE_APPROVED
                ? EnumSet.of(EvaluationStage.APPROVAL, EvaluationStage.MIDTERM, EvaluationStage.ACCEPTANCE)
                : EnumSet.of(EvaluationStage.APPROVAL);
    }

    /** A draft prepared by a reviewer. */
    public static FundingCall draft(Program program, String title, int year, Instant opensAt, Instant closesAt,
                                    BigDecimal budget, BigDecimal maxRequest, String guide, String preparedBy, Instant now) {
        FundingCall call = new FundingCall(program, title, year, opensAt, closesAt, budget, guide, preparedBy, now);
        call.setMaxRequest(maxRequest);
        return call;
    }

    /** Changes what a draft says; a published call is frozen. A refused revision changes nothing. */
    public void revise(String title, int year, Instant opensAt, Instant closesAt, BigDecimal budget, BigDecimal maxRequest,
                       String guide) {
        requireDraft();
        Objects.requireNonNull(title);
        if (!closesAt.isAfter(opensAt)) {
            throw BusinessException.invalid("call.closesBeforeOpens");
        }
        Money amount = Money.of(budget);
        checkMaxRequest(maxRequest, amount);
        this.title = title.strip();
        this.year = year;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.budget = amount;
        this.guide = guide;
        setMaxRequest(maxRequest);
    }

    private void setMaxRequest(BigDecimal maxRequest) {
        this.maxRequest = checkMaxRequest(maxRequest, budget);
    }

    private static Money checkMaxRequest(BigDecimal maxRequest, Money budget) {
        Money limit = Money.ofNullable(maxRequest);
        if (limit != null && limit.isGreaterThan(budget)) {
            throw BusinessException.invalid("call.maxRequestAboveBudget");
        }
        return limit;
    }

    public void changeParameter(String name, BigDecimal value) {
        requireDraft();
        if (RuleParameters.DECLARATIONS_PER_ENTERPRISE.equals(name)) {
            checkDeclarationsPerEnterprise(value);
        }
        ruleParameters = ruleParameters.with(name, value);
    }

    /** A whole number from 1; a project call (PRE_APPROVED) may allow more, a post-subsidy is one per enterprise. */
    private void checkDeclarationsPerEnterprise(BigDecimal value) {
        boolean whole = value != null && value.signum() > 0 && value.stripTrailingZeros().scale() <= 0
                && value.compareTo(BigDecimal.valueOf(MAX_DECLARATIONS_PER_ENTERPRISE)) <= 0;
        if (!whole) {
            throw BusinessException.invalid("call.declarationsPerEnterprise", MAX_DECLARATIONS_PER_ENTERPRISE);
        }
        if (value.compareTo(BigDecimal.ONE) > 0 && program.getSubsidyKind() != SubsidyKind.PRE_APPROVED) {
            throw BusinessException.invalid("call.oneDeclarationPerEnterprise");
        }
    }

    /** How many declarations one enterprise may start in this call (1 for calls made before the limit existed). */
    public int getDeclarationsPerEnterprise() {
        return ruleParameters == null ? 1 : ruleParameters.find(RuleParameter.DECLARATIONS_PER_ENTERPRISE)
                .map(BigDecimal::intValue).orElse(1);
    }

    /** 公示期 in calendar days (7 for calls made before it was a parameter). */
    public int getPublicityDays() {
        return ruleParameters == null ? RuleParameter.PUBLICITY_DAYS.defaultValue().intValue()
                : ruleParameters.find(RuleParameter.PUBLICITY_DAYS).orElse(RuleParameter.PUBLICITY_DAYS.defaultValue()).intValue();
    }

    /** 预拨比例: the share of a PRE_APPROVED project's approved amount advanced at signature (0 for none). */
    public BigDecimal getAdvanceShare() {
        return ruleParameters == null ? BigDecimal.ZERO : ruleParameters.find(RuleParameter.ADVANCE_SHARE).orElse(BigDecimal.ZERO);
    }

    /** 账户变更冻结期 in calendar days (the default for calls made before it was a parameter). */
    public int getAccountHoldDays() {
        return ruleParameters == null ? RuleParameter.ACCOUNT_HOLD_DAYS.defaultValue().intValue()
                : ruleParameters.find(RuleParameter.ACCOUNT_HOLD_DAYS)
                .orElse(RuleParameter.ACCOUNT_HOLD_DAYS.defaultValue()).intValue();
    }

    /**
     * 评估截止日: the due date of an evaluation at the stage assigned at this instant, if the call sets how long the stage
     * takes (MIDTERM, ACCEPTANCE): the day of assignment in Beijing time plus the call's days (the kind's default for a
     * call stored before the parameter or of a kind without it). Empty for a stage whose due date the reviewer sets.
     */
    public Optional<LocalDate> evaluationDueOn(EvaluationStage stage, Instant assignedAt) {
        return RuleParameter.evaluationDays(stage).map(p -> {
            BigDecimal days = ruleParameters == null ? p.defaultValue() : ruleParameters.find(p).orElse(p.defaultValue());
            return LocalDate.ofInstant(assignedAt, Clocks.BUREAU_ZONE).plusDays(days.longValue());
        });
    }

    public void replaceRequiredAttachments(List<AttachmentRequirement> requirements) {
        requireDraft();
        if (requirements.stream().map(AttachmentRequirement::getName).distinct().count() != requirements.size()) {
            throw BusinessException.invalid("call.requirementDuplicate");
        }
        if (requirements.stream().anyMatch(AttachmentRequirement::isOtherMaterials)) {
            throw BusinessException.invalid("call.requirementReserved", AttachmentRequirement.OTHER_MATERIALS);
        }
        requiredAttachments = new ArrayList<>(requirements);
    }

    public void replaceScoringTemplate(List<ScoringIndicator> template) {
        requireDraft();
        ScoringIndicator.checkTemplate(template);
        scoringTemplate = new ArrayList<>(template);
    }

    /** Which stages the call's projects are evaluated at, and whether a consolidated sheet is taken: a draft's choice. */
    public void changeEvaluation(Set<EvaluationStage> stages, boolean consolidatedSheetAllowed) {
        requireDraft();
        if (stages == null || stages.isEmpty() || stages.stream().anyMatch(java.util.Objects::isNull)) {
            throw BusinessException.invalid("call.stagesRequired");
        }
        evaluationStages = EnumSet.copyOf(stages);
        this.consolidatedSheetAllowed = consolidatedSheetAllowed;
    }

    /** Publishing freezes the call; the one who prepared it cannot publish it (四眼原则). */
    public void publish(String publisher, Instant now) {
        requireDraft();
        if (createdBy.equals(publisher)) {
            throw BusinessException.forbidden("call.publisherIsPreparer");
        }
        ScoringIndicator.checkTemplate(scoringTemplate);
        status = CallStatus.PUBLISHED;
        publishedBy = publisher;
        publishedAt = now;
    }

    /**
     * 退回起草人: the approver sends the draft back with an opinion instead of publishing it. The call stays a DRAFT (the
     * preparer edits it as before and it can be published later); only the opinion, who gave it and when are kept.
     */
    public void returnToPreparer(String approver, String opinion, Instant now) {
        requireDraft();
        if (createdBy.equals(approver)) {
            throw BusinessException.forbidden("call.returnerIsPreparer");
        }
        if (opinion == null || opinion.isBlank()) {
            throw BusinessException.invalid("call.returnOpinionRequired");
        }
        returnOpinion = opinion.strip();
        returnedBy = approver;
        returnedAt = now;
    }

    /**
     * The official notice may be uploaded and replaced only while the call is a draft: once published it is fixed, for
     * it is what enterprises read and declared on (a changed notice would change the call under their feet).
     */
    public void requireNoticeReplaceable() {
        if (status != CallStatus.DRAFT) {
            throw BusinessException.conflict("notice.fixed", title);
        }
    }

    private void requireDraft() {
        if (status != CallStatus.DRAFT) {
            throw BusinessException.conflict("call.alreadyPublished", title);
        }
    }

    public Optional<AttachmentRequirement> requirement(String name) {
        return requiredAttachments.stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    /** Open for declarations at this instant: published, and between its open and close times. */
    public boolean isOpen(Instant now) {
        return status == CallStatus.PUBLISHED && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public Program getProgram() {
        return program;
    }

    public String getTitle() {
        return title;
    }

    public int getYear() {
        return year;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Money getBudget() {
        return budget;
    }

    public String getGuide() {
        return guide;
    }

    public CallStatus getStatus() {
        return status;
    }

    public Money getMaxRequest() {
        return maxRequest;
    }

    public RuleParameters getRuleParameters() {
        return ruleParameters;
    }

    public List<AttachmentRequirement> getRequiredAttachments() {
        return Collections.unmodifiableList(requiredAttachments);
    }

    public List<ScoringIndicator> getScoringTemplate() {
        return Collections.unmodifiableList(scoringTemplate);
    }

    /** In the stages' own order. */
    public Set<EvaluationStage> getEvaluationStages() {
        return evaluationStages.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(evaluationStages));
    }

    public boolean isConsolidatedSheetAllowed() {
        return consolidatedSheetAllowed;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getReturnOpinion() {
        return returnOpinion;
    }

    public String getReturnedBy() {
        return returnedBy;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }
}
