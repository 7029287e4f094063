package org.innofund.declaration.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.innofund.declaration.domain.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(new BigDecimal("300000.75"), c.requestedSubsidy());
        assertEquals(new BigDecimal("1000099.75"), c.sumOfLines());
    }

    @Test
    void withoutLinesBothSumsAreZero() {
        assertEquals(0, DeclarationContent.empty().requestedSubsidy().signum());
        assertEquals(0, DeclarationContent.empty().sumOfLines().signum());
        DeclarationContent selfFundedOnly = withLines(List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SELF_FUNDED, "5.00")));
        assertEquals(0, selfFundedOnly.requestedSubsidy().signum());
        assertEquals(new BigDecimal("5.00"), selfFundedOnly.sumOfLines());
    }

    /** Added exactly: no double, no rounding on the way (0.1 + 0.2 is 0.30). */
    @Test
    void theSumsAreExact() {
        List<DeclarationContent.BudgetLineData> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(line(BudgetCategory.OTHER, FundingSource.SUBSIDY, "0.10"));
        }
        lines.add(line(BudgetCategory.OTHER, FundingSource.SUBSIDY, "0.20"));
        assertEquals(new BigDecimal("1.20"), withLines(lines).requestedSubsidy());
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
}
