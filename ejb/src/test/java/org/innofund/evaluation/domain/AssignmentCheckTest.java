package org.innofund.evaluation.domain;

import org.innofund.shared.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every reason an agency may not evaluate an enterprise, each alone, all together, and the edges of time. */
class AssignmentCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String ENTERPRISE = "91330201MA2H3K4L5X";
    private static final AssignmentCheck.Agency CLEAN = new AssignmentCheck.Agency("示范评估中心", "12330200MB00000032",
            false, Optional.empty());

    @Test
    void aCleanAgencyWithoutTiesMayEvaluate() {
        assertEquals(List.of(), AssignmentCheck.refusals(CLEAN, ENTERPRISE, List.of(), TODAY));
    }

    @Test
    void eachReasonIsNamedAndAllAreGivenAtOnce() {
        AssignmentCheck.Agency worst = new AssignmentCheck.Agency("问题评估所", ENTERPRISE, true, Optional.of("#7 至 2027-06-30"));
        Relationship shares = new Relationship(RelationshipKind.SHAREHOLDING, "工商登记 2025", LocalDate.of(2025, 3, 1));
        assertEquals(List.of(
                FieldProblem.of("agency", "assignment.agencySuspended", "问题评估所"),
                FieldProblem.of("agency", "assignment.agencyBlacklisted", "问题评估所", "#7 至 2027-06-30"),
                FieldProblem.of("agency", "assignment.sameUscc", "问题评估所"),
                FieldProblem.of("agency", "assignment.related", "问题评估所", RelationshipKind.SHAREHOLDING, "工商登记 2025",
                        LocalDate.of(2025, 3, 1))),
                AssignmentCheck.refusals(worst, ENTERPRISE, List.of(shares), TODAY));
    }

    /** A consulting contract bars for three years to the day; a shareholding or a common controller for good. */
    @ParameterizedTest(name = "{0} since {1}: bars {2}")
    @CsvSource({
            "CONSULTING_CONTRACT, 2023-11-30, true", "CONSULTING_CONTRACT, 2023-11-29, false",
            "CONSULTING_CONTRACT, 2026-11-30, true", "CONSULTING_CONTRACT, 2026-12-01, false",
            "SHAREHOLDING, 2001-01-01, true", "SHAREHOLDING, 2026-12-01, false",
            "SAME_CONTROLLER, 2010-06-15, true", "SAME_CONTROLLER, 2026-11-30, true"})
    void aTieBarsWhileItIsRelevant(RelationshipKind kind, LocalDate since, boolean bars) {
        Relationship tie = new Relationship(kind, "来源", since);
        assertEquals(bars, tie.bars(TODAY));
        assertEquals(bars ? 1 : 0, AssignmentCheck.refusals(CLEAN, ENTERPRISE, List.of(tie), TODAY).size());
    }
}
