package org.innofund.subsidy.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.time.Instant;

/**
 * 确认享受: the bureau's offer to one enterprise, found qualifying in an import of its figures (免申即享), of the
 * amount computed from them. Keyed by the USCC, not the organisation: an enterprise that registers after the import
 * sees it then. The enterprise confirms with its bank account, or declines; not answered by the call's close, it
 * lapses and nothing is paid.
 */
@Entity
@Table(name = "confirmation_request")
public class ConfirmationRequest extends BaseEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private long callId;

    @Column(name = "import_id", nullable = false, updatable = false)
    private long importId;

    @Column(nullable = false, updatable = false, length = Lengths.USCC)
    private String uscc;

    /** The name the bureau's file gives; the account is checked against the registered name. */
    @Column(name = "company_name", nullable = false, updatable = false, length = Lengths.ORGANISATION_NAME)
    private String companyName;

    @Column(name = "source_row", nullable = false, updatable = false)
    private int sourceRow;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Convert(converter = ImportedFiguresConverter.class)
    @Column(nullable = false, updatable = false)
    private ImportedFigures figures;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money amount;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Convert(converter = RequestStepsConverter.class)
    @Column(nullable = false, updatable = false)
    private RequestSteps explanation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConfirmationState state = ConfirmationState.PENDING;

    /** The organisation that answered (it registered with this USCC). */
    @Column(name = "enterprise_id")
    private Long enterpriseId;

    @Column(name = "account_name", length = Lengths.ORGANISATION_NAME)
    private String accountName;

    @Column(name = "account_number", length = BankAccount.MAX_DIGITS)
    private String accountNumber;

    @Column(name = "bank_name", length = Lengths.SHORT_NAME)
    private String bankName;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected ConfirmationRequest() {
    }

    public ConfirmationRequest(long callId, long importId, String uscc, String companyName, int sourceRow,
                               ImportedFigures figures, Money amount, RequestSteps explanation, Instant now) {
        super(now);
        this.callId = callId;
        this.importId = importId;
        this.uscc = uscc;
        this.companyName = companyName;
        this.sourceRow = sourceRow;
        this.figures = figures;
        this.amount = amount;
        this.explanation = explanation;
    }

    /** The state as the enterprise and the bureau see it: a PENDING request lapses at the call's close. */
    public ConfirmationState stateAt(Instant now, Instant callClosesAt) {
        return state == ConfirmationState.PENDING && !now.isBefore(callClosesAt) ? ConfirmationState.EXPIRED : state;
    }

    /** 确认享受: only a pending request, before the call closes. */
    public void confirm(BankAccount account, long enterpriseId, String by, Instant now, Instant callClosesAt) {
        decide(ConfirmationState.CONFIRMED, enterpriseId, by, now, callClosesAt);
        this.accountName = account.accountName();
        this.accountNumber = account.accountNumber();
        this.bankName = account.bankName();
    }

    public void decline(long enterpriseId, String by, Instant now, Instant callClosesAt) {
        decide(ConfirmationState.DECLINED, enterpriseId, by, now, callClosesAt);
    }

    /** Refuses an answer to a request already answered or lapsed: said before anything the answer carries is judged. */
    public void requireAnswerable(Instant now, Instant callClosesAt) {
        ConfirmationState current = stateAt(now, callClosesAt);
        if (current == ConfirmationState.EXPIRED) {
            throw BusinessException.conflict("exempt.callClosed");
        }
        if (current != ConfirmationState.PENDING) {
            throw BusinessException.conflict("exempt.alreadyAnswered", current);
        }
    }

    private void decide(ConfirmationState to, long enterpriseId, String by, Instant now, Instant callClosesAt) {
        requireAnswerable(now, callClosesAt);
        this.state = to;
        this.enterpriseId = enterpriseId;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public long getCallId() {
        return callId;
    }

    public long getImportId() {
        return importId;
    }

    public String getUscc() {
        return uscc;
    }

    public String getCompanyName() {
        return companyName;
    }

    public int getSourceRow() {
        return sourceRow;
    }

    public ImportedFigures getFigures() {
        return figures;
    }

    public Money getAmount() {
        return amount;
    }

    public RequestSteps getExplanation() {
        return explanation;
    }

    public ConfirmationState getState() {
        return state;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getBankName() {
        return bankName;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
