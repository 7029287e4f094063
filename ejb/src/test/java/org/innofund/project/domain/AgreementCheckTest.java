package org.innofund.project.domain;

import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.innofund.project.domain.Agreements.APPROVED;
import static org.innofund.project.domain.Agreements.NOW;
import static org.innofund.project.domain.Agreements.complete;
import static org.innofund.project.domain.Agreements.line;
import static org.innofund.project.domain.Agreements.withBudget;
import static org.innofund.project.domain.Agreements.withMilestones;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a task agreement must say before submission: every problem at once, the subsidy part to the fen. */
class AgreementCheckTest {

    @Test
    void aCompleteAgreementHasNoProblem() {
        assertEquals(List.of(), AgreementCheck.problems(complete(), APPROVED));
    }

    /** The subsidy lines add up to the approved amount exactly: a fen more or less is refused, naming both. */
    @ParameterizedTest(name = "subsidy lines {0} + {1} against 300000.00: accepted {2}")
    @CsvSource({
            "200000.00, 100000.00, true",
            "200000.00, 100000.01, false",
            "200000.00, 99999.99, false",
            "299999.99, 0.01, true",
            "300000.00, 0.00, true",
            "150000.00, 150000.00, true",
            "0.00, 0.00, false"})
    void theSubsidyPartIsTheApprovedAmountToTheFen(String first, String second, boolean accepted) {
        AgreementContent c = withBudget(complete(), List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, first),
                line(BudgetCategory.MATERIALS, FundingSource.SUBSIDY, second),
                line(BudgetCategory.LABOUR, FundingSource.SELF_FUNDED, "300000.00")));
        List<FieldProblem> problems = AgreementCheck.problems(c, APPROVED);
        if (accepted) {
            assertEquals(List.of(), problems);
        } else {
            Money sum = Money.parse(first).plus(Money.parse(second));
            assertEquals(List.of(FieldProblem.of("budget", "agreement.subsidyNotApproved", sum, APPROVED)), problems);
        }
    }

    @Test
    void selfFundedLinesDoNotCountTowardsTheSubsidy() {
        AgreementContent c = withBudget(complete(), List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "300000.00"),
                line(BudgetCategory.EQUIPMENT, FundingSource.SELF_FUNDED, "0.01")));
        assertEquals(List.of(), AgreementCheck.problems(c, APPROVED));
    }

    @Test
    void anAmountThatIsNotMoneyIsReportedOnItsLineNotAsAWrongSum() {
        AgreementContent c = withBudget(complete(), List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "300000.001"),
                new AgreementContent.BudgetItem(BudgetCategory.MATERIALS, null, BigDecimal.ONE)));
        assertEquals(List.of(FieldProblem.of("budget[1]", "agreement.budgetLineIncomplete", 1),
                FieldProblem.of("budget[2]", "agreement.budgetLineIncomplete", 2)), AgreementCheck.problems(c, APPROVED));
    }

    @Test
    void aCategoryAndSourceAppearOnce() {
        AgreementContent c = withBudget(complete(), List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "100000.00"),
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "200000.00")));
        assertEquals(List.of(FieldProblem.of("budget[2]", "agreement.budgetLineTwice", 2)),
                AgreementCheck.problems(c, APPROVED));
    }

    @Test
    void anEmptyDraftReportsEverythingAtOnce() {
        AgreementContent empty = new AgreementContent(null, null, null, null, null, null);
        assertEquals(List.of(
                FieldProblem.of("goals", "agreement.goalsRequired"),
                FieldProblem.of("targets", "agreement.targetsRequired"),
                FieldProblem.of("budget", "agreement.subsidyNotApproved", Money.ZERO, APPROVED),
                FieldProblem.of("period", "agreement.periodRequired"),
                FieldProblem.of("milestones", "agreement.midtermRequired")), AgreementCheck.problems(empty, APPROVED));
    }

    @Test
    void aTargetIsMeasurable() {
        AgreementContent c = complete();
        AgreementContent bad = new AgreementContent(c.goals(), c.periodStart(), c.periodEnd(), List.of(
                new AgreementContent.Target("销售收入", null, "万元"),
                new AgreementContent.Target("专利", BigDecimal.ONE, " ")), c.budget(), c.milestones());
        assertEquals(List.of(FieldProblem.of("targets[1]", "agreement.targetIncomplete", 1),
                FieldProblem.of("targets[2]", "agreement.targetIncomplete", 2)), AgreementCheck.problems(bad, APPROVED));
    }

    @Test
    void thePeriodEndsAfterItStarts() {
        AgreementContent c = complete();
        AgreementContent sameDay = new AgreementContent(c.goals(), c.periodStart(), c.periodStart(), c.targets(),
                c.budget(), c.milestones());
        assertEquals(List.of(FieldProblem.of("period", "agreement.periodBackwards")),
                AgreementCheck.problems(sameDay, APPROVED));
    }

    @Test
    void atLeastOneMilestoneIsTheMidterm() {
        AgreementContent c = withMilestones(complete(), List.of(
                new AgreementContent.Milestone("样机", LocalDate.of(2027, 6, 30), false)));
        assertEquals(List.of(FieldProblem.of("milestones", "agreement.midtermRequired")),
                AgreementCheck.problems(c, APPROVED));
    }

    /** Inside the period: after its first day, on its last day at the latest; in order of date, no two on one day. */
    @ParameterizedTest(name = "milestones on {0} and {1}: {2}")
    @CsvSource({
            "2027-06-30, 2027-12-31, ''",
            "2027-01-02, 2027-12-31, ''",
            "2027-01-01, 2027-12-31, milestones[1].dueOn agreement.milestoneOutsidePeriod",
            "2026-12-31, 2027-12-31, milestones[1].dueOn agreement.milestoneOutsidePeriod",
            "2027-06-30, 2028-01-01, milestones[2].dueOn agreement.milestoneOutsidePeriod",
            "2027-06-30, 2027-06-30, milestones[2].dueOn agreement.milestonesOutOfOrder",
            "2027-06-30, 2027-03-31, milestones[2].dueOn agreement.milestonesOutOfOrder"})
    void milestonesLieInThePeriodInOrder(LocalDate first, LocalDate second, String expected) {
        AgreementContent c = withMilestones(complete(), List.of(
                new AgreementContent.Milestone("中期", first, true),
                new AgreementContent.Milestone("结题", second, false)));
        List<FieldProblem> problems = AgreementCheck.problems(c, APPROVED);
        if (expected.isEmpty()) {
            assertEquals(List.of(), problems);
        } else {
            String[] p = expected.split(" ");
            int n = p[0].startsWith("milestones[1]") ? 1 : 2;
            assertEquals(List.of(FieldProblem.of(p[0], p[1], n)), problems);
        }
    }

    @Test
    void aMilestoneWithoutTitleOrDateIsIncomplete() {
        AgreementContent c = withMilestones(complete(), List.of(
                new AgreementContent.Milestone("中期", LocalDate.of(2027, 6, 30), true),
                new AgreementContent.Milestone(" ", LocalDate.of(2027, 9, 30), false),
                new AgreementContent.Milestone("结题", null, false)));
        assertEquals(List.of(FieldProblem.of("milestones[2]", "agreement.milestoneIncomplete", 2),
                FieldProblem.of("milestones[3]", "agreement.milestoneIncomplete", 3)), AgreementCheck.problems(c, APPROVED));
    }

    @Test
    void submissionIsRefusedWithEveryProblemAndChangesNothing() {
        TaskAgreement a = TaskAgreement.draft(7L, 3L, APPROVED, withBudget(complete(), List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "299999.99"))), "enterprise1", NOW);
        InvalidFormException e = assertThrows(InvalidFormException.class, () -> a.submit("enterprise1", NOW));
        assertEquals("agreement.subsidyNotApproved", e.messageKey());
        assertEquals("budget", e.problems().get(0).field());
        assertEquals(AgreementState.DRAFT, a.getState());
        assertEquals(1, a.getTransitions().size());
    }

    @Test
    void theTranchesFollowTheRulesOneAfterAcceptance() {
        TaskAgreement a = TaskAgreement.draft(7L, 3L, APPROVED, complete(), "enterprise1", NOW);
        assertEquals(List.of(new PaymentTranche(1, PaymentTranche.Due.AFTER_ACCEPTANCE, APPROVED)), a.tranches(BigDecimal.ZERO));
        assertTrue(a.tranches(BigDecimal.ZERO).stream().map(PaymentTranche::amount).reduce(Money.ZERO, Money::plus).equals(APPROVED));
    }
}
