package org.innofund.evaluation.domain;

import org.innofund.program.domain.EvaluationStage;
import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignmentTest {

    private static final Instant NOW = Instant.parse("2025-05-01T02:00:00Z");
    private static final Assignment.Subject SUBJECT = new Assignment.Subject(100L, 2L, "宁波某电器有限公司", "智能温控");
    private static final LocalDate DUE = LocalDate.of(2025, 6, 30);

    private static Assignment offered() {
        return Assignment.offer(SUBJECT, 3L, EvaluationStage.APPROVAL, DUE, "reviewer", NOW);
    }

    private static void assertRefused(BusinessException.Kind kind, String key, Runnable attempt) {
        BusinessException e = assertThrows(BusinessException.class, attempt::run);
        assertEquals(kind, e.kind());
        assertEquals(key, e.messageKey());
    }

    @Test
    void anOfferIsRecordedAndHidesTheContent() {
        Assignment a = offered();
        assertEquals(AssignmentState.OFFERED, a.getState());
        assertFalse(a.contentReadable());
        assertNull(a.getConflict());
        assertEquals(1, a.getTransitions().size());
        assertNull(a.getTransitions().get(0).getFromState());
        assertEquals("reviewer", a.getTransitions().get(0).getActor());
        assertRefused(BusinessException.Kind.INVALID, "assignment.dueRequired",
                () -> Assignment.offer(SUBJECT, 3L, EvaluationStage.APPROVAL, null, "reviewer", NOW));
    }

    @Test
    void noConflictKeepsTheStatementWhoAndWhenAndOpensTheContent() {
        Assignment a = offered();
        Instant later = NOW.plusSeconds(3600);
        a.declareNoConflict("agency1", later);
        assertEquals(AssignmentState.IN_EVALUATION, a.getState());
        assertTrue(a.contentReadable());
        assertEquals(Boolean.FALSE, a.getConflict());
        assertEquals(Assignment.NO_CONFLICT_STATEMENT, a.getConflictStatement());
        assertEquals("agency1", a.getConflictDeclaredBy());
        assertEquals(later, a.getConflictDeclaredAt());
        assertNull(a.getConflictReason());
        assertRefused(BusinessException.Kind.CONFLICT, "assignment.notOffered", () -> a.declareNoConflict("agency1", later));
        assertRefused(BusinessException.Kind.CONFLICT, "assignment.notOffered", () -> a.declareConflict("agency1", "x", later));
        assertEquals(2, a.getTransitions().size());
    }

    @Test
    void aConflictNeedsItsReasonAndGoesBackToTheReviewer() {
        Assignment a = offered();
        assertRefused(BusinessException.Kind.INVALID, "assignment.reasonRequired", () -> a.declareConflict("agency1", " ", NOW));
        assertRefused(BusinessException.Kind.INVALID, "assignment.reasonTooLong",
                () -> a.declareConflict("agency1", "因".repeat(Assignment.REASON_MAX + 1), NOW));
        assertEquals(AssignmentState.OFFERED, a.getState(), "a refusal changes nothing");
        a.declareConflict("agency1", " 三年内曾为该企业提供咨询 ", NOW);
        assertEquals(AssignmentState.CONFLICT_DECLARED, a.getState());
        assertFalse(a.contentReadable());
        assertEquals(Boolean.TRUE, a.getConflict());
        assertEquals("三年内曾为该企业提供咨询", a.getConflictReason());
        assertNull(a.getConflictStatement());
        assertEquals("三年内曾为该企业提供咨询", a.getTransitions().get(1).getReason());
    }

    @Test
    void aReassignmentClosesThisOneAndOffersTheSameWorkToAnother() {
        Assignment a = offered();
        a.declareConflict("agency1", "股东关系", NOW);
        LocalDate newDue = DUE.plusDays(10);
        Assignment next = a.reassign(4L, newDue, "reviewer2", "机构申请回避", NOW.plusSeconds(60));
        assertEquals(AssignmentState.REASSIGNED, a.getState());
        assertEquals(List.of(AssignmentState.OFFERED, AssignmentState.CONFLICT_DECLARED, AssignmentState.REASSIGNED),
                a.getTransitions().stream().map(AssignmentTransition::getToState).toList());
        assertEquals(AssignmentState.OFFERED, next.getState());
        assertEquals(100L, next.getDeclarationId());
        assertEquals(SUBJECT, next.subject());
        assertEquals(4L, next.getAgencyId());
        assertEquals(EvaluationStage.APPROVAL, next.getStage());
        assertEquals(newDue, next.getDueOn());
        assertEquals("机构申请回避", next.getTransitions().get(0).getReason());
        assertRefused(BusinessException.Kind.CONFLICT, "assignment.notReassignable",
                () -> a.reassign(5L, DUE, "reviewer", "again", NOW));
    }

    @Test
    void aReassignmentNeedsAReasonAndADueDateAndChangesNothingWithout() {
        Assignment a = offered();
        assertRefused(BusinessException.Kind.INVALID, "assignment.reasonRequired", () -> a.reassign(4L, DUE, "r", null, NOW));
        assertRefused(BusinessException.Kind.INVALID, "assignment.dueRequired", () -> a.reassign(4L, null, "r", "why", NOW));
        assertEquals(AssignmentState.OFFERED, a.getState());
        assertEquals(1, a.getTransitions().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-06-29", "2025-06-30"})
    void notOverdueUpToItsDueDay(String today) {
        assertFalse(offered().isOverdue(LocalDate.parse(today)));
    }

    @Test
    void overdueOnlyWhileItWaitsOnTheAgency() {
        LocalDate after = DUE.plusDays(1);
        Assignment offered = offered();
        assertTrue(offered.isOverdue(after));
        Assignment inEvaluation = offered();
        inEvaluation.declareNoConflict("agency1", NOW);
        assertTrue(inEvaluation.isOverdue(after));
        Assignment conflict = offered();
        conflict.declareConflict("agency1", "关联", NOW);
        assertFalse(conflict.isOverdue(after), "the reviewer's turn, not the agency's");
    }
}
