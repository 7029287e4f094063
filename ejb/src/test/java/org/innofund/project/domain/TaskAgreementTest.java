package org.innofund.project.domain;

import org.innofund.program.domain.EvaluationStage;
import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.innofund.project.domain.Agreements.APPROVED;
import static org.innofund.project.domain.Agreements.NOW;
import static org.innofund.project.domain.Agreements.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The agreement's way from draft to signature, each step recorded; progress reports and what is overdue. */
class TaskAgreementTest {

    private final TaskAgreement draft = TaskAgreement.draft(7L, 3L, APPROVED, complete(), "enterprise1", NOW);

    @Test
    void returnedWithAReasonThenResubmittedConfirmedAndSigned() {
        draft.submit("enterprise1", NOW);
        draft.returnForRevision("  里程碑过于笼统 ", "reviewer", NOW.plusSeconds(60));
        assertEquals(AgreementState.RETURNED, draft.getState());
        assertEquals("里程碑过于笼统", draft.getLastReason());
        draft.edit(complete());
        draft.submit("enterprise1", NOW.plusSeconds(120));
        draft.confirmByReviewer("reviewer", NOW.plusSeconds(180));
        assertNull(draft.getLastReason());
        assertEquals(0, draft.getVersionNo());
        draft.confirmByEnterprise("enterprise1", NOW.plusSeconds(240));
        assertEquals(AgreementState.SIGNED, draft.getState());
        assertEquals(1, draft.getVersionNo());
        assertEquals(complete(), draft.getVersions().get(0).getContent());
        assertEquals(List.of("null>DRAFT enterprise1", "DRAFT>SUBMITTED enterprise1", "SUBMITTED>RETURNED reviewer",
                        "RETURNED>SUBMITTED enterprise1", "SUBMITTED>CONFIRMED_BY_REVIEWER reviewer",
                        "CONFIRMED_BY_REVIEWER>SIGNED enterprise1"),
                draft.getTransitions().stream().map(t -> t.getFromState() + ">" + t.getToState() + " " + t.getActor()).toList());
        assertEquals("里程碑过于笼统", draft.getTransitions().get(2).getReason());
    }

    @Test
    void aReturnNeedsAReason() {
        draft.submit("enterprise1", NOW);
        BusinessException e = assertThrows(BusinessException.class, () -> draft.returnForRevision(" ", "reviewer", NOW));
        assertEquals("agreement.reasonRequired", e.messageKey());
        BusinessException tooLong = assertThrows(BusinessException.class,
                () -> draft.returnForRevision("长".repeat(TaskAgreement.REASON_MAX + 1), "reviewer", NOW));
        assertEquals("agreement.reasonTooLong", tooLong.messageKey());
        assertEquals(AgreementState.SUBMITTED, draft.getState());
    }

    @Test
    void theEnterpriseConfirmsOnlyAfterTheReviewer() {
        draft.submit("enterprise1", NOW);
        BusinessException e = assertThrows(BusinessException.class, () -> draft.confirmByEnterprise("enterprise1", NOW));
        assertEquals("agreement.notConfirmedByReviewer", e.messageKey());
    }

    @Test
    void aSubmittedDraftCannotBeEdited() {
        draft.submit("enterprise1", NOW);
        BusinessException e = assertThrows(BusinessException.class, () -> draft.edit(complete()));
        assertEquals("agreement.notEditable", e.messageKey());
    }

