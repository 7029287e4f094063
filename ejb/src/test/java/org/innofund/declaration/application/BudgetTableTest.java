package org.innofund.declaration.application;

import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.innofund.declaration.domain.BudgetCategory.EQUIPMENT;
import static org.innofund.declaration.domain.BudgetCategory.LABOUR;
import static org.innofund.declaration.domain.BudgetCategory.MATERIALS;
import static org.innofund.declaration.domain.BudgetCategory.OTHER;
import static org.innofund.declaration.domain.FundingSource.SELF_FUNDED;
import static org.innofund.declaration.domain.FundingSource.SUBSIDY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BudgetTableTest {

    private static final String MAX = "99999999999999.99";

    private static Money money(String yuan) {
        return Money.of(new BigDecimal(yuan));
    }

    private static DeclarationContent.BudgetLineData line(BudgetCategory category, FundingSource source, String amount) {
        return new DeclarationContent.BudgetLineData(category, source, amount == null ? null : new BigDecimal(amount));
    }

    private static BudgetTable table(DeclarationContent.BudgetLineData... lines) {
        return BudgetTable.of(new DeclarationContent("P", null, null, null, null, null, null, Arrays.asList(lines), null,
                null, null));
    }

    private static BudgetTable.Row row(BudgetCategory category, String subsidy, String selfFunded, String total) {
        return new BudgetTable.Row(category, subsidy == null ? null : money(subsidy),
                selfFunded == null ? null : money(selfFunded), total == null ? null : money(total));
    }

    @Test
    void noLinesMakeNoRowsAndSumsOfZero() {
        BudgetTable t = BudgetTable.of(DeclarationContent.empty());
        assertEquals(List.of(), t.rows());
        assertEquals(row(null, "0", "0", "0"), t.sum());
    }

    @Test
    void oneCategoryAddsItsLinesBySource() {
        BudgetTable t = table(line(EQUIPMENT, SUBSIDY, "300000.50"), line(EQUIPMENT, SELF_FUNDED, "100"),
                line(EQUIPMENT, SUBSIDY, "0.5"));
        assertEquals(List.of(row(EQUIPMENT, "300001", "100", "300101")), t.rows());
        assertEquals(row(null, "300001", "100", "300101"), t.sum());
    }

    @Test
    void aCategoryWithOneSourceOnlyHasZeroInTheOther() {
        BudgetTable t = table(line(LABOUR, SELF_FUNDED, "0.01"));
        assertEquals(List.of(row(LABOUR, "0", "0.01", "0.01")), t.rows());
    }

    @Test
    void manyCategoriesComeInTheCategoriesOrderAndTheSumRowAddsTheColumns() {
        BudgetTable t = table(line(OTHER, SELF_FUNDED, "1.10"), line(EQUIPMENT, SUBSIDY, "300000.50"),
                line(MATERIALS, SUBSIDY, "20"), line(EQUIPMENT, SELF_FUNDED, "100.00"), line(MATERIALS, SELF_FUNDED, "0.05"),
                line(OTHER, SUBSIDY, "0.90"));
        assertEquals(List.of(row(EQUIPMENT, "300000.50", "100", "300100.50"), row(MATERIALS, "20", "0.05", "20.05"),
                row(OTHER, "0.90", "1.10", "2.00")), t.rows());
        assertEquals(row(null, "300021.40", "101.15", "300122.55"), t.sum());
    }

    @Test
    void everyCategoryWithFiftyLines() {
        List<DeclarationContent.BudgetLineData> lines = new ArrayList<>();
        for (int i = 0; i < DeclarationContent.MAX_BUDGET_LINES; i++) {
            BudgetCategory category = BudgetCategory.values()[i % BudgetCategory.values().length];
            lines.add(line(category, i % 2 == 0 ? SUBSIDY : SELF_FUNDED, "0.01"));
        }
        BudgetTable t = table(lines.toArray(DeclarationContent.BudgetLineData[]::new));
        assertEquals(BudgetCategory.values().length, t.rows().size());
        assertEquals(Arrays.asList(BudgetCategory.values()), t.rows().stream().map(BudgetTable.Row::category).toList());
        assertEquals(row(null, "0.25", "0.25", "0.50"), t.sum());
    }

    @Test
    void linesWithoutCategorySourceOrAMoneyAmountAreLeftOut() {
        BudgetTable t = table(line(EQUIPMENT, SUBSIDY, "10"), line(null, SUBSIDY, "7"), line(MATERIALS, null, "7"),
                line(LABOUR, SUBSIDY, null), line(LABOUR, SUBSIDY, "-1.00"), line(OTHER, SUBSIDY, "0.001"),
                line(OTHER, SELF_FUNDED, "100000000000000.00"));
        assertEquals(List.of(row(EQUIPMENT, "10", "0", "10")), t.rows());
        assertEquals(row(null, "10", "0", "10"), t.sum());
    }

    @Test
    void aSumBeyondTheLargestAmountIsUnknownNotAFailure() {
        BudgetTable t = table(line(EQUIPMENT, SUBSIDY, MAX), line(EQUIPMENT, SELF_FUNDED, "0.01"),
                line(LABOUR, SUBSIDY, "5.00"), line(OTHER, SUBSIDY, MAX), line(OTHER, SUBSIDY, "0.01"));
        assertEquals(List.of(row(EQUIPMENT, MAX, "0.01", null), row(LABOUR, "5", "0", "5"), row(OTHER, null, "0", null)),
                t.rows());
        // a column with an unknown figure has an unknown sum; the others still add up
        assertEquals(row(null, null, "0.01", null), t.sum());
    }

    @Test
    void theLargestAmountItselfIsStillASum() {
        BudgetTable t = table(line(EQUIPMENT, SUBSIDY, "99999999999999.98"), line(EQUIPMENT, SELF_FUNDED, "0.01"));
        assertEquals(row(null, "99999999999999.98", "0.01", MAX), t.sum());
    }
}
