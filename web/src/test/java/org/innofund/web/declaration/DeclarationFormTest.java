package org.innofund.web.declaration;

import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclarationFormTest {

    private static final DeclarationContent FULL = new DeclarationContent("智能厨房", ProjectField.SMART_APPLIANCES,
            LocalDate.of(2026, 3, 1), LocalDate.of(2027, 12, 31), "简介", "指标", new BigDecimal("1500000.00"),
            List.of(new DeclarationContent.BudgetLineData(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, new BigDecimal("800000.00")),
                    new DeclarationContent.BudgetLineData(BudgetCategory.MATERIALS, FundingSource.SELF_FUNDED, new BigDecimal("700000.00"))),
            new DeclarationContent.RdFiguresData(new BigDecimal("3000000"), new BigDecimal("2900000"), new BigDecimal("2500000"),
                    new BigDecimal("60000000"), 2, 1, 12, 100),
            List.of(new DeclarationContent.AchievementData(Achievement.TECH_SME, "C-1", LocalDate.of(2026, 5, 1))),
            List.of(new DeclarationContent.ServiceRecordData("检测中心", "12330200MB00000032", "INV-1", LocalDate.of(2026, 6, 1),
                    new BigDecimal("10000.00"))));

    @Test
    void aProjectDeclarationGoesBackAsItCame() {
        DeclarationContent back = DeclarationForm.of(FULL).toContent(KindRules.of(SubsidyKind.PRE_APPROVED).sections());
        assertEquals(FULL.projectName(), back.projectName());
        assertEquals(FULL.field(), back.field());
        assertEquals(FULL.periodStart(), back.periodStart());
        assertEquals(FULL.periodEnd(), back.periodEnd());
        assertEquals(FULL.budgetLines(), back.budgetLines());
        assertEquals(Money.of(new BigDecimal("800000.00")), back.requestedSubsidy());
        assertNull(back.rdFigures(), "figures of another kind are not sent");
        assertTrue(back.achievements().isEmpty());
        assertTrue(back.serviceRecords().isEmpty());
    }

    @Test
    void eachKindSendsOnlyItsOwnSection() {
        DeclarationForm form = DeclarationForm.of(FULL);
        DeclarationContent rd = form.toContent(KindRules.of(SubsidyKind.RD_INVESTMENT).sections());
        assertEquals(FULL.rdFigures(), rd.rdFigures());
        assertNull(rd.field());
        assertNull(rd.periodStart());
        assertNull(rd.totalBudget());
        assertTrue(rd.budgetLines().isEmpty());
        assertEquals("简介", rd.summary(), "summary and indicators belong to every kind");
        assertEquals(FULL.achievements(), form.toContent(KindRules.of(SubsidyKind.REWARD).sections()).achievements());
        assertEquals(FULL.serviceRecords(), form.toContent(KindRules.of(SubsidyKind.SHARED_SERVICE).sections()).serviceRecords());
    }

    @Test
    void rowsAreAddedAndRemoved() {
        DeclarationForm form = DeclarationForm.of(DeclarationContent.empty());
        form.addBudgetLine();
        form.addBudgetLine();
        assertEquals(FundingSource.SUBSIDY, form.getBudgetLines().get(0).getSource(), "a new line asks for subsidy");
        form.getBudgetLines().get(0).setAmount(new BigDecimal("5.00"));
        form.getBudgetLines().remove(form.getBudgetLines().get(1));
        DeclarationContent c = form.toContent(KindRules.of(SubsidyKind.PRE_APPROVED).sections());
        assertEquals(1, c.budgetLines().size());
        assertEquals(Money.of(new BigDecimal("5.00")), c.sumOfLines());
        form.addAchievement();
        form.addService();
        assertEquals(1, form.toContent(KindRules.of(SubsidyKind.REWARD).sections()).achievements().size());
        assertEquals(1, form.toContent(KindRules.of(SubsidyKind.SHARED_SERVICE).sections()).serviceRecords().size());
    }
}
