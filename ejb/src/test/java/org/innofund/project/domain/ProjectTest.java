package org.innofund.project.domain;

import org.innofund.declaration.domain.ProjectField;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.innofund.project.domain.Candidates.T0;
import static org.innofund.project.domain.Candidates.candidate;
import static org.innofund.project.domain.Candidates.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project's birth from an approved list's line, and its transitions as the table allows, each recorded. */
class ProjectTest {

    private static final Instant LATER = T0.plusSeconds(86_400);

    private static ApprovalList approvedList() {
        ApprovalList list = ApprovalList.draft(11L, null, yuan("1000000"), ApprovalRules.lines(
                List.of(candidate(1, "91.5", 0, "300000", "280000"), candidate(2, "60", 0, "100000", null)),
                List.of(Proposal.of(1L, new BigDecimal("280000")), Proposal.notProposed(2L, "得分较低")),
                yuan("1000000")), "reviewer", T0);
        list.submit("reviewer", T0);
        list.approve("approver", T0);
        return list;
    }

    private static Project project(SubsidyKind kind) {
        ApprovalList list = approvedList();
        return Project.approved(list, list.getLines().get(0), kind, ProjectField.NEW_MATERIALS, "approver", T0);
    }

    @Test
    void aProjectIsBornApprovedWithItsLineAsRead() {
        Project p = project(SubsidyKind.PRE_APPROVED);
        assertEquals(ProjectState.APPROVED, p.getState());
        assertEquals(1L, p.getDeclarationId());
        assertEquals(11L, p.getCallId());
        assertEquals(101L, p.getEnterpriseId());
        assertEquals("项目1", p.getProjectName());
        assertEquals(yuan("280000"), p.getApprovedAmount());
        assertEquals(Grade.GOOD, p.getAgencyGrade());
        assertEquals(new BigDecimal("91.5"), p.getAgencyScore());
        assertEquals(ProjectField.NEW_MATERIALS, p.getField());
        assertEquals(1, p.getTransitions().size());
        ProjectTransition birth = p.getTransitions().get(0);
        assertNull(birth.getFromState());
        assertEquals(ProjectState.APPROVED, birth.getToState());
        assertEquals("approver", birth.getActor());
        assertEquals(T0, birth.getOccurredAt());
    }

    @Test
    void onlyAProposedLineOfAnApprovedListBecomesAProject() {
        ApprovalList list = approvedList();
        assertThrows(IllegalArgumentException.class, () -> Project.approved(list, list.getLines().get(1),
                SubsidyKind.PRE_APPROVED, null, "approver", T0));
        ApprovalList draft = ApprovalList.draft(12L, null, yuan("1000000"), list.getLines(), "reviewer", T0);
        assertThrows(IllegalArgumentException.class, () -> Project.approved(draft, draft.getLines().get(0),
                SubsidyKind.PRE_APPROVED, null, "approver", T0));
    }

    @Test
    void aWithdrawalSaysWhyAndIsRecorded() {
        Project p = project(SubsidyKind.PRE_APPROVED);
        assertEquals("project.reasonRequired", assertThrows(BusinessException.class,
                () -> p.withdraw("reviewer", " ", LATER)).messageKey());
        assertEquals("project.reasonTooLong", assertThrows(BusinessException.class,
                () -> p.withdraw("reviewer", "异".repeat(1001), LATER)).messageKey());
        p.withdraw("reviewer", " 异议成立：数据不实 ", LATER);
        assertEquals(ProjectState.WITHDRAWN, p.getState());
        ProjectTransition t = p.getTransitions().get(1);
        assertEquals(ProjectState.APPROVED, t.getFromState());
        assertEquals(ProjectState.WITHDRAWN, t.getToState());
        assertEquals("异议成立：数据不实", t.getReason());
        assertEquals("project.notApproved", assertThrows(BusinessException.class,
                () -> p.publicize("system", LATER)).messageKey());
    }

    @Test
    void aPreApprovedProjectGoesTheWholeWay() {
        Project p = project(SubsidyKind.PRE_APPROVED);
        p.require(ProjectAction.OBJECT);
        p.publicize("system", LATER);
        p.require(ProjectAction.DRAFT_AGREEMENT);
        for (ProjectAction a : List.of(ProjectAction.CONTRACT, ProjectAction.START, ProjectAction.COMPLETE_MIDTERM,
                ProjectAction.PASS_ACCEPTANCE)) {
            p.moveTo(a, "reviewer", LATER, null);
        }
        assertEquals(ProjectState.ACCEPTED_DONE, p.getState());
        assertEquals(List.of(ProjectState.APPROVED, ProjectState.PUBLICIZED, ProjectState.CONTRACTED,
                        ProjectState.IN_PROGRESS, ProjectState.MIDTERM_DONE, ProjectState.ACCEPTED_DONE),
                p.getTransitions().stream().map(ProjectTransition::getToState).toList());
    }

    @Test
    void aPostSubsidyProjectStopsAtPublicized() {
        Project p = project(SubsidyKind.RD_INVESTMENT);
        p.publicize("system", LATER);
        assertEquals(ProjectState.PUBLICIZED, p.getState());
        BusinessException e = assertThrows(BusinessException.class,
                () -> p.moveTo(ProjectAction.CONTRACT, "enterprise1", LATER, null));
        assertEquals("project.noProjectPhase", e.messageKey());
        assertEquals(ProjectState.PUBLICIZED, p.getState());
        assertEquals(2, p.getTransitions().size());
    }

    @Test
    void anActionThatKeepsTheStateIsRequiredNotMoved() {
        Project p = project(SubsidyKind.PRE_APPROVED);
        assertThrows(IllegalArgumentException.class, () -> p.moveTo(ProjectAction.OBJECT, "x", LATER, null));
        assertTrue(p.allows(ProjectAction.OBJECT));
        assertEquals(1, p.getTransitions().size());
    }
}
