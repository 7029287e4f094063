package org.innofund.program.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The grade at each edge of the default bounds and of a call's own. */
class GradeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "100.00, EXCELLENT", "90.00, EXCELLENT", "90, EXCELLENT", "89.99, GOOD", "80.00, GOOD", "79.99, PASS",
            "60.00, PASS", "59.99, FAIL", "0.00, FAIL"})
    void theDefaultBoundsAreTheFirstScoreOfTheirGrade(BigDecimal total, Grade grade) {
        assertEquals(grade, Grade.Bounds.DEFAULT.gradeOf(total));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"95.00, EXCELLENT", "94.99, GOOD", "85.00, GOOD", "84.99, PASS", "70.00, PASS", "69.99, FAIL"})
    void aCallMayPublishItsOwnBounds(BigDecimal total, Grade grade) {
        Grade.Bounds strict = new Grade.Bounds(new BigDecimal("95"), new BigDecimal("85"), new BigDecimal("70"));
        assertEquals(grade, strict.gradeOf(total));
    }

    @Test
    void boundsThatDoNotRiseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Grade.Bounds(BigDecimal.valueOf(80), BigDecimal.valueOf(80), BigDecimal.valueOf(60)));
        assertThrows(IllegalArgumentException.class, () -> new Grade.Bounds(BigDecimal.valueOf(90), BigDecimal.valueOf(60), BigDecimal.valueOf(60)));
        assertThrows(IllegalArgumentException.class, () -> new Grade.Bounds(BigDecimal.valueOf(101), BigDecimal.valueOf(80), BigDecimal.valueOf(60)));
        assertThrows(IllegalArgumentException.class, () -> new Grade.Bounds(BigDecimal.valueOf(90), BigDecimal.valueOf(80), BigDecimal.valueOf(-1)));
    }
}
