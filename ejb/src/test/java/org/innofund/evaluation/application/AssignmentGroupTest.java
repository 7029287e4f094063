package org.innofund.evaluation.application;

import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.program.domain.EvaluationStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The agency's work list: each state in its group, and an overdue one under 已逾期 whatever its open state. */
class AssignmentGroupTest {

    private static AssignmentView view(AssignmentState state, boolean overdue) {
        return new AssignmentView(1L, 2L, 3L, "企业", "项目", 4L, EvaluationStage.APPROVAL, state,
                LocalDate.of(2026, 12, 1), overdue, null, null, null, null, null, null, 0L);
    }

    @ParameterizedTest
    @CsvSource({
            "OFFERED, TO_DECLARE",
            "IN_EVALUATION, IN_PROGRESS",
            "IN_CORRECTION, IN_PROGRESS",
            "SUBMITTED, SUBMITTED",
            "CONFLICT_DECLARED, CLOSED",
            "REASSIGNED, CLOSED"})
    void eachStateInItsGroup(AssignmentState state, AssignmentGroup group) {
        assertEquals(group, AssignmentGroup.of(view(state, false)));
    }

    /** Only open states can be overdue (AssignmentState.open), and they show once, under 已逾期. */
    @ParameterizedTest
    @EnumSource(value = AssignmentState.class, names = {"OFFERED", "IN_EVALUATION", "IN_CORRECTION"})
    void anOverdueOneIsUnderOverdueOnly(AssignmentState state) {
        assertEquals(AssignmentGroup.OVERDUE, AssignmentGroup.of(view(state, true)));
    }
}
