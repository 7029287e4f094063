package org.innofund.project.domain;

import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.FundingSource;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a change request would change, the agreement in force beside the proposal, as the reviewer decides on it: the
 * period's end, each budget line (by category and source) and each target (by position) before and after, each
 * marked changed or not. A line only on one side has null on the other.
 */
public record ChangeComparison(LocalDate endBefore, LocalDate endAfter, List<BudgetLine> budget, List<TargetLine> targets)
        implements Serializable {

    public record BudgetLine(BudgetCategory category, FundingSource source, BigDecimal before, BigDecimal after)
            implements Serializable {
        public boolean isChanged() {
            return before == null || after == null || before.compareTo(after) != 0;
        }
    }

    public record TargetLine(AgreementContent.Target before, AgreementContent.Target after) implements Serializable {
        public boolean isChanged() {
            return before == null || after == null || !Objects.equals(before.name(), after.name())
                    || !Objects.equals(before.unit(), after.unit()) || before.value() == null != (after.value() == null)
                    || before.value() != null && before.value().compareTo(after.value()) != 0;
        }
    }

    public boolean isEndChanged() {
        return !Objects.equals(endBefore, endAfter);
    }

    public static ChangeComparison of(AgreementContent inForce, AgreementContent proposed) {
        Map<List<Object>, BigDecimal[]> lines = new LinkedHashMap<>();
        for (AgreementContent.BudgetItem b : inForce.budget()) {
            lines.computeIfAbsent(Arrays.<Object>asList(b.category(), b.source()), k -> new BigDecimal[2])[0] = b.amount();
        }
        for (AgreementContent.BudgetItem b : proposed.budget()) {
            lines.computeIfAbsent(Arrays.<Object>asList(b.category(), b.source()), k -> new BigDecimal[2])[1] = b.amount();
        }
        List<BudgetLine> budget = new ArrayList<>();
        lines.forEach((key, amounts) -> budget.add(new BudgetLine((BudgetCategory) key.get(0), (FundingSource) key.get(1),
                amounts[0], amounts[1])));
        List<TargetLine> targets = new ArrayList<>();
        for (int i = 0; i < Math.max(inForce.targets().size(), proposed.targets().size()); i++) {
            targets.add(new TargetLine(i < inForce.targets().size() ? inForce.targets().get(i) : null,
                    i < proposed.targets().size() ? proposed.targets().get(i) : null));
        }
        return new ChangeComparison(inForce.periodEnd(), proposed.periodEnd(), budget, targets);
    }
}
