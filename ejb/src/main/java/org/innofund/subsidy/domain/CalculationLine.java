package org.innofund.subsidy.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.FlagConverter;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyConverter;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * 核定明细: one enterprise in one run, at its position, with everything it used and said: its inputs (so the line is
 * recomputable), its reasons and its explanation steps in both languages, the kind's amount and the amount after the
 * call-level steps. Written once, with the run, in one JDBC batch ({@code CalculationLineTable}: a run has thousands);
 * read through JPA, paged.
 */
@Entity
@Table(name = "calculation_line")
@IdClass(CalculationLine.Key.class)
public class CalculationLine {

    /** The origin column's length: "declaration:123", an import row. */
    public static final int ORIGIN_LENGTH = 64;

    @Id
    @Column(name = "run_id", nullable = false, updatable = false)
    private Long runId;

    @Id
    @Column(nullable = false, updatable = false)
    private int position;

    /** Null for an enterprise not yet registered (免申即享 figures by USCC). */
    @Column(name = "enterprise_id", updatable = false)
    private Long enterpriseId;

    @Column(nullable = false, updatable = false, length = Lengths.USCC)
    private String uscc;

    @Column(nullable = false, updatable = false, length = Lengths.ORGANISATION_NAME)
    private String name;

    @Column(nullable = false, updatable = false, length = ORIGIN_LENGTH)
    private String origin;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false, updatable = false)
    private boolean computable;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false, updatable = false)
    private boolean eligible;

    @Convert(converter = MoneyConverter.class)
    @Column(name = "kind_amount", nullable = false, updatable = false, precision = 16, scale = 2)
    private Money kindAmount;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money amount;

    @Convert(converter = MoneyConverter.class)
    @Column(nullable = false, updatable = false, precision = 16, scale = 2)
    private Money recovery;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false, updatable = false)
    private String inputs;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false, updatable = false)
    private String reasons;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false, updatable = false)
    private String steps;

    protected CalculationLine() {
    }

    /**
     * The line of one enterprise's result after the call-level steps ({@code line.calculation()} carries every step);
     * {@code name} the enterprise's registered name (its USCC while it is not registered).
     */
    public CalculationLine(long runId, int position, CallSteps.Line line, KindInputs inputs, String name, String origin) {
        CallSteps.Entry e = line.entry();
        Calculation c = line.calculation();
        this.runId = runId;
        this.position = position;
        this.enterpriseId = e.enterpriseId() > 0 ? e.enterpriseId() : null;
        this.uscc = Objects.requireNonNull(e.uscc());
        this.name = cut(name == null ? e.uscc() : name, Lengths.ORGANISATION_NAME);
        this.origin = cut(Objects.requireNonNull(origin), ORIGIN_LENGTH);
        this.computable = c.computable();
        this.eligible = c.eligible();
        this.kindAmount = e.kindResult().amount();
        this.amount = line.amount();
        this.recovery = c.recovery() == null ? Money.ZERO : c.recovery();
        this.inputs = LineJson.inputs(inputs);
        this.reasons = LineJson.reasons(c.reasons());
        this.steps = LineJson.steps(c.steps());
    }

    private static String cut(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length);
    }

    /** The inputs as they were, for the run's kind. */
    public KindInputs inputs(SubsidyKind kind) {
        return LineJson.inputs(inputs, kind);
    }

    public List<Calculation.Reason> reasons() {
        return LineJson.reasons(reasons);
    }

    public List<Calculation.Step> steps() {
        return LineJson.steps(steps);
    }

    public Long getRunId() {
        return runId;
    }

    public int getPosition() {
        return position;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getUscc() {
        return uscc;
    }

    public String getName() {
        return name;
    }

    public String getOrigin() {
        return origin;
    }

    public boolean isComputable() {
        return computable;
    }

    public boolean isEligible() {
        return eligible;
    }

    public Money getKindAmount() {
        return kindAmount;
    }

    public Money getAmount() {
        return amount;
    }

    public Money getRecovery() {
        return recovery;
    }

    /** The stored JSON, as the batch insert writes it. */
    public String getInputsJson() {
        return inputs;
    }

    public String getReasonsJson() {
        return reasons;
    }

    public String getStepsJson() {
        return steps;
    }

    /** The line's key: its run and position. */
    public record Key(Long runId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
