package org.innofund.declaration.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.innofund.identity.domain.Organisation;
import org.innofund.program.domain.FundingCall;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * 项目申报书: an enterprise's application in a call. Its state changes only through its own methods, which refuse
 * what the state does not allow and record every transition.
 */
@Entity
@Table(name = "declaration")
public class Declaration extends BaseEntity {

    public static final int REASON_MAX = 1000;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "call_id", nullable = false, updatable = false)
    private FundingCall call;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "enterprise_id", nullable = false, updatable = false)
    private Organisation enterprise;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private DeclarationState state = DeclarationState.DRAFT;

    @Column(name = "project_name", length = 200)
    private String projectName;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private ProjectField field;

    @Column(name = "period_start")
    private LocalDate periodStart;

    @Column(name = "period_end")
    private LocalDate periodEnd;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    private String summary;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "key_indicators")
    private String keyIndicators;

    @Column(name = "total_budget", precision = 16, scale = 2)
    private BigDecimal totalBudget;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "declaration_budget_line", joinColumns = @JoinColumn(name = "declaration_id"))
    @OrderColumn(name = "position")
    private List<BudgetLine> budgetLines = new ArrayList<>();

    @Embedded
    private RdFigures rdFigures;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "declaration_achievement", joinColumns = @JoinColumn(name = "declaration_id"))
    @OrderColumn(name = "position")
    private List<AchievementClaim> achievements = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "declaration_service_record", joinColumns = @JoinColumn(name = "declaration_id"))
    @OrderColumn(name = "position")
    private List<ServiceRecord> serviceRecords = new ArrayList<>();

    @Column(nullable = false)
    private int revision;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** 申报编号: given at the first submission, kept for good. */
    @Column(name = "receipt_no", length = ReceiptNumber.MAX_LENGTH)
    private String receiptNumber;

    @Column(name = "last_reason", length = REASON_MAX)
    private String lastReason;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @OneToMany(mappedBy = "declaration", cascade = {CascadeType.PERSIST, CascadeType.REMOVE}, fetch = FetchType.LAZY)
    @OrderBy("occurredAt, id")
    private List<DeclarationTransition> transitions = new ArrayList<>();

    protected Declaration() {
    }

    private Declaration(FundingCall call, Organisation enterprise, String actor, Instant now) {
        super(now);
        this.call = call;
        this.enterprise = enterprise;
        this.createdBy = actor;
        transitions.add(new DeclarationTransition(this, null, DeclarationState.DRAFT, actor, now, null));
    }

    /** A new draft; only while the call is open. */
    public static Declaration start(FundingCall call, Organisation enterprise, String actor, Instant now) {
        if (!call.isOpen(now)) {
            throw BusinessException.conflict("declaration.callNotOpen", call.getTitle());
        }
        return new Declaration(Objects.requireNonNull(call), Objects.requireNonNull(enterprise), actor, now);
    }

    public boolean isEditable() {
        return state.allows(DeclarationAction.EDIT);
    }

    /** Refuses (409) what the declaration's state does not allow, such as a file change once it is submitted. */
    public void require(DeclarationAction action) {
        state.require(action);
    }

    /**
     * Saves a draft (or a returned declaration being revised) as it is: completeness waits for submission, so a
     * row half filled, or still empty, is kept as the user left it and the checklist names it (kind.SubmissionCheck).
     * Refused is only what could never be stored: negative or sub-fen money, a negative count, text longer than
     * its column. Every row is kept, the empty ones too: a line the user added stays where they will look for it.
     */
    public void edit(DeclarationContent c) {
        state.require(DeclarationAction.EDIT);
        requireStorable(c);
        projectName = trim(c.projectName());
        field = c.field();
        periodStart = c.periodStart();
        periodEnd = c.periodEnd();
        summary = trim(c.summary());
        keyIndicators = trim(c.keyIndicators());
        totalBudget = c.totalBudget();
        budgetLines = new ArrayList<>(c.budgetLines().stream()
                .map(l -> new BudgetLine(l.category(), l.source(), l.amount())).toList());
        rdFigures = c.rdFigures() == null ? null : new RdFigures(c.rdFigures().expenseTax(), c.rdFigures().expenseStat(),
                c.rdFigures().expensePrior(), c.rdFigures().revenue(), c.rdFigures().validInventionPatents(),
                c.rdFigures().inventionApplications(), c.rdFigures().rdStaff(), c.rdFigures().totalStaff());
        achievements = new ArrayList<>(c.achievements().stream()
                .map(a -> new AchievementClaim(a.achievement(), trim(a.certificateNo()), a.recognisedOn())).toList());
        serviceRecords = new ArrayList<>(c.serviceRecords().stream()
                .map(s -> new ServiceRecord(trim(s.providerName()), trim(s.providerUscc()), trim(s.invoiceNo()),
                        s.invoiceDate(), s.amount())).toList());
    }

    /** The same limits as the columns (and DeclarationContent's constraints, which the API and the page check first). */
    private static void requireStorable(DeclarationContent c) {
        requireLength(c.projectName(), Lengths.TITLE);
        Money.ofNullable(c.totalBudget()); // here and below: refused unless it is money (Money.of)
        c.budgetLines().forEach(l -> Money.ofNullable(l.amount()));
        if (c.rdFigures() != null) {
            DeclarationContent.RdFiguresData f = c.rdFigures();
            Money.ofNullable(f.expenseTax());
            Money.ofNullable(f.expenseStat());
            Money.ofNullable(f.expensePrior());
            Money.ofNullable(f.revenue());
            for (Integer count : new Integer[] {f.validInventionPatents(), f.inventionApplications(), f.rdStaff(), f.totalStaff()}) {
                if (count != null && (count < 0 || count > DeclarationContent.MAX_STAFF)) {
                    throw BusinessException.invalid("draft.count", count);
                }
            }
        }
        for (DeclarationContent.AchievementData a : c.achievements()) {
            requireLength(a.certificateNo(), Lengths.DOCUMENT_NO);
        }
        for (DeclarationContent.ServiceRecordData s : c.serviceRecords()) {
            requireLength(s.providerName(), Lengths.ORGANISATION_NAME);
            requireLength(s.providerUscc(), Lengths.USCC);
            requireLength(s.invoiceNo(), Lengths.DOCUMENT_NO);
            Money.ofNullable(s.amount());
        }
    }

    private static void requireLength(String text, int max) {
        if (text != null && text.strip().length() > max) {
            throw BusinessException.invalid("draft.textTooLong", max);
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The content as it stands, in the form's shape. */
    public DeclarationContent content() {
        RdFigures rd = rdFigures;
        return new DeclarationContent(projectName, field, periodStart, periodEnd, summary, keyIndicators, totalBudget,
                budgetLines.stream().map(l -> new DeclarationContent.BudgetLineData(l.getCategory(), l.getSource(), l.getAmount())).toList(),
                rd == null ? null : new DeclarationContent.RdFiguresData(rd.getExpenseTax(), rd.getExpenseStat(),
                        rd.getExpensePrior(), rd.getRevenue(), rd.getValidInventionPatents(), rd.getInventionApplications(),
                        rd.getRdStaff(), rd.getTotalStaff()),
                achievements.stream().map(a -> new DeclarationContent.AchievementData(a.getAchievement(), a.getCertificateNo(),
                        a.getRecognisedOn())).toList(),
                serviceRecords.stream().map(s -> new DeclarationContent.ServiceRecordData(s.getProviderName(), s.getProviderUscc(),
                        s.getInvoiceNo(), s.getInvoiceDate(), s.getAmount())).toList());
    }

    /**
     * Submits the declaration if the checks found no problem; otherwise refuses with all of them. The call's close
     * time is measured at this instant, whenever the form was opened.
     */
    public void submit(String actor, Instant now, List<Problem> problems) {
        state.require(DeclarationAction.SUBMIT);
        if (!call.isOpen(now)) {
            throw BusinessException.conflict("declaration.callClosed", call.getTitle());
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRefusedException(problems);
        }
        revision++;
        submittedAt = now;
        lastReason = null;
        moveTo(DeclarationAction.SUBMIT, actor, now, null);
    }

    /** Whether it still needs its receipt number: it was never submitted before this submission. */
    public boolean needsReceiptNumber() {
        return receiptNumber == null && revision > 0;
    }

    /** Gives the receipt number at the first submission; a declaration keeps the one it has. */
    public void assignReceiptNumber(ReceiptNumber number) {
        if (!needsReceiptNumber()) {
            throw new IllegalStateException("declaration " + getId() + " has its receipt number or is not submitted");
        }
        receiptNumber = number.toString();
    }

    /** 撤回申报: taken back by the enterprise while the reviewer has not decided; revisions and number stay. */
    public void withdraw(String actor, Instant now) {
        moveTo(DeclarationAction.WITHDRAW, actor, now, null);
    }

    /** Refuses (409) the deletion of anything but a draft never submitted (it has no receipt number and no revision). */
    public void requireDeletable() {
        state.require(DeclarationAction.DELETE);
        if (receiptNumber != null || revision > 0) {
            throw new IllegalStateException("declaration " + getId() + " in DRAFT has been submitted");
        }
    }

    /** 受理 */
    public void accept(String actor, Instant now) {
        moveTo(DeclarationAction.ACCEPT, actor, now, null);
    }

    /** 退回修改: back to the enterprise, who may revise and resubmit while the call is open. */
    public void returnForRevision(String reason, String actor, Instant now) {
        state.require(DeclarationAction.RETURN);
        lastReason = requireReason(reason);
        moveTo(DeclarationAction.RETURN, actor, now, lastReason);
    }

    /** 不予受理 */
    public void reject(String reason, String actor, Instant now) {
        state.require(DeclarationAction.REJECT);
        lastReason = requireReason(reason);
        moveTo(DeclarationAction.REJECT, actor, now, lastReason);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("declaration.reasonRequired");
        }
        if (reason.strip().length() > REASON_MAX) {
            throw BusinessException.invalid("declaration.reasonTooLong", REASON_MAX);
        }
        return reason.strip();
    }

    /** The one way the state changes: where the lifecycle table says the action leads, recorded. */
    private void moveTo(DeclarationAction action, String actor, Instant now, String reason) {
        DeclarationState to = state.after(action);
        transitions.add(new DeclarationTransition(this, state, to, actor, now, reason));
        state = to;
    }

    public boolean belongsTo(Long organisationId) {
        return enterprise.getId().equals(organisationId);
    }

    public FundingCall getCall() {
        return call;
    }

    public Organisation getEnterprise() {
        return enterprise;
    }

    public DeclarationState getState() {
        return state;
    }

    public String getProjectName() {
        return projectName;
    }

    public int getRevision() {
        return revision;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public String getLastReason() {
        return lastReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<DeclarationTransition> getTransitions() {
        return Collections.unmodifiableList(transitions);
    }
}
