package org.innofund.project.domain;

import org.innofund.program.domain.SubsidyKind;
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
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's lifecycle table, pair by pair: every state against every action, for a PRE_APPROVED project and for
 * each post-subsidy kind (which stops at PUBLICIZED), allowed (and where to) or refused with the action's message.
 */
class ProjectStateTest {

    /** Written out independently of the code's table (PRE_APPROVED): where an allowed action leads, "-" for a refusal. */
    private static final String EXPECTED = """
            state          OBJECT    PUBLICIZE   WITHDRAW   DRAFT_AGREEMENT  CONTRACT    START        REPORT_PROGRESS  COMPLETE_MIDTERM  PASS_ACCEPTANCE  FAIL_ACCEPTANCE
            APPROVED       APPROVED  PUBLICIZED  WITHDRAWN  -                -           -            -                -                 -                -
            PUBLICIZED     -         -           -          PUBLICIZED       CONTRACTED  -            -                -                 -                -
            CONTRACTED     -         -           -          -                -           IN_PROGRESS  CONTRACTED       -                 -                -
            IN_PROGRESS    -         -           -          -                -           -            IN_PROGRESS      MIDTERM_DONE      -                -
            MIDTERM_DONE   -         -           -          -                -           -            MIDTERM_DONE     -                 ACCEPTED_DONE    FAILED
            ACCEPTED_DONE  -         -           -          -                -           -            -                -                 -                -
            FAILED         -         -           -          -                -           -            -                -                 -                -
            WITHDRAWN      -         -           -          -                -           -            -                -                 -                -
            """;

    /** What the post-subsidy kinds may do at all: the public notice and its end, nothing of the project phase. */
    private static final Set<ProjectAction> WITHOUT_PROJECT_PHASE = Set.of(ProjectAction.OBJECT, ProjectAction.PUBLICIZE,
            ProjectAction.WITHDRAW);

    private static final Map<ProjectState, Map<ProjectAction, String>> GRID = parse();

    private static Map<ProjectState, Map<ProjectAction, String>> parse() {
        List<String[]> rows = EXPECTED.lines().map(l -> l.trim().split("\\s+")).toList();
        List<ProjectAction> columns = Arrays.stream(rows.get(0)).skip(1).map(ProjectAction::valueOf).toList();
        Map<ProjectState, Map<ProjectAction, String>> grid = new EnumMap<>(ProjectState.class);
        for (String[] row : rows.subList(1, rows.size())) {
            Map<ProjectAction, String> cells = new EnumMap<>(ProjectAction.class);
            for (int i = 0; i < columns.size(); i++) {
                cells.put(columns.get(i), row[i + 1]);
            }
            grid.put(ProjectState.valueOf(row[0]), cells);
        }
        return grid;
    }

    static Stream<Arguments> everyKindStateAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (SubsidyKind kind : SubsidyKind.values()) {
            for (ProjectState state : ProjectState.values()) {
                for (ProjectAction action : ProjectAction.values()) {
                    all.add(Arguments.of(kind, state, action));
                }
            }
        }
        return all.stream();
    }

    @Test
    void theExpectedTableHasEveryStateAndEveryAction() {
        assertEquals(ProjectState.values().length, GRID.size());
        GRID.values().forEach(row -> assertEquals(ProjectAction.values().length, row.size()));
    }

    @ParameterizedTest(name = "{0}: {2} in {1}")
    @MethodSource("everyKindStateAndAction")
    void eachStateAllowsOrRefusesEachActionForEachKind(SubsidyKind kind, ProjectState state, ProjectAction action) {
        String expected = GRID.get(state).get(action);
        boolean inTable = !"-".equals(expected);
        boolean allowed = inTable && (kind == SubsidyKind.PRE_APPROVED || WITHOUT_PROJECT_PHASE.contains(action));
        assertEquals(allowed, state.allows(action, kind));
        if (allowed) {
            assertEquals(ProjectState.valueOf(expected), state.after(action, kind));
        } else {
            BusinessException refused = assertThrows(BusinessException.class, () -> state.after(action, kind));
            assertEquals(BusinessException.Kind.CONFLICT, refused.kind());
            assertEquals(inTable ? "project.noProjectPhase" : action.refusalKey(), refused.messageKey());
        }
    }

    @Test
    void thePostSubsidyKindsStopAtPublicized() {
        for (SubsidyKind kind : List.of(SubsidyKind.RD_INVESTMENT, SubsidyKind.REWARD, SubsidyKind.SHARED_SERVICE)) {
            ProjectState state = ProjectState.APPROVED.after(ProjectAction.PUBLICIZE, kind);
            assertEquals(ProjectState.PUBLICIZED, state);
            for (ProjectAction action : ProjectAction.values()) {
                assertFalse(state.allows(action, kind), kind + " " + action);
            }
        }
    }

    @Test
    void onlyTheEndsAreFinal() {
        for (ProjectState state : ProjectState.values()) {
            assertEquals(Set.of(ProjectState.ACCEPTED_DONE, ProjectState.FAILED, ProjectState.WITHDRAWN).contains(state),
                    state.isFinal(), state.name());
        }
        assertTrue(ProjectState.MIDTERM_DONE.allows(ProjectAction.FAIL_ACCEPTANCE, SubsidyKind.PRE_APPROVED));
    }
}
