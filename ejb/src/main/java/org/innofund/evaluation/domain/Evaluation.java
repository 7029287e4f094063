package org.innofund.evaluation.domain;

import org.innofund.program.domain.Grade;
import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.ScoringIndicator;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.FlagConverter;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 评估报告: one version of an agency's evaluation of one assignment: the experts' sheets, the total and grade computed
 * from them, the stage's conclusion, the opinion and the report PDF.
 * <p>
 * A DRAFT stores what is given, which may be incomplete (a score not yet typed, fewer than three experts, no verdict),
 * but whatever is given must be right (a score within its weight, an amount that is money, a verdict of the stage):
 * the scoring form saves half-done work as a declaration draft does. Submitting asks for everything and is final. A
 * correction, allowed by the reviewer with a reason, is a new version copied from the last; the old one is kept and
 * the newest submitted version counts.
 */
@Entity
@Table(name = "evaluation")
public class Evaluation extends BaseEntity {

    public static final int OPINION_MAX = 5000;
    public static final int EXPERT_NAME_MAX = 100;
    public static final int EMPLOYER_MAX = 200;
    /** The largest count a verified figure may hold (its column is NUMBER(9)). */
    public static final int COUNT_MAX = 999_999_999;

    /** 草稿 / 已提交 */
    public enum State { DRAFT, SUBMITTED }

    /**
     * What an evaluation is recorded against: the call's scoring template, grade bounds and stages, whether it takes a
     * consolidated sheet, the program's subsidy kind, and the declaration's requested subsidy (申请财政补助).
     */
    public record Terms(List<ScoringIndicator> template, Grade.Bounds bounds, EvaluationStage stage, SubsidyKind kind,
                        Money requestedSubsidy, boolean consolidatedAllowed) {

        public Terms {
            template = List.copyOf(template);
            Objects.requireNonNull(bounds);
            Objects.requireNonNull(stage);
            Objects.requireNonNull(kind);
        }

        public boolean asksRecommendedAmount() {
            return stage == EvaluationStage.APPROVAL && kind == SubsidyKind.PRE_APPROVED;
        }

        public boolean asksVerifiedFigures() {
            return stage == EvaluationStage.APPROVAL && kind != SubsidyKind.PRE_APPROVED;
        }

        /**
         * Whether a recommending evaluation must give every verified figure: for RD_INVESTMENT, whose amount the rule
         * engine computes from exactly these eight (SUBSIDY-RULES.md); REWARD and SHARED_SERVICE rest on achievements and
         * vouchers, where the figures are optional corrections.
         */
        boolean requiresVerifiedFigures() {
            return asksVerifiedFigures() && kind == SubsidyKind.RD_INVESTMENT;
        }

        public boolean asksAuditedSpend() {
            return stage == EvaluationStage.ACCEPTANCE;
        }
    }

    /** What the sheets come to: the panel's score and grade, or both null while the sheets are incomplete. */
    public record Outcome(PanelScore panel, Grade grade) {

        static final Outcome INCOMPLETE = new Outcome(null, null);

        public boolean complete() {
            return panel != null;
        }
    }

    @Column(name = "assignment_id", nullable = false, updatable = false)
    private Long assignmentId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean consolidated;

