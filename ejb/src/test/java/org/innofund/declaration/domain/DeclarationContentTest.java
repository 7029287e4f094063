package org.innofund.declaration.domain;

import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.innofund.declaration.domain.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclarationContentTest {

    private static DeclarationContent withLines(List<DeclarationContent.BudgetLineData> lines) {
        return new DeclarationContent("P", null, null, null, null, null, null, lines, null, null, null);
    }

    @Test
    void theRequestedSubsidyIsTheSumOfTheSubsidyLinesOnly() {
        DeclarationContent c = withLines(List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "300000.50"),
                line(BudgetCategory.MATERIALS, FundingSource.SELF_FUNDED, "700000.00"),
                line(BudgetCategory.LABOUR, FundingSource.SUBSIDY, "0.25"),
                line(BudgetCategory.OTHER, FundingSource.SUBSIDY, null),
                line(BudgetCategory.OTHER, null, "99.00")));
        assertEquals(Money.of(new BigDecimal("300000.75")), c.requestedSubsidy());
        assertEquals(Money.of(new BigDecimal("1000099.75")), c.sumOfLines());
    }

    @Test
    void withoutLinesBothSumsAreZero() {
        assertEquals(Money.ZERO, DeclarationContent.empty().requestedSubsidy());
        assertEquals(Money.ZERO, DeclarationContent.empty().sumOfLines());
        DeclarationContent selfFundedOnly = withLines(List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SELF_FUNDED, "5.00")));
        assertEquals(Money.ZERO, selfFundedOnly.requestedSubsidy());
        assertEquals(Money.of(new BigDecimal("5.00")), selfFundedOnly.sumOfLines());
    }

    /** Added exactly: no double, no rounding on the way (0.1 + 0.2 is 0.30). */
    @Test
    void theSumsAreExact() {
        List<DeclarationContent.BudgetLineData> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(line(BudgetCategory.OTHER, FundingSource.SUBSIDY, "0.10"));
        }
        lines.add(line(BudgetCategory.OTHER, FundingSource.SUBSIDY, "0.20"));
        assertEquals(Money.of(new BigDecimal("1.20")), withLines(lines).requestedSubsidy());
    }

    @Test
    void missingListsAreEmptyAndGivenListsAreCopied() {
        DeclarationContent c = new DeclarationContent(null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(List.of(), c.budgetLines());
        assertEquals(List.of(), c.achievements());
        assertEquals(List.of(), c.serviceRecords());
        List<DeclarationContent.BudgetLineData> lines = new ArrayList<>(List.of(line(BudgetCategory.OTHER, FundingSource.SUBSIDY, "1.00")));
        DeclarationContent copied = withLines(lines);
        lines.clear();
        assertEquals(1, copied.budgetLines().size());
        assertThrows(UnsupportedOperationException.class, () -> copied.budgetLines().clear());
        assertEquals(DeclarationContent.empty(), new DeclarationContent(null, null, null, null, null, null, null, null, null, null, null));
    }

    private static Money money(String amount) {
        return Money.of(new BigDecimal(amount));
    }

    private static DeclarationContent withTotal(String total, List<DeclarationContent.BudgetLineData> lines) {
        DeclarationContent c = withLines(lines);
        return new DeclarationContent(null, null, null, null, null, null, total == null ? null : new BigDecimal(total),
                c.budgetLines(), null, List.of(), List.of());
    }

    @Test
    void eachSourceAddsUpItsOwnLines() {
        DeclarationContent c = withLines(List.of(
                line(BudgetCategory.OTHER, FundingSource.SELF_FUNDED, "1.10"),
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "300000.50"),
                line(BudgetCategory.EQUIPMENT, FundingSource.SELF_FUNDED, "100.00"),
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "0.50"),
                line(BudgetCategory.MATERIALS, FundingSource.SUBSIDY, null),
                line(BudgetCategory.LABOUR, FundingSource.SUBSIDY, "-1.00"),
                line(BudgetCategory.MATERIALS, null, "7.00")));
        assertEquals(money("300001.00"), c.requestedSubsidy());
        assertEquals(money("101.10"), c.selfFunded());
        // a line without its source (refused on saving, so only in a half-typed form) is in the sum of lines alone
        assertEquals(money("300109.10"), c.sumOfLines());
    }

    @Test
    void anAmountThatIsNotMoneyIsNotAdded() {
        DeclarationContent c = withLines(List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "10.00"),
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "0.001"),
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "100000000000000.00")));
        assertEquals(money("10"), c.requestedSubsidy());
        assertEquals(money("10"), c.sumOfLines());
    }

    @Test
    void theTotalMatchesTheLinesToTheFen() {
        List<DeclarationContent.BudgetLineData> lines = List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "0.1"),
                line(BudgetCategory.OTHER, FundingSource.SELF_FUNDED, "0.2"));
        assertTrue(withTotal("0.3", lines).totalMatchesLines());
        assertTrue(withTotal("0.300", lines).totalMatchesLines());
        assertFalse(withTotal("0.31", lines).totalMatchesLines());
        assertFalse(withTotal("0.29", lines).totalMatchesLines());
        assertFalse(withTotal(null, lines).totalMatchesLines());
        assertTrue(withTotal("0", List.of()).totalMatchesLines());
        // while an amount is not money, nothing is said to match
        assertFalse(withTotal("0.3001", lines).totalMatchesLines());
        assertFalse(withTotal("0.30", List.of(lines.get(0), lines.get(1), line(BudgetCategory.OTHER, FundingSource.SUBSIDY, "-0.00"),
                line(BudgetCategory.OTHER, FundingSource.SUBSIDY, "0.001"))).totalMatchesLines());
    }

    @Test
    void theServicesAddUp() {
        DeclarationContent c = new DeclarationContent(null, null, null, null, null, null, null, List.of(), null, List.of(),
                List.of(Fixtures.service("A", null, "100.10"), Fixtures.service("B", null, "0.90"), Fixtures.service("C", null, null)));
        assertEquals(money("101"), c.serviceTotal());
        assertEquals(Money.ZERO, DeclarationContent.empty().serviceTotal());
    }

    @Test
    void sumsBeyondTheLargestAmountAreUnknownNotAFailure() {
        String max = "99999999999999.99";
        DeclarationContent c = withLines(List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, max),
                line(BudgetCategory.EQUIPMENT, FundingSource.SELF_FUNDED, "0.01"),
                line(BudgetCategory.LABOUR, FundingSource.SUBSIDY, "5.00")));
        assertEquals(null, c.sumOfLines());
        assertEquals(null, c.requestedSubsidy());
        assertEquals(money("0.01"), c.selfFunded());
        assertFalse(withTotal(max, c.budgetLines()).totalMatchesLines());
    }
}
