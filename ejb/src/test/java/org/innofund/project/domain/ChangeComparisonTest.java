package org.innofund.project.domain;

import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.FundingSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.innofund.project.domain.Agreements.complete;
import static org.innofund.project.domain.Agreements.line;
import static org.innofund.project.domain.Agreements.withBudget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reviewer's side-by-side view of a change: end, budget lines and targets, before and after. */
class ChangeComparisonTest {

    private static final AgreementContent SIGNED = complete();

    @Test
    void anExtensionChangesOnlyTheEnd() {
        AgreementContent extended = new AgreementContent(SIGNED.goals(), SIGNED.periodStart(), LocalDate.of(2028, 6, 30),
                SIGNED.targets(), SIGNED.budget(), SIGNED.milestones());
        ChangeComparison c = ChangeComparison.of(SIGNED, extended);
        assertTrue(c.isEndChanged());
        assertEquals(LocalDate.of(2027, 12, 31), c.endBefore());
        assertEquals(LocalDate.of(2028, 6, 30), c.endAfter());
        assertEquals(3, c.budget().size());
        assertTrue(c.budget().stream().noneMatch(ChangeComparison.BudgetLine::isChanged));
        assertTrue(c.targets().stream().noneMatch(ChangeComparison.TargetLine::isChanged));
    }

    /** Lines are matched by category and source; a new line has no before, a dropped one no after; 2 decimals or 0 alike. */
    @Test
    void aBudgetMoveShowsEachLineBeforeAndAfter() {
        AgreementContent moved = withBudget(SIGNED, List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "250000"),
                line(BudgetCategory.MATERIALS, FundingSource.SUBSIDY, "50000.00"),
                line(BudgetCategory.LABOUR, FundingSource.SELF_FUNDED, "400000.00"),
                line(BudgetCategory.TESTING, FundingSource.SELF_FUNDED, "100000.00")));
        ChangeComparison c = ChangeComparison.of(moved, moved);
        assertTrue(c.budget().stream().noneMatch(ChangeComparison.BudgetLine::isChanged));
        c = ChangeComparison.of(SIGNED, moved);
        assertFalse(c.isEndChanged());
        assertEquals(4, c.budget().size());
        ChangeComparison.BudgetLine equipment = c.budget().get(0);
        assertEquals(BudgetCategory.EQUIPMENT, equipment.category());
        assertEquals(new BigDecimal("200000.00"), equipment.before());
        assertEquals(new BigDecimal("250000"), equipment.after());
        assertTrue(equipment.isChanged());
        ChangeComparison.BudgetLine testing = c.budget().get(3);
        assertEquals(BudgetCategory.TESTING, testing.category());
        assertNull(testing.before());
        assertTrue(testing.isChanged());
        ChangeComparison.BudgetLine sameAmount = ChangeComparison.of(SIGNED, withBudget(SIGNED, List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "200000"),
                line(BudgetCategory.MATERIALS, FundingSource.SUBSIDY, "100000.00")))).budget().get(0);
        assertFalse(sameAmount.isChanged());
        ChangeComparison.BudgetLine dropped = ChangeComparison.of(SIGNED, withBudget(SIGNED, List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "300000.00")))).budget().get(2);
        assertEquals(BudgetCategory.LABOUR, dropped.category());
        assertNull(dropped.after());
        assertTrue(dropped.isChanged());
    }

    @Test
    void aTargetChangeShowsEachTargetBeforeAndAfter() {
        AgreementContent.Target patents = new AgreementContent.Target("发明专利申请", new BigDecimal("2"), "件");
        AgreementContent.Target sales = new AgreementContent.Target("销售收入", new BigDecimal("500"), "万元");
        AgreementContent retargeted = new AgreementContent(SIGNED.goals(), SIGNED.periodStart(), SIGNED.periodEnd(),
                List.of(patents, sales), SIGNED.budget(), SIGNED.milestones());
        ChangeComparison c = ChangeComparison.of(SIGNED, retargeted);
        assertEquals(2, c.targets().size());
        assertEquals(new BigDecimal("3"), c.targets().get(0).before().value());
        assertEquals(patents, c.targets().get(0).after());
        assertTrue(c.targets().get(0).isChanged());
        assertNull(c.targets().get(1).before());
        assertTrue(c.targets().get(1).isChanged());
        assertFalse(new ChangeComparison.TargetLine(patents, new AgreementContent.Target("发明专利申请",
                new BigDecimal("2.00"), "件")).isChanged());
        assertTrue(new ChangeComparison.TargetLine(patents, new AgreementContent.Target("发明专利申请",
                new BigDecimal("2"), "项")).isChanged());
        assertTrue(new ChangeComparison.TargetLine(patents, new AgreementContent.Target("发明专利申请", null, "件"))
                .isChanged());
        assertFalse(c.isEndChanged());
        assertTrue(c.budget().stream().noneMatch(ChangeComparison.BudgetLine::isChanged));
    }
}