    /** The midterm milestone is 2027-06-30 (a later midterm one 2027-09-30 does not count), the period ends 2027-12-31. */
    @Test
    void theMidtermIsDueFromItsMilestonesDayAndTheAcceptanceFromThePeriodsLastDay() {
        AgreementContent c = complete();
        TaskAgreement a = Agreements.signed(Agreements.withMilestones(c, List.of(
                c.milestones().get(0), new AgreementContent.Milestone("中期二", LocalDate.of(2027, 9, 30), true),
                c.milestones().get(1))));
        LocalDate midterm = LocalDate.of(2027, 6, 30);
        LocalDate end = LocalDate.of(2027, 12, 31);
        assertEquals(Optional.empty(), a.evaluationDue(ProjectState.IN_PROGRESS, midterm.minusDays(1)));
        var midtermDue = Optional.of(new TaskAgreement.EvaluationDue(EvaluationStage.MIDTERM, midterm));
        assertEquals(midtermDue, a.evaluationDue(ProjectState.IN_PROGRESS, midterm));
        assertEquals(midtermDue, a.evaluationDue(ProjectState.CONTRACTED, midterm));
        assertEquals(midtermDue, a.evaluationDue(ProjectState.IN_PROGRESS, end.plusDays(1)), "still the midterm first");
        assertEquals(Optional.empty(), a.evaluationDue(ProjectState.MIDTERM_DONE, end.minusDays(1)));
        assertEquals(Optional.of(new TaskAgreement.EvaluationDue(EvaluationStage.ACCEPTANCE, end)),
                a.evaluationDue(ProjectState.MIDTERM_DONE, end));
        for (ProjectState done : List.of(ProjectState.ACCEPTED_DONE, ProjectState.FAILED, ProjectState.WITHDRAWN)) {
            assertEquals(Optional.empty(), a.evaluationDue(done, end.plusDays(1)), done.name());
        }
    }

    @Test
    void nothingIsDueBeforeTheAgreementIsSigned() {
        draft.submit("enterprise1", NOW);
        draft.confirmByReviewer("reviewer", NOW);
        assertEquals(Optional.empty(), draft.evaluationDue(ProjectState.PUBLICIZED, LocalDate.of(2028, 1, 1)));
        assertEquals(Optional.empty(), draft.evaluationDue(ProjectState.IN_PROGRESS, LocalDate.of(2028, 1, 1)));
    }

    @Test
    void aMilestoneIsOverdueFromTheDayAfterItsDateWithoutAReport() {
        TaskAgreement a = Agreements.signed(complete());
        assertEquals(List.of(), a.overdueMilestones(LocalDate.of(2027, 6, 30), Set.of()));
        assertEquals(List.of(1), a.overdueMilestones(LocalDate.of(2027, 7, 1), Set.of()));
        assertEquals(List.of(), a.overdueMilestones(LocalDate.of(2027, 7, 1), Set.of(1)));
        assertEquals(List.of(1, 2), a.overdueMilestones(LocalDate.of(2028, 1, 1), Set.of()));
        assertEquals(List.of(2), a.overdueMilestones(LocalDate.of(2028, 1, 1), Set.of(1)));
    }

    @Test
    void nothingIsOverdueBeforeTheAgreementIsSigned() {
        assertEquals(List.of(), draft.overdueMilestones(LocalDate.of(2030, 1, 1), Set.of()));
    }

    @Test
    void aReportNamesAnExistingMilestoneUnderASignedAgreement() {
        BusinessException unsigned = assertThrows(BusinessException.class,
                () -> ProgressReport.file(draft, 1, "样机完成", null, "enterprise1", NOW));
        assertEquals("agreement.notSigned", unsigned.messageKey());
        TaskAgreement a = Agreements.signed(complete());
        assertEquals("progress.noSuchMilestone", assertThrows(BusinessException.class,
                () -> ProgressReport.file(a, 3, "x", null, "enterprise1", NOW)).messageKey());
        assertEquals("progress.noSuchMilestone", assertThrows(BusinessException.class,
                () -> ProgressReport.file(a, 0, "x", null, "enterprise1", NOW)).messageKey());
        assertEquals("progress.textRequired", assertThrows(BusinessException.class,
                () -> ProgressReport.file(a, 1, " ", null, "enterprise1", NOW)).messageKey());
        assertEquals("progress.tooLong", assertThrows(BusinessException.class,
                () -> ProgressReport.file(a, 1, "x", "9".repeat(ProgressReport.TEXT_MAX + 1), "enterprise1", NOW))
                .messageKey());
        ProgressReport r = ProgressReport.file(a, 1, " 样机已完成 ", " ", "enterprise1", Instant.parse("2027-06-20T00:00:00Z"));
        assertEquals("样机完成", r.getMilestoneTitle());
        assertEquals("样机已完成", r.getText());
        assertNull(r.getFigures());
        assertEquals(7L, r.getProjectId());
    }
}