    @Column(precision = 5, scale = 2)
    private BigDecimal total;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Grade grade;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private Verdict verdict;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "recommended_amount", precision = 16, scale = 2)
    private Money recommendedAmount;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "verified_expense_tax", precision = 16, scale = 2)
    private Money verifiedExpenseTax;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "verified_expense_stat", precision = 16, scale = 2)
    private Money verifiedExpenseStat;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "verified_expense_prior", precision = 16, scale = 2)
    private Money verifiedExpensePrior;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "verified_revenue", precision = 16, scale = 2)
    private Money verifiedRevenue;

    @Column(name = "verified_patents")
    private Integer verifiedPatents;

    @Column(name = "verified_applications")
    private Integer verifiedApplications;

    @Column(name = "verified_rd_staff")
    private Integer verifiedRdStaff;

    @Column(name = "verified_total_staff")
    private Integer verifiedTotalStaff;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "audited_actual_spend", precision = 16, scale = 2)
    private Money auditedActualSpend;

    /* Loaded with the row, as FundingCall's guide is (a LAZY CLOB lost changes made before it was set). */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String opinion;

    @Column(name = "report_name", length = 255)
    private String reportName;

    @Column(name = "report_size")
    private Long reportSize;

    @Column(name = "report_sha256", length = 64)
    private String reportSha256;

    @Column(name = "report_uploaded_by", length = 64)
    private String reportUploadedBy;

    @Column(name = "report_uploaded_at")
    private Instant reportUploadedAt;

    @Column(name = "submitted_by", length = 64)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "correction_reason", updatable = false, length = Assignment.REASON_MAX)
    private String correctionReason;

    @Column(name = "correction_allowed_by", updatable = false, length = 64)
    private String correctionAllowedBy;

    @Column(name = "correction_allowed_at", updatable = false)
    private Instant correctionAllowedAt;

    @OneToMany(mappedBy = "evaluation", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<EvaluationSheet> sheets = new ArrayList<>();

    protected Evaluation() {
    }

    private Evaluation(Long assignmentId, int versionNo, Instant now) {
        super(now);
        this.assignmentId = Objects.requireNonNull(assignmentId);
        this.versionNo = versionNo;
        this.state = State.DRAFT;
    }

    /** The first version of the assignment's evaluation, empty. */
    public static Evaluation first(Assignment assignment, Instant now) {
        assignment.getState().require(AssignmentAction.EDIT_EVALUATION);
        return new Evaluation(assignment.getId(), 1, now);
    }

    /**
     * 保存草稿: records the input as this draft's content, replacing what it held, and computes the panel's score and
     * grade once the sheets are complete. Refuses, naming every wrong field at once, what is given wrongly; what is
     * missing waits for {@link #submit}.
     */
    public Outcome record(EvaluationInput input, Terms terms) {
        requireDraft();
        EvaluationInput given = padded(input, terms.template().size());
        List<FieldProblem> problems = problems(given, terms, false);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        Outcome outcome = outcome(given, terms);
        store(given, outcome);
        return outcome;
    }

    /**
     * What the input comes to, without storing it: the same panel score a save computes, for the form's live totals.
     * Refuses what {@link #record} refuses.
     */
    public static Outcome preview(EvaluationInput input, Terms terms) {
        EvaluationInput given = padded(input, terms.template().size());
        List<FieldProblem> problems = problems(given, terms, false);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        return outcome(given, terms);
    }

    /**
     * 提交: final. Everything must be there and right (the sheets, the stage's conclusion, the opinion, the report);
     * the assignment moves to SUBMITTED with it.
     */
    public void submit(Assignment assignment, Terms terms, String by, Instant now) {
        requireDraft();
        requireOf(assignment);
        EvaluationInput input = padded(input(), terms.template().size());
        List<FieldProblem> problems = new ArrayList<>(problems(input, terms, true));
        if (reportName == null) {
            problems.add(FieldProblem.of("report", "evaluation.reportRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        assignment.submitEvaluation(by, now);
        store(input, outcome(input, terms));
        state = State.SUBMITTED;
        submittedBy = by;
        submittedAt = now;
    }

    /**
     * 允许更正: the reviewer reopens the submitted evaluation with a reason. Returns the next version, a draft copied
     * from this one (its report included: the caller copies the file's content); this one stays as it was.
     */
    public Evaluation allowCorrection(Assignment assignment, String reason, String by, Instant now) {
        if (state != State.SUBMITTED) {
            throw BusinessException.conflict("evaluation.notSubmitted", versionNo);
        }
        requireOf(assignment);
        assignment.allowCorrection(by, reason, now);
        Evaluation next = new Evaluation(assignmentId, versionNo + 1, now);
        next.correctionReason = reason.strip();
        next.correctionAllowedBy = by;
        next.correctionAllowedAt = now;
        next.consolidated = consolidated;
        next.total = total;
        next.grade = grade;
        next.verdict = verdict;
        next.recommendedAmount = recommendedAmount;
        next.verifiedExpenseTax = verifiedExpenseTax;
        next.verifiedExpenseStat = verifiedExpenseStat;
        next.verifiedExpensePrior = verifiedExpensePrior;
        next.verifiedRevenue = verifiedRevenue;
        next.verifiedPatents = verifiedPatents;
        next.verifiedApplications = verifiedApplications;
        next.verifiedRdStaff = verifiedRdStaff;
        next.verifiedTotalStaff = verifiedTotalStaff;
        next.auditedActualSpend = auditedActualSpend;
        next.opinion = opinion;
        next.reportName = reportName;
        next.reportSize = reportSize;
        next.reportSha256 = reportSha256;
        next.reportUploadedBy = reportUploadedBy;
        next.reportUploadedAt = reportUploadedAt;
        sheets.forEach(s -> next.sheets.add(s.copyTo(next)));
        return next;
    }

    /** 评估报告 PDF (checked by the caller as any upload is), in place of any earlier one of this draft. */
    public void attachReport(String fileName, long size, String sha256, String by, Instant now) {
        requireDraft();
        if (size <= 0) {
            throw BusinessException.invalid("attachment.empty");
        }
        reportName = fileName == null || fileName.isBlank() ? "report.pdf" : fileName.strip();
        reportSize = size;
        reportSha256 = Objects.requireNonNull(sha256);
        reportUploadedBy = by;
        reportUploadedAt = now;
    }

    /**
     * Every problem of the input against the terms, each named by its field ("experts[2].scores[1]",
     * "conclusion.recommendedAmount", ...). {@code complete}: as submission asks (everything there); otherwise as a
     * draft is checked (only what is given). Pure: the bulk upload checks its rows with it.
     */
    public static List<FieldProblem> problems(EvaluationInput input, Terms terms, boolean complete) {
        List<FieldProblem> problems = new ArrayList<>(sheetProblems(input, terms, complete));
        problems.addAll(conclusionProblems(input.conclusion(), terms, complete));
        String opinion = input.opinion();
        if (opinion != null && opinion.strip().length() > OPINION_MAX) {
            problems.add(FieldProblem.of("opinion", "evaluation.opinionTooLong", OPINION_MAX));
        } else if (complete && (opinion == null || opinion.isBlank())) {
            problems.add(FieldProblem.of("opinion", "evaluation.opinionRequired"));
        }
        return problems;
    }

    /** What a draft may leave out until it is submitted. */
    private static final Set<String> MISSING = Set.of("evaluation.scoreMissing", "evaluation.expertNameMissing");

    private static List<FieldProblem> sheetProblems(EvaluationInput input, Terms terms, boolean complete) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ExpertSheet> sheets = input.sheets();
        if (input.consolidated() && !terms.consolidatedAllowed()) {
            problems.add(FieldProblem.of("consolidated", "evaluation.consolidatedNotAllowed"));
        } else if (input.consolidated() && (sheets.size() > 1 || complete && sheets.size() != 1)) {
            problems.add(FieldProblem.of("experts", "evaluation.consolidatedOneSheet", sheets.size()));
        } else if (!input.consolidated() && (sheets.size() > PanelScore.MAX_EXPERTS
                || complete && sheets.size() < PanelScore.MIN_EXPERTS)) {
            problems.add(FieldProblem.of("experts", "evaluation.panelSize", PanelScore.MIN_EXPERTS, PanelScore.MAX_EXPERTS,
                    sheets.size()));
        }
        for (int i = 0; i < sheets.size(); i++) {
            String prefix = "experts[" + i + "]";
            ExpertSheet sheet = sheets.get(i);
            if (sheet == null) {
                problems.add(FieldProblem.of(prefix, "evaluation.sheetMissing"));
                continue;
            }
            sheet.problems(terms.template(), prefix).stream()
                    .filter(p -> complete || !MISSING.contains(p.messageKey())).forEach(problems::add);
            ExpertSheet.Expert e = sheet.expert();
            if (e != null && (tooLong(e.name(), EXPERT_NAME_MAX) || tooLong(e.title(), EXPERT_NAME_MAX)
                    || tooLong(e.employer(), EMPLOYER_MAX))) {
                problems.add(FieldProblem.of(prefix + ".expert", "evaluation.expertTooLong", EXPERT_NAME_MAX, EMPLOYER_MAX));
            }
        }
        return problems;
    }

    private static List<FieldProblem> conclusionProblems(Conclusion given, Terms terms, boolean complete) {
        Conclusion c = given == null ? new Conclusion(null, null, null, null) : given;
        List<FieldProblem> problems = new ArrayList<>();
        if (c.verdict() == null) {
            if (complete) {
                problems.add(FieldProblem.of("conclusion.verdict", "evaluation.verdictRequired"));
            }
        } else if (c.verdict().stage() != terms.stage()) {
            problems.add(FieldProblem.of("conclusion.verdict", "evaluation.verdictStage", c.verdict(), terms.stage()));
        }
        BigDecimal amount = c.recommendedAmount();
        if (amount != null && !terms.asksRecommendedAmount()) {
            problems.add(FieldProblem.of("conclusion.recommendedAmount", "evaluation.notAsked"));
        } else if (amount != null && !Money.isValid(amount)) {
            problems.add(FieldProblem.of("conclusion.recommendedAmount", "money.invalid", amount.toPlainString()));
        } else if (amount != null && terms.requestedSubsidy() != null
                && amount.compareTo(terms.requestedSubsidy().amount()) > 0) {
            problems.add(FieldProblem.of("conclusion.recommendedAmount", "evaluation.aboveRequested",
                    amount.toPlainString(), terms.requestedSubsidy().amount().toPlainString()));
        } else if (amount != null && amount.signum() > 0 && c.verdict() == Verdict.NOT_RECOMMEND) {
            problems.add(FieldProblem.of("conclusion.recommendedAmount", "evaluation.amountNotRecommended"));
        } else if (amount == null && complete && terms.asksRecommendedAmount() && c.verdict() == Verdict.RECOMMEND) {
            problems.add(FieldProblem.of("conclusion.recommendedAmount", "evaluation.amountRequired"));
        }
        if (c.verifiedFigures() != null) {
            if (terms.asksVerifiedFigures()) {
                problems.addAll(figureProblems(c.verifiedFigures()));
            } else {
                problems.add(FieldProblem.of("conclusion.verifiedFigures", "evaluation.notAsked"));
            }
        }
        if (complete && terms.requiresVerifiedFigures() && c.verdict() == Verdict.RECOMMEND) {
            problems.addAll(missingFigures(c.verifiedFigures()));
        }
        BigDecimal spend = c.auditedActualSpend();
        if (spend != null && !terms.asksAuditedSpend()) {
            problems.add(FieldProblem.of("conclusion.auditedActualSpend", "evaluation.notAsked"));
        } else if (spend != null && !Money.isValid(spend)) {
            problems.add(FieldProblem.of("conclusion.auditedActualSpend", "money.invalid", spend.toPlainString()));
        } else if (spend == null && complete && terms.asksAuditedSpend()) {
            problems.add(FieldProblem.of("conclusion.auditedActualSpend", "evaluation.spendRequired"));
        }
        return problems;
    }

    private static List<FieldProblem> figureProblems(Conclusion.VerifiedFigures f) {
        List<FieldProblem> problems = new ArrayList<>();
        String prefix = "conclusion.verifiedFigures.";
        money(problems, prefix + "expenseTax", f.expenseTax());
        money(problems, prefix + "expenseStat", f.expenseStat());
        money(problems, prefix + "expensePrior", f.expensePrior());
        money(problems, prefix + "revenue", f.revenue());
        count(problems, prefix + "validInventionPatents", f.validInventionPatents());
        count(problems, prefix + "inventionApplications", f.inventionApplications());
        count(problems, prefix + "rdStaff", f.rdStaff());
        count(problems, prefix + "totalStaff", f.totalStaff());
        if (f.rdStaff() != null && f.totalStaff() != null && f.rdStaff() > f.totalStaff()) {
            problems.add(FieldProblem.of(prefix + "rdStaff", "evaluation.rdStaffAboveTotal", f.rdStaff(), f.totalStaff()));
        }
        return problems;
    }

    /** Each verified figure a submission still lacks, named by its field. */
    private static List<FieldProblem> missingFigures(Conclusion.VerifiedFigures f) {
        Conclusion.VerifiedFigures given = f != null ? f
                : new Conclusion.VerifiedFigures(null, null, null, null, null, null, null, null);
        java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("expenseTax", given.expenseTax());
        figures.put("expenseStat", given.expenseStat());
        figures.put("expensePrior", given.expensePrior());
        figures.put("revenue", given.revenue());
        figures.put("validInventionPatents", given.validInventionPatents());
        figures.put("inventionApplications", given.inventionApplications());
        figures.put("rdStaff", given.rdStaff());
        figures.put("totalStaff", given.totalStaff());
        List<FieldProblem> problems = new ArrayList<>();
        figures.forEach((name, value) -> {
            if (value == null) {
                problems.add(FieldProblem.of("conclusion.verifiedFigures." + name, "evaluation.figureRequired"));
            }
        });
        return problems;
    }

    private static void money(List<FieldProblem> problems, String field, BigDecimal amount) {
        if (amount != null && !Money.isValid(amount)) {
            problems.add(FieldProblem.of(field, "money.invalid", amount.toPlainString()));
        }
    }

    private static void count(List<FieldProblem> problems, String field, Integer count) {
        if (count != null && count < 0) {
            problems.add(FieldProblem.of(field, "evaluation.countNegative", count));
        } else if (count != null && count > COUNT_MAX) {
            problems.add(FieldProblem.of(field, "evaluation.countTooLarge", count, COUNT_MAX));
        }
    }

    private static boolean tooLong(String s, int max) {
        return s != null && s.strip().length() > max;
    }

    /** A sheet with fewer cells than the template (a draft's row not filled to the end) has the rest empty. */
    private static EvaluationInput padded(EvaluationInput input, int indicators) {
        List<ExpertSheet> sheets = input.sheets().stream().map(s -> s == null || s.scores().size() >= indicators ? s
                : new ExpertSheet(s.expert(), pad(s.scores(), indicators))).toList();
        return new EvaluationInput(sheets, input.consolidated(), input.conclusion(), input.opinion());
    }

    private static List<BigDecimal> pad(List<BigDecimal> scores, int size) {
        List<BigDecimal> padded = new ArrayList<>(scores);
        padded.addAll(Collections.nCopies(size - scores.size(), null));
        return padded;
    }

    /** The panel's score once the sheets are all there and right (given problems are already refused). */
    private static Outcome outcome(EvaluationInput input, Terms terms) {
        if (!sheetProblems(input, terms, true).isEmpty()) {
            return Outcome.INCOMPLETE;
        }
        PanelScore panel = input.consolidated() ? PanelScore.consolidated(terms.template(), input.sheets().get(0))
                : PanelScore.of(terms.template(), input.sheets());
        return new Outcome(panel, panel.grade(terms.bounds()));
    }

    private void store(EvaluationInput input, Outcome outcome) {
        consolidated = input.consolidated();
        total = outcome.complete() ? outcome.panel().total() : null;
        grade = outcome.grade();
        List<ExpertSheet> given = input.sheets();
        while (sheets.size() > given.size()) {
            sheets.remove(sheets.size() - 1);
        }
        for (int i = 0; i < given.size(); i++) {
            if (i == sheets.size()) {
                sheets.add(new EvaluationSheet(this, i));
            }
            sheets.get(i).fill(given.get(i), outcome.complete() && outcome.panel().dropped().contains(i),
                    outcome.complete() && outcome.panel().dispersed().contains(i));
        }
        Conclusion c = input.conclusion() == null ? new Conclusion(null, null, null, null) : input.conclusion();
        verdict = c.verdict();
        recommendedAmount = Money.ofNullable(c.recommendedAmount());
        Conclusion.VerifiedFigures f = c.verifiedFigures();
        verifiedExpenseTax = f == null ? null : Money.ofNullable(f.expenseTax());
        verifiedExpenseStat = f == null ? null : Money.ofNullable(f.expenseStat());
        verifiedExpensePrior = f == null ? null : Money.ofNullable(f.expensePrior());
        verifiedRevenue = f == null ? null : Money.ofNullable(f.revenue());
        verifiedPatents = f == null ? null : f.validInventionPatents();
        verifiedApplications = f == null ? null : f.inventionApplications();
        verifiedRdStaff = f == null ? null : f.rdStaff();
        verifiedTotalStaff = f == null ? null : f.totalStaff();
        auditedActualSpend = Money.ofNullable(c.auditedActualSpend());
        opinion = input.opinion() == null || input.opinion().isBlank() ? null : input.opinion().strip();
    }

    /** The content as the agency gave it, in the shape it gives it, each sheet up to its last score given. */
    public EvaluationInput input() {
        return new EvaluationInput(sheets.stream().map(EvaluationSheet::sheet).toList(), consolidated, conclusion(), opinion);
    }

    public Conclusion conclusion() {
        boolean anyFigure = verifiedExpenseTax != null || verifiedExpenseStat != null || verifiedExpensePrior != null
                || verifiedRevenue != null || verifiedPatents != null || verifiedApplications != null
                || verifiedRdStaff != null || verifiedTotalStaff != null;
        Conclusion.VerifiedFigures figures = anyFigure ? new Conclusion.VerifiedFigures(amount(verifiedExpenseTax),
                amount(verifiedExpenseStat), amount(verifiedExpensePrior), amount(verifiedRevenue), verifiedPatents,
                verifiedApplications, verifiedRdStaff, verifiedTotalStaff) : null;
        return new Conclusion(verdict, amount(recommendedAmount), figures, amount(auditedActualSpend));
    }

    private static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }

    private void requireDraft() {
        if (state != State.DRAFT) {
            throw BusinessException.conflict("evaluation.final", versionNo);
        }
    }

    private void requireOf(Assignment assignment) {
        if (!assignmentId.equals(assignment.getId())) {
            throw new IllegalArgumentException("evaluation " + getId() + " is not of assignment " + assignment.getId());
        }
    }

    public Long getAssignmentId() { return assignmentId; }
    public int getVersionNo() { return versionNo; }
    public State getState() { return state; }
    public boolean isConsolidated() { return consolidated; }
    public BigDecimal getTotal() { return total; }
    public Grade getGrade() { return grade; }
    public Verdict getVerdict() { return verdict; }
    public String getOpinion() { return opinion; }
    public String getReportName() { return reportName; }
    public Long getReportSize() { return reportSize; }
    public String getReportSha256() { return reportSha256; }
    public String getReportUploadedBy() { return reportUploadedBy; }
    public Instant getReportUploadedAt() { return reportUploadedAt; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getCorrectionReason() { return correctionReason; }
    public String getCorrectionAllowedBy() { return correctionAllowedBy; }
    public Instant getCorrectionAllowedAt() { return correctionAllowedAt; }

    public List<EvaluationSheet> getSheets() {
        return Collections.unmodifiableList(sheets);
    }
}
