package org.innofund.declaration.application;

import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationContent.BudgetLineData;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 预算汇总表: a declaration's budget by category (in the categories' order), one column per funding source, and a
 * row of sums, as the reviewer checks it. Only lines with a category, a source and an amount that is money count (a
 * submitted declaration has no other). A sum beyond {@link Money#MAX} is null: the page shows no figure rather than fail.
 */
public record BudgetTable(List<Row> rows, Row sum) implements Serializable {

    /** One category's money by source (the sum row has no category). */
    public record Row(BudgetCategory category, Money subsidy, Money selfFunded, Money total) implements Serializable {
    }

    public static BudgetTable of(DeclarationContent content) {
        Map<BudgetCategory, List<BudgetLineData>> byCategory = content.budgetLines().stream()
                .filter(l -> l.category() != null && l.source() != null && Money.isValid(l.amount()))
                .collect(Collectors.groupingBy(BudgetLineData::category, () -> new EnumMap<>(BudgetCategory.class),
                        Collectors.toList()));
        List<Row> rows = byCategory.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
        return new BudgetTable(rows, new Row(null, sum(rows.stream().map(Row::subsidy)),
                sum(rows.stream().map(Row::selfFunded)), sum(rows.stream().map(Row::total))));
    }

    private static Row row(BudgetCategory category, List<BudgetLineData> lines) {
        Money subsidy = sum(from(lines, FundingSource.SUBSIDY));
        Money selfFunded = sum(from(lines, FundingSource.SELF_FUNDED));
        return new Row(category, subsidy, selfFunded, sum(Stream.of(subsidy, selfFunded)));
    }

    private static Stream<Money> from(List<BudgetLineData> lines, FundingSource source) {
        return lines.stream().filter(l -> l.source() == source).map(l -> Money.of(l.amount()));
    }

    /** Added in whole fen, where no sum of a declaration's amounts can overflow; null if one is unknown or it is too large. */
    private static Money sum(Stream<Money> amounts) {
        List<Money> all = amounts.toList();
        if (all.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        long fen = all.stream().mapToLong(Money::fen).reduce(0L, Math::addExact);
        return fen <= Money.MAX.fen() ? Money.ofFen(fen) : null;
    }
}
