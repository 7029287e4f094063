package org.innofund.project.domain;

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

/** The task agreement's lifecycle table, every state against every action. */
class AgreementStateTest {

    /** Written out independently of the code's table: where an allowed action leads, "-" for a refusal. */
    private static final String EXPECTED = """
            state                  EDIT      SUBMIT     RETURN    CONFIRM_BY_REVIEWER    CONFIRM_BY_ENTERPRISE  FOLLOW_UP
            DRAFT                  DRAFT     SUBMITTED  -         -                      -                      -
            SUBMITTED              -         -          RETURNED  CONFIRMED_BY_REVIEWER  -                      -
            RETURNED               RETURNED  SUBMITTED  -         -                      -                      -
            CONFIRMED_BY_REVIEWER  -         -          -         -                      SIGNED                 -
            SIGNED                 -         -          -         -                      -                      SIGNED
            """;

    private static final Map<AgreementAction, String> REFUSAL = new EnumMap<>(Map.of(
            AgreementAction.EDIT, "agreement.notEditable",
            AgreementAction.SUBMIT, "agreement.notEditable",
            AgreementAction.RETURN, "agreement.notSubmitted",
            AgreementAction.CONFIRM_BY_REVIEWER, "agreement.notSubmitted",
            AgreementAction.CONFIRM_BY_ENTERPRISE, "agreement.notConfirmedByReviewer",
            AgreementAction.FOLLOW_UP, "agreement.notSigned"));

    private static final Map<AgreementState, Map<AgreementAction, String>> GRID = parse();

    private static Map<AgreementState, Map<AgreementAction, String>> parse() {
        List<String[]> rows = EXPECTED.lines().map(l -> l.trim().split("\\s+")).toList();
        List<AgreementAction> columns = Arrays.stream(rows.get(0)).skip(1).map(AgreementAction::valueOf).toList();
        Map<AgreementState, Map<AgreementAction, String>> grid = new EnumMap<>(AgreementState.class);
        for (String[] row : rows.subList(1, rows.size())) {
            Map<AgreementAction, String> cells = new EnumMap<>(AgreementAction.class);
            for (int i = 0; i < columns.size(); i++) {
                cells.put(columns.get(i), row[i + 1]);
            }
            grid.put(AgreementState.valueOf(row[0]), cells);
        }
        return grid;
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> pairs = new ArrayList<>();
        for (AgreementState state : AgreementState.values()) {
            for (AgreementAction action : AgreementAction.values()) {
                pairs.add(Arguments.of(state, action));
            }
        }
        return pairs.stream();
    }

    @Test
    void theExpectedTableHasEveryStateAndEveryAction() {
        assertEquals(AgreementState.values().length, GRID.size());
        GRID.values().forEach(row -> assertEquals(AgreementAction.values().length, row.size()));
        assertEquals(AgreementAction.values().length, REFUSAL.size());
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyStateAndAction")
    void eachStateAllowsOrRefusesEachAction(AgreementState state, AgreementAction action) {
        String expected = GRID.get(state).get(action);
        if (expected.equals("-")) {
            assertFalse(state.allows(action));
            BusinessException e = assertThrows(BusinessException.class, () -> state.after(action));
            assertEquals(BusinessException.Kind.CONFLICT, e.kind());
            assertEquals(REFUSAL.get(action), e.messageKey());
            assertArrayEquals(new Object[] {state}, e.arguments());
        } else {
            assertTrue(state.allows(action));
            assertEquals(AgreementState.valueOf(expected), state.after(action));
        }
    }
}
