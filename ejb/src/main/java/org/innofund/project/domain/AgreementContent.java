package org.innofund.project.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyAmount;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a task agreement (任务书) says: goals, measurable targets, the budget by category and source, the period and the
 * milestones. The same record for the editor, the API, each stored version and a change request's proposal. A draft may
 * be incomplete; {@link AgreementCheck} says everything that is wrong at submission. Amounts stay BigDecimal here so that
 * a wrong one is reported with the others instead of failing the read.
 */
public record AgreementContent(
        @Size(max = Lengths.LONG_TEXT) String goals,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Size(max = MAX_ROWS) List<@NotNull @Valid Target> targets,
        @Size(max = MAX_ROWS) List<@NotNull @Valid BudgetItem> budget,
        @Size(max = MAX_ROWS) List<@NotNull @Valid Milestone> milestones) implements Serializable {

    public static final int MAX_ROWS = 50;
    public static final int NAME_MAX = 200;
    public static final int UNIT_MAX = 20;

    public AgreementContent {
        targets = targets == null ? List.of() : List.copyOf(targets);
        budget = budget == null ? List.of() : List.copyOf(budget);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** 考核指标: a measurable target, e.g. "发明专利申请" 3 "件". */
    public record Target(@Size(max = NAME_MAX) String name, @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal value,
                         @Size(max = UNIT_MAX) String unit)
            implements Serializable {
    }

    /** 预算: one line of the budget by category and source (the subsidy lines add up to the approved amount). */
    public record BudgetItem(BudgetCategory category, FundingSource source, @MoneyAmount BigDecimal amount)
            implements Serializable {
    }

    /** 里程碑: what is due by when; a midterm one (中期) leads to the MIDTERM evaluation. */
    public record Milestone(@Size(max = NAME_MAX) String title, LocalDate dueOn, boolean midterm) implements Serializable {
    }

    /** The subsidy part of the budget (申请财政补助 lines), or null while an amount in it is not money. */
    public Money subsidy() {
        return sourceTotal(FundingSource.SUBSIDY);
    }

    /** The total of one source (申请财政补助 or 企业自筹), or null while an amount in it is not money. */
    Money sourceTotal(FundingSource source) {
        return sumOf(budget.stream().filter(b -> b.source() == source));
    }

    private static Money sumOf(Stream<BudgetItem> items) {
        List<BigDecimal> amounts = items.map(BudgetItem::amount).toList();
        if (amounts.stream().anyMatch(a -> !Money.isValid(a))) {
            return null;
        }
        try {
            return Money.sum(amounts.stream().map(Money::of));
        } catch (RuntimeException beyondMax) {
            return null;
        }
    }

    /** The milestone of this number (1-based, as reports name it), if the agreement has it. */
    public Milestone milestone(int number) {
        return number >= 1 && number <= milestones.size() ? milestones.get(number - 1) : null;
    }

    boolean samePeriod(AgreementContent other) {
        return Objects.equals(periodStart, other.periodStart) && Objects.equals(periodEnd, other.periodEnd);
    }
}
