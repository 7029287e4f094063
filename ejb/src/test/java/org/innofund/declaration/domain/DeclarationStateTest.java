package org.innofund.declaration.domain;

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

/** The lifecycle table, pair by pair: every state against every action, allowed (and where to) or refused (and how). */
class DeclarationStateTest {

    /** Written out independently of the code's table: the state an allowed action leads to, "-" for a refusal. */
    private static final String EXPECTED = """
            state       EDIT       ATTACH_FILE  WITHDRAW_FILE  SUBMIT     ACCEPT    RETURN    REJECT    WITHDRAW   DELETE
            DRAFT       DRAFT      DRAFT        DRAFT          SUBMITTED  -         -         -         -          DRAFT
            SUBMITTED   -          -            -              -          ACCEPTED  RETURNED  REJECTED  WITHDRAWN  -
            ACCEPTED    -          -            -              -          -         -         -         -          -
            RETURNED    RETURNED   RETURNED     RETURNED       SUBMITTED  -         -         -         -          -
            REJECTED    -          -            -              -          -         -         -         -          -
            WITHDRAWN   WITHDRAWN  WITHDRAWN    WITHDRAWN      SUBMITTED  -         -         -         -          -
            """;

    /** The message of each refusal. */
    private static final Map<DeclarationAction, String> REFUSAL = new EnumMap<>(Map.of(
            DeclarationAction.EDIT, "declaration.notEditable",
            DeclarationAction.ATTACH_FILE, "declaration.notEditable",
            DeclarationAction.WITHDRAW_FILE, "declaration.notEditable",
            DeclarationAction.SUBMIT, "declaration.notSubmittable",
            DeclarationAction.ACCEPT, "declaration.notUnderReview",
            DeclarationAction.RETURN, "declaration.notUnderReview",
            DeclarationAction.REJECT, "declaration.notUnderReview",
            DeclarationAction.WITHDRAW, "declaration.notWithdrawable",
            DeclarationAction.DELETE, "declaration.notDeletable"));

    private static final Map<DeclarationState, Map<DeclarationAction, String>> GRID = parse();

    private static Map<DeclarationState, Map<DeclarationAction, String>> parse() {
        List<String[]> rows = EXPECTED.lines().map(l -> l.trim().split("\\s+")).toList();
        List<DeclarationAction> columns = Arrays.stream(rows.get(0)).skip(1).map(DeclarationAction::valueOf).toList();
        Map<DeclarationState, Map<DeclarationAction, String>> grid = new EnumMap<>(DeclarationState.class);
        for (String[] row : rows.subList(1, rows.size())) {
            Map<DeclarationAction, String> cells = new EnumMap<>(DeclarationAction.class);
            for (int i = 0; i < columns.size(); i++) {
                cells.put(columns.get(i), row[i + 1]);
            }
            grid.put(DeclarationState.valueOf(row[0]), cells);
        }
        return grid;
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> pairs = new ArrayList<>();
        for (DeclarationState state : DeclarationState.values()) {
            for (DeclarationAction action : DeclarationAction.values()) {
                pairs.add(Arguments.of(state, action));
            }
        }
        return pairs.stream();
    }

    @Test
    void theExpectedTableHasEveryStateAndEveryAction() {
        assertEquals(DeclarationState.values().length, GRID.size());
        GRID.values().forEach(row -> assertEquals(DeclarationAction.values().length, row.size()));
        assertEquals(DeclarationAction.values().length, REFUSAL.size());
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyStateAndAction")
    void eachStateAllowsOrRefusesEachAction(DeclarationState state, DeclarationAction action) {
        String expected = GRID.get(state).get(action);
        if (expected.equals("-")) {
            assertFalse(state.allows(action));
            for (Runnable attempt : List.<Runnable>of(() -> state.require(action), () -> state.after(action))) {
                BusinessException e = assertThrows(BusinessException.class, attempt::run);
                assertEquals(BusinessException.Kind.CONFLICT, e.kind());
                assertEquals(REFUSAL.get(action), e.messageKey());
                assertEquals(REFUSAL.get(action), action.refusalKey());
                assertArrayEquals(new Object[] {state}, e.arguments());
            }
        } else {
            assertTrue(state.allows(action));
            state.require(action);
            assertEquals(DeclarationState.valueOf(expected), state.after(action));
        }
    }

    /** A withdrawal is exactly the window before the reviewer's decision: the same states allow both. */
    @Test
    void aDeclarationCanBeWithdrawnWhereAndOnlyWhereTheReviewerCanDecide() {
        for (DeclarationState state : DeclarationState.values()) {
            assertEquals(state.allowsAny(DeclarationAction.DECISIONS), state.allows(DeclarationAction.WITHDRAW), state.name());
        }
    }

    @Test
    void onlyASubmittedDeclarationAwaitsTheReviewersDecision() {
        for (DeclarationState state : DeclarationState.values()) {
            assertEquals(state == DeclarationState.SUBMITTED, state.allowsAny(DeclarationAction.DECISIONS), state.name());
        }
    }
}
