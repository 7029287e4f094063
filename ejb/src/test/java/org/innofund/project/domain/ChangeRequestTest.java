package org.innofund.project.domain;

import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

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

/** 项目变更: each kind changes only what it names, the agreement stays complete, a decision is final. */
class ChangeRequestTest {

    private static final AgreementContent SIGNED = complete();

    private static AgreementContent extended(LocalDate end) {
        return new AgreementContent(SIGNED.goals(), SIGNED.periodStart(), end, SIGNED.targets(), SIGNED.budget(),
                SIGNED.milestones());
    }

    private static AgreementContent moved(String equipment, String materials) {
        return withBudget(SIGNED, List.of(line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, equipment),
                line(BudgetCategory.MATERIALS, FundingSource.SUBSIDY, materials),
                line(BudgetCategory.LABOUR, FundingSource.SELF_FUNDED, "500000.00")));
    }

    private static AgreementContent retargeted(String value) {
        return new AgreementContent(SIGNED.goals(), SIGNED.periodStart(), SIGNED.periodEnd(),
                List.of(new AgreementContent.Target("发明专利申请", new BigDecimal(value), "件")), SIGNED.budget(),
                SIGNED.milestones());
    }

    private static List<FieldProblem> problems(ChangeKind kind, AgreementContent proposed) {
        return ChangeCheck.problems(kind, SIGNED, proposed, APPROVED);
    }

    @Test
    void eachKindAcceptsItsOwnChange() {
        assertEquals(List.of(), problems(ChangeKind.PERIOD_EXTENDED, extended(LocalDate.of(2028, 6, 30))));
        assertEquals(List.of(), problems(ChangeKind.BUDGET_MOVED, moved("250000.00", "50000.00")));
        assertEquals(List.of(), problems(ChangeKind.TARGET_CHANGED, retargeted("2")));
    }

    @Test
    void aProposalEqualToTheSignedTextIsNoChange() {
        assertEquals(List.of(FieldProblem.of("proposed", "change.nothingChanged")),
                problems(ChangeKind.TARGET_CHANGED, SIGNED));
    }

    @Test
    void aKindIsRequired() {
        assertEquals(List.of(FieldProblem.of("kind", "change.kindRequired")), problems(null, retargeted("2")));
    }

    @Test
    void anExtensionEndsLaterAndKeepsTheStart() {
        assertEquals(List.of(FieldProblem.of("milestones[2].dueOn", "agreement.milestoneOutsidePeriod", 2),
                        FieldProblem.of("period", "change.periodNotExtended", SIGNED.periodEnd())),
                problems(ChangeKind.PERIOD_EXTENDED, extended(LocalDate.of(2027, 11, 30))));
        AgreementContent startMoved = new AgreementContent(SIGNED.goals(), LocalDate.of(2027, 2, 1),
                LocalDate.of(2028, 6, 30), SIGNED.targets(), SIGNED.budget(), SIGNED.milestones());
        assertEquals(List.of(FieldProblem.of("period", "change.periodNotExtended", SIGNED.periodEnd())),
                problems(ChangeKind.PERIOD_EXTENDED, startMoved));
    }

    @Test
    void anExtensionMovesTheEndAndWhatIsDueAtItButNotTargets() {
        AgreementContent lastMoved = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(
                SIGNED.milestones().get(0), new AgreementContent.Milestone("小批量试产", LocalDate.of(2028, 6, 30), false)));
        assertEquals(List.of(), problems(ChangeKind.PERIOD_EXTENDED, lastMoved));
        AgreementContent plusTarget = new AgreementContent(SIGNED.goals(), SIGNED.periodStart(), LocalDate.of(2028, 6, 30),
                retargeted("1").targets(), SIGNED.budget(), SIGNED.milestones());
        assertEquals(List.of(FieldProblem.of("proposed", "change.beyondKind", ChangeKind.PERIOD_EXTENDED)),
                problems(ChangeKind.PERIOD_EXTENDED, plusTarget));
    }

    /** A milestone may be added in the added time, after the signed end, but not within the agreed period. */
    @Test
    void anExtensionMayAddMilestonesOnlyInTheAddedTime() {
        AgreementContent added = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(SIGNED.milestones().get(0),
                SIGNED.milestones().get(1), new AgreementContent.Milestone("推广应用", LocalDate.of(2028, 1, 1), false)));
        assertEquals(List.of(), problems(ChangeKind.PERIOD_EXTENDED, added));
        // one within the agreed period comes before a signed one, which then no longer stands in its place
        AgreementContent addedWithin = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(SIGNED.milestones().get(0),
                new AgreementContent.Milestone("推广应用", LocalDate.of(2027, 9, 30), false), SIGNED.milestones().get(1)));
        assertEquals(List.of(FieldProblem.of("milestones", "change.milestonesKept")),
                problems(ChangeKind.PERIOD_EXTENDED, addedWithin));
    }

    /** What was due within the agreed period stays due when it was: neither later (even to the old end) nor earlier. */
    @Test
    void anExtensionDoesNotMoveMilestonesWithinTheAgreedPeriod() {
        AgreementContent toTheOldEnd = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(
                new AgreementContent.Milestone("样机完成", LocalDate.of(2027, 12, 31), true),
                new AgreementContent.Milestone("小批量试产", LocalDate.of(2028, 6, 30), false)));
        assertEquals(List.of(FieldProblem.of("milestones[1].dueOn", "change.milestoneNotMovable", 1, SIGNED.periodEnd())),
                problems(ChangeKind.PERIOD_EXTENDED, toTheOldEnd));
        for (LocalDate due : List.of(LocalDate.of(2027, 9, 30), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 12, 30))) {
            AgreementContent moved = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(
                    new AgreementContent.Milestone("样机完成", due, true), SIGNED.milestones().get(1)));
            assertEquals(List.of(FieldProblem.of("milestones[1].dueOn", "change.milestoneNotMovable", 1,
                    SIGNED.periodEnd())), problems(ChangeKind.PERIOD_EXTENDED, moved), due.toString());
        }
        // into the added time it may go (a midterm after the old end is still inside the new period)
        AgreementContent bothOut = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(
                new AgreementContent.Milestone("样机完成", LocalDate.of(2028, 1, 15), true),
                new AgreementContent.Milestone("小批量试产", LocalDate.of(2028, 6, 30), false)));
        assertEquals(List.of(), problems(ChangeKind.PERIOD_EXTENDED, bothOut));
    }

    /** The signed milestones stay, in order, with their titles and kinds. */
    @Test
    void anExtensionKeepsEveryMilestone() {
        AgreementContent renamed = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(
                new AgreementContent.Milestone("样机设计", LocalDate.of(2027, 6, 30), true), SIGNED.milestones().get(1)));
        assertEquals(List.of(FieldProblem.of("milestones", "change.milestonesKept")),
                problems(ChangeKind.PERIOD_EXTENDED, renamed));
        AgreementContent noLongerMidterm = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(
                new AgreementContent.Milestone("样机完成", LocalDate.of(2027, 6, 30), true),
                new AgreementContent.Milestone("小批量试产", LocalDate.of(2027, 12, 31), true)));
        assertEquals(List.of(FieldProblem.of("milestones", "change.milestonesKept")),
                problems(ChangeKind.PERIOD_EXTENDED, noLongerMidterm));
        AgreementContent swapped = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(
                SIGNED.milestones().get(1), SIGNED.milestones().get(0)));
        assertTrue(problems(ChangeKind.PERIOD_EXTENDED, swapped)
                .contains(FieldProblem.of("milestones", "change.milestonesKept")));
        AgreementContent dropped = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(SIGNED.milestones().get(0)));
        assertEquals(List.of(FieldProblem.of("milestones", "change.milestonesKept")),
                problems(ChangeKind.PERIOD_EXTENDED, dropped));
    }

    /** Money moves between categories; neither source's total changes, so the subsidy stays the approved amount. */
    @Test
    void aBudgetMoveKeepsEachSourcesTotal() {
        List<FieldProblem> p = problems(ChangeKind.BUDGET_MOVED, moved("250000.00", "50000.01"));
        assertEquals(List.of(
                FieldProblem.of("budget", "agreement.subsidyNotApproved", Money.parse("300000.01"), APPROVED),
                FieldProblem.of("budget", "change.sourceTotalChanged", FundingSource.SUBSIDY, Money.parse("300000.01"),
                        APPROVED)), p);
        AgreementContent selfMoved = withBudget(SIGNED, List.of(
                line(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, "200000.00"),
                line(BudgetCategory.MATERIALS, FundingSource.SUBSIDY, "100000.00"),
                line(BudgetCategory.LABOUR, FundingSource.SELF_FUNDED, "400000.00"),
                line(BudgetCategory.TESTING, FundingSource.SELF_FUNDED, "100000.00")));
        assertEquals(List.of(), problems(ChangeKind.BUDGET_MOVED, selfMoved));
    }

    @Test
    void aBudgetMoveThatAlsoMovesTheScheduleIsBeyondItsKind() {
        assertEquals(List.of(FieldProblem.of("proposed", "change.beyondKind", ChangeKind.BUDGET_MOVED)),
                problems(ChangeKind.BUDGET_MOVED, withMilestones(moved("250000.00", "50000.00"), List.of(
                        new AgreementContent.Milestone("样机完成", LocalDate.of(2027, 7, 31), true)))));
    }

    @Test
    void aTargetChangeKeepsBudgetAndSchedule() {
        assertEquals(List.of(FieldProblem.of("proposed", "change.beyondKind", ChangeKind.TARGET_CHANGED)),
                problems(ChangeKind.TARGET_CHANGED, extended(LocalDate.of(2028, 6, 30))));
    }

    @Test
    void aChangedAgreementMustStillBeComplete() {
        AgreementContent noMidterm = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(
                new AgreementContent.Milestone("结题", LocalDate.of(2028, 6, 30), false)));
        assertEquals(List.of(FieldProblem.of("milestones", "agreement.midtermRequired"),
                        FieldProblem.of("milestones", "change.milestonesKept")),
                problems(ChangeKind.PERIOD_EXTENDED, noMidterm));
        AgreementContent pastTheNewEnd = withMilestones(extended(LocalDate.of(2028, 6, 30)), List.of(
                SIGNED.milestones().get(0), new AgreementContent.Milestone("小批量试产", LocalDate.of(2028, 9, 30), false)));
        assertEquals(List.of(FieldProblem.of("milestones[2].dueOn", "agreement.milestoneOutsidePeriod", 2)),
                problems(ChangeKind.PERIOD_EXTENDED, pastTheNewEnd));
    }

    @Test
    void askingNeedsASignedAgreementAndAReason() {
        TaskAgreement draft = TaskAgreement.draft(7L, 3L, APPROVED, SIGNED, "enterprise1", NOW);
        assertEquals("agreement.notSigned", assertThrows(BusinessException.class, () ->
                ChangeRequest.ask(draft, ChangeKind.TARGET_CHANGED, retargeted("2"), "市场变化", "enterprise1", NOW))
                .messageKey());
        TaskAgreement signed = Agreements.signed(SIGNED);
        assertEquals("agreement.reasonRequired", assertThrows(BusinessException.class, () ->
                ChangeRequest.ask(signed, ChangeKind.TARGET_CHANGED, retargeted("2"), "", "enterprise1", NOW))
                .messageKey());
        InvalidFormException e = assertThrows(InvalidFormException.class, () ->
                ChangeRequest.ask(signed, ChangeKind.TARGET_CHANGED, SIGNED, "市场变化", "enterprise1", NOW));
        assertEquals("change.nothingChanged", e.messageKey());
    }

    @Test
    void anApprovedChangeIsTheNextVersionAndTheSignedOneIsKept() {
        TaskAgreement a = Agreements.signed(SIGNED);
        ChangeRequest c = ChangeRequest.ask(a, ChangeKind.PERIOD_EXTENDED, extended(LocalDate.of(2028, 6, 30)),
                "设备到货延迟", "enterprise1", NOW);
        c.approve(a, "reviewer", NOW.plusSeconds(60));
        assertEquals(ChangeState.APPROVED, c.getState());
        assertEquals(2, a.getVersionNo());
        assertEquals(LocalDate.of(2028, 6, 30), a.getContent().periodEnd());
        assertEquals(SIGNED, a.getVersions().get(0).getContent());
        assertEquals(LocalDate.of(2028, 6, 30), a.getVersions().get(1).getContent().periodEnd());
        assertEquals("change.decided", assertThrows(BusinessException.class,
                () -> c.reject(a, "晚了", "reviewer", NOW)).messageKey());
    }

    @Test
    void aRejectionNeedsAReasonAndLeavesTheAgreement() {
        TaskAgreement a = Agreements.signed(SIGNED);
        ChangeRequest c = ChangeRequest.ask(a, ChangeKind.TARGET_CHANGED, retargeted("1"), "市场变化", "enterprise1", NOW);
        assertEquals("agreement.reasonRequired", assertThrows(BusinessException.class,
                () -> c.reject(a, " ", "reviewer", NOW)).messageKey());
        c.reject(a, "指标不得降低", "reviewer", NOW);
        assertEquals(ChangeState.REJECTED, c.getState());
        assertEquals("指标不得降低", c.getDecisionReason());
        assertEquals(1, a.getVersionNo());
        assertEquals(SIGNED, a.getContent());
    }

    /** Two requests asked on version 1: once one is approved, the other was asked against an old text. */
    @Test
    void aRequestAskedOnAnOlderVersionCannotBeApproved() {
        TaskAgreement a = Agreements.signed(SIGNED);
        ChangeRequest first = ChangeRequest.ask(a, ChangeKind.TARGET_CHANGED, retargeted("4"), "扩大", "enterprise1", NOW);
        ChangeRequest second = ChangeRequest.ask(a, ChangeKind.PERIOD_EXTENDED, extended(LocalDate.of(2028, 6, 30)),
                "延期", "enterprise1", NOW);
        first.approve(a, "reviewer", NOW);
        BusinessException e = assertThrows(BusinessException.class, () -> second.approve(a, "reviewer", NOW));
        assertEquals("change.stale", e.messageKey());
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertTrue(a.getContent().targets().get(0).value().compareTo(new BigDecimal("4")) == 0);
    }
}
