package org.innofund.evaluation.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assignment's lifecycle table, pair by pair: every state against every action, allowed (and where to) or refused. */
class AssignmentStateTest {

    /** Written out independently of the code's table: the state an allowed action leads to, "-" for a refusal. */
    private static final String EXPECTED = """
            state              DECLARE_NO_CONFLICT  DECLARE_CONFLICT   READ_CONTENT   EDIT_EVALUATION  SUBMIT_EVALUATION  ALLOW_CORRECTION  REASSIGN
            OFFERED            IN_EVALUATION        CONFLICT_DECLARED  -              -                -                  -                 REASSIGNED
            IN_EVALUATION      -                    -                  IN_EVALUATION  IN_EVALUATION    SUBMITTED          -                 REASSIGNED
            SUBMITTED          -                    -                  SUBMITTED      -                -                  IN_CORRECTION     -
            IN_CORRECTION      -                    -                  IN_CORRECTION  IN_CORRECTION    SUBMITTED          -                 -
            CONFLICT_DECLARED  -                    -                  -              -                -                  -                 REASSIGNED
            REASSIGNED         -                    -                  -              -                -                  -                 -
            """;

    private static final Map<AssignmentAction, String> REFUSAL = new EnumMap<>(Map.of(
            AssignmentAction.DECLARE_NO_CONFLICT, "assignment.notOffered",
            AssignmentAction.DECLARE_CONFLICT, "assignment.notOffered",
            AssignmentAction.READ_CONTENT, "assignment.conflictNotDeclared",
            AssignmentAction.EDIT_EVALUATION, "assignment.notEditable",
            AssignmentAction.SUBMIT_EVALUATION, "assignment.notEditable",
            AssignmentAction.ALLOW_CORRECTION, "assignment.notSubmitted",
            AssignmentAction.REASSIGN, "assignment.notReassignable"));

    private static final Map<AssignmentState, Map<AssignmentAction, String>> GRID = parse();

    private static Map<AssignmentState, Map<AssignmentAction, String>> parse() {
        List<String[]> rows = EXPECTED.lines().map(l -> l.trim().split("\\s+")).toList();
        List<AssignmentAction> columns = Arrays.stream(rows.get(0)).skip(1).map(AssignmentAction::valueOf).toList();
        Map<AssignmentState, Map<AssignmentAction, String>> grid = new EnumMap<>(AssignmentState.class);
        for (String[] row : rows.subList(1, rows.size())) {
            Map<AssignmentAction, String> cells = new EnumMap<>(AssignmentAction.class);
            for (int i = 0; i < columns.size(); i++) {
                cells.put(columns.get(i), row[i + 1]);
            }
            grid.put(AssignmentState.valueOf(row[0]), cells);
        }
        return grid;
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> pairs = new ArrayList<>();
        for (AssignmentState state : AssignmentState.values()) {
            for (AssignmentAction action : AssignmentAction.values()) {
                pairs.add(Arguments.of(state, action));
            }
        }
        return pairs.stream();
    }

    @Test
    void theExpectedTableHasEveryStateAndEveryAction() {
        assertEquals(AssignmentState.values().length, GRID.size());
        GRID.values().forEach(row -> assertEquals(AssignmentAction.values().length, row.size()));
        assertEquals(AssignmentAction.values().length, REFUSAL.size());
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyStateAndAction")
    void eachStateAllowsOrRefusesEachAction(AssignmentState state, AssignmentAction action) {
        String expected = GRID.get(state).get(action);
        if (expected.equals("-")) {
            assertFalse(state.allows(action));
            for (Runnable attempt : List.<Runnable>of(() -> state.require(action), () -> state.after(action))) {
                BusinessException e = assertThrows(BusinessException.class, attempt::run);
                assertEquals(BusinessException.Kind.CONFLICT, e.kind());
                assertEquals(REFUSAL.get(action), e.messageKey());
                assertArrayEquals(new Object[] {state}, e.arguments());
            }
        } else {
            assertTrue(state.allows(action));
            assertEquals(AssignmentState.valueOf(expected), state.after(action));
        }
    }

    /** Until the agency has declared no conflict it sees nothing of the declaration but the name and the title. */
    @Test
    void theContentIsReadableOnlyAfterNoConflictWasDeclared() {
        for (AssignmentState state : AssignmentState.values()) {
            boolean declaredNoConflict = state == AssignmentState.IN_EVALUATION || state == AssignmentState.SUBMITTED
                    || state == AssignmentState.IN_CORRECTION;
            assertEquals(declaredNoConflict, state.allows(AssignmentAction.READ_CONTENT), state.name());
        }
    }

    /** Overdue counts what still waits on the agency: exactly the states in which it can act. */
    @Test
    void anAssignmentIsOpenWhileTheAgencyStillHasSomethingToDo() {
        for (AssignmentState state : AssignmentState.values()) {
            boolean agencyCanAct = state.allows(AssignmentAction.DECLARE_NO_CONFLICT)
                    || state.allows(AssignmentAction.SUBMIT_EVALUATION);
            assertEquals(agencyCanAct, state.open(), state.name());
        }
    }
}
