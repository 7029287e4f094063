package org.innofund.project.domain;

import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A complete agreement for the unit tests: 300,000.00 approved, split 200,000.00 + 100,000.00, period 2027. */
final class Agreements {

    static final Money APPROVED = Money.parse("300000.00");
    static final Instant NOW = Instant.parse("2027-01-05T02:00:00Z");

    private Agreements() {
    }

    static AgreementContent complete() {
        return new AgreementContent("研制新一代伺服电机", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                List.of(new AgreementContent.Target("发明专利申请", new BigDecimal("3"), "件")),
                List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "200000.00"),
                        line(BudgetCategory.MATERIALS, FundingSource.SUBSIDY, "100000.00"),
                        line(BudgetCategory.LABOUR, FundingSource.SELF_FUNDED, "500000.00")),
                List.of(new AgreementContent.Milestone("样机完成", LocalDate.of(2027, 6, 30), true),
                        new AgreementContent.Milestone("小批量试产", LocalDate.of(2027, 12, 31), false)));
    }

    static AgreementContent.BudgetItem line(BudgetCategory category, FundingSource source, String amount) {
        return new AgreementContent.BudgetItem(category, source, new BigDecimal(amount));
    }

    static AgreementContent withBudget(AgreementContent c, List<AgreementContent.BudgetItem> budget) {
        return new AgreementContent(c.goals(), c.periodStart(), c.periodEnd(), c.targets(), budget, c.milestones());
    }

    static AgreementContent withMilestones(AgreementContent c, List<AgreementContent.Milestone> milestones) {
        return new AgreementContent(c.goals(), c.periodStart(), c.periodEnd(), c.targets(), c.budget(), milestones);
    }

    /** A signed agreement (version 1), with an id as if stored. */
    static TaskAgreement signed(AgreementContent content) {
        TaskAgreement a = TaskAgreement.draft(7L, 3L, APPROVED, content, "enterprise1", NOW);
        a.submit("enterprise1", NOW);
        a.confirmByReviewer("reviewer", NOW);
        a.confirmByEnterprise("enterprise1", NOW);
        setId(a, 41L);
        return a;
    }

    static void setId(Object entity, long id) {
        try {
            var f = org.innofund.shared.BaseEntity.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
