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
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * 核定批次: one version of a call's calculation, with the parameters it read and the totals of the call-level steps;
 * its lines are {@link CalculationLine}s. A PREVIEW is approved by someone other than who started it (四眼原则), and is
 * then frozen; when a later version of the call is approved, this one becomes SUPERSEDED and is kept.
 */
@Entity
@Table(name = "calculation_run")
public class CalculationRun extends BaseEntity {

    @Column(name = "call_id", nullable = false, updatable = false)
    private Long callId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "subsidy_kind", nullable = false, updatable = false, length = 32)
    private SubsidyKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RunState state;

    @Column(name = "started_by", nullable = false, updatable = false, length = Lengths.USERNAME)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "approved_by", length = Lengths.USERNAME)
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    /** {@link RuleParameters#format()} as the run read them: the parameters of a call may change after it. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false, updatable = false)
    private String parameters;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money budget;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money demand;

    @Column(updatable = false, precision = 11, scale = CallSteps.FACTOR_SCALE)
    private BigDecimal factor;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money total;

    @Convert(converter = MoneyConverter.class)
    @Column(updatable = false, precision = 16, scale = 2)
    private Money leftover;

    @Column(name = "line_count", nullable = false, updatable = false)
    private int lineCount;

    protected CalculationRun() {
    }

    /**
     * 开始核定: version {@code versionNo} of the call (the caller numbers it under the call's lock), with what the
     * call-level steps came to.
     */
    public CalculationRun(Long callId, int versionNo, SubsidyKind kind, RuleParameters parameters, Money budget,
                          CallSteps.Outcome outcome, String by, Instant now) {
        super(now);
        this.callId = Objects.requireNonNull(callId);
        this.versionNo = versionNo;
        this.kind = Objects.requireNonNull(kind);
        this.state = RunState.PREVIEW;
        this.startedBy = Objects.requireNonNull(by);
        this.startedAt = now;
        this.parameters = parameters.format();
        this.budget = budget;
        this.demand = outcome.demand();
        this.factor = outcome.factor() == null ? null : outcome.factor().setScale(CallSteps.FACTOR_SCALE, RoundingMode.DOWN);
        this.total = outcome.total();
        this.leftover = outcome.leftover();
        this.lineCount = outcome.lines().size();
    }

    /**
     * 批准: freezes the run. Never by whoever started it (四眼原则, as an approval list or a call); the caller checks
     * that it is the newest run of its call.
     */
    public void approve(String by, Instant now) {
        if (state != RunState.PREVIEW) {
            throw BusinessException.conflict("calculationRun.notPreview", versionNo, state);
        }
        if (startedBy.equals(by)) {
            throw BusinessException.forbidden("calculationRun.approverIsStarter");
        }
        state = RunState.APPROVED;
        approvedBy = by;
        approvedAt = now;
    }

    /** 取代: an approved run whose call has a later approved run; kept as it was. */
    public void supersede() {
        if (state != RunState.APPROVED) {
            throw new IllegalStateException("only an approved run is superseded, not a " + state + " one");
        }
        state = RunState.SUPERSEDED;
    }

    public RuleParameters parameters() {
        return RuleParameters.parse(parameters);
    }

    public Long getCallId() {
        return callId;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public SubsidyKind getKind() {
        return kind;
    }

    public RunState getState() {
        return state;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public Money getBudget() {
        return budget;
    }

    public Money getDemand() {
        return demand;
    }

    public BigDecimal getFactor() {
        return factor;
    }

    public Money getTotal() {
        return total;
    }

    public Money getLeftover() {
        return leftover;
    }

    public int getLineCount() {
        return lineCount;
    }
}
