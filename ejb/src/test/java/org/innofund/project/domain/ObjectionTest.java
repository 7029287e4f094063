package org.innofund.project.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filing an objection (period, project, lengths, all problems at once) and answering it once, with a reason. */
class ObjectionTest {

    /** 2026-12-01 09:00 in Beijing: the period of 7 days ends at 2026-12-09 00:00 Beijing = 2026-12-08T16:00Z. */
    private static final Instant PUBLISHED = Instant.parse("2026-12-01T01:00:00Z");
    private static final Instant DURING = Instant.parse("2026-12-05T01:00:00Z");
    private static final Instant LAST_SECOND = Instant.parse("2026-12-08T15:59:59Z");
    private static final Instant ENDED = Instant.parse("2026-12-08T16:00:00Z");

    /** The notice's projects 101 and 102 are under publicity. */
    private static final Set<Long> PROJECTS = Set.of(101L, 102L);

    private static PublicNotice notice() {
        return new PublicNotice(5, 9, "2026 年度科技计划项目", 7, PUBLISHED);
    }

    private static ObjectionForm form(Long project) {
        return new ObjectionForm(project, "张三", "13800000000", "该项目申报材料中的研发人员数量与实际不符。");
    }

    @Test
    void anyoneObjectsDuringThePeriodToAProjectOfTheNotice() {
        Objection o = Objection.file(notice(), PROJECTS, form(102L), "203.0.113.7", DURING);
        assertEquals(ObjectionState.OPEN, o.getState());
        assertEquals(102L, o.getProjectId());
        assertEquals("张三", o.getObjectorName());
        assertEquals("203.0.113.7", o.getClientAddress());
        assertEquals(DURING, o.getFiledAt());
        assertNull(o.getAnswer());
        Objection.file(notice(), PROJECTS, form(101L), null, LAST_SECOND); // up to the last second of the last day
    }

    @Test
    void afterThePeriodTheRefusalNamesItsLastDay() {
        BusinessException e = assertThrows(BusinessException.class, () -> Objection.file(notice(), PROJECTS, form(101L), null, ENDED));
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals("objection.periodOver", e.messageKey());
        assertEquals(LocalDate.of(2026, 12, 8), e.arguments()[0]);
        // the period check comes first: a bad form after the end hears about the end
        assertEquals("objection.periodOver", assertThrows(BusinessException.class,
                () -> Objection.file(notice(), PROJECTS, new ObjectionForm(null, "", "", ""), null, ENDED)).messageKey());
        assertEquals("objection.periodOver", assertThrows(BusinessException.class,
                () -> Objection.file(notice(), PROJECTS, form(101L), null, PUBLISHED.minusSeconds(1))).messageKey());
    }

    @Test
    void aProjectNotOnTheNoticeIsRefused() {
        InvalidFormException e = assertThrows(InvalidFormException.class, () -> Objection.file(notice(), PROJECTS, form(999L), null, DURING));
        assertEquals(List.of(FieldProblem.of("projectId", "objection.projectNotOnNotice")), e.problems());
    }

    /** A project withdrawn (or one of another notice) is not among those under publicity. */
    @Test
    void aProjectNoLongerUnderPublicityTakesNoObjection() {
        assertEquals("objection.projectNotOnNotice", assertThrows(InvalidFormException.class,
                () -> Objection.file(notice(), Set.of(102L), form(101L), null, DURING)).messageKey());
        Objection.file(notice(), Set.of(102L), form(102L), null, DURING);
    }

    @Test
    void upholdingIsAnAnswerWithItsReason() {
        Objection o = Objection.file(notice(), PROJECTS, form(101L), null, DURING);
        o.uphold(" 经核实，研发人员数量不实。", "reviewer", DURING);
        assertEquals(ObjectionState.UPHELD, o.getState());
        assertEquals("经核实，研发人员数量不实。", o.getAnswer());
    }

    @Test
    void everyProblemOfTheFormIsNamedAtOnce() {
        InvalidFormException e = assertThrows(InvalidFormException.class,
                () -> Objection.file(notice(), PROJECTS, new ObjectionForm(null, "  ", null, "太短了"), null, DURING));
        assertEquals(List.of(
                FieldProblem.of("projectId", "objection.projectRequired"),
                FieldProblem.of("name", "validation.NotBlank"),
                FieldProblem.of("contact", "validation.NotBlank"),
                FieldProblem.of("text", "validation.Size.min", ObjectionForm.TEXT_MIN)), e.problems());
        assertEquals("form.invalid", e.messageKey());
    }

    @ParameterizedTest(name = "name {0}, contact {1}, text {2}: {3}")
    @CsvSource({
            "100, 100, 1000, ''",
            "101, 1, 10, name validation.Size.max",
            "1, 101, 10, contact validation.Size.max",
            "1, 1, 1001, text validation.Size.max",
            "1, 1, 9, text validation.Size.min"})
    void lengthsAreLimitedAtTheEdges(int name, int contact, int text, String expected) {
        List<FieldProblem> problems = new ObjectionForm(1L, "名".repeat(name), "1".repeat(contact), "字".repeat(text)).problems();
        if (expected.isEmpty()) {
            assertEquals(List.of(), problems);
        } else {
            String[] fieldAndKey = expected.split(" ");
            assertEquals(1, problems.size(), problems.toString());
            assertEquals(fieldAndKey[0], problems.get(0).field());
            assertEquals(fieldAndKey[1], problems.get(0).messageKey());
        }
    }

    /** Surrounding blanks are not counted and not kept. */
    @Test
    void blanksAroundAreStripped() {
        Objection o = Objection.file(notice(), PROJECTS, new ObjectionForm(101L, "  李四 ", " li@example.com ", "   " + "理由".repeat(5) + "  "),
                null, DURING);
        assertEquals("李四", o.getObjectorName());
        assertEquals("li@example.com", o.getContact());
        assertEquals("理由".repeat(5), o.getText());
    }

    @Test
    void dismissingKeepsTheProjectOnTheNotice() {
        PublicNotice notice = notice();
        Objection o = Objection.file(notice, PROJECTS, form(101L), null, DURING);
        o.dismiss(" 经核实，材料属实。 ", "reviewer", ENDED);
        assertEquals(ObjectionState.DISMISSED, o.getState());
        assertEquals("经核实，材料属实。", o.getAnswer());
        assertEquals("reviewer", o.getAnsweredBy());
        assertEquals(ENDED, o.getAnsweredAt());
    }

    @Test
    void anAnswerNeedsAReasonOfAtMostAThousandCharacters() {
        Objection o = Objection.file(notice(), PROJECTS, form(101L), null, DURING);
        assertEquals("objection.reasonRequired", assertThrows(BusinessException.class,
                () -> o.uphold("  ", "reviewer", DURING)).messageKey());
        assertEquals("objection.reasonRequired", assertThrows(BusinessException.class,
                () -> o.dismiss(null, "reviewer", DURING)).messageKey());
        assertEquals("validation.Size.max", assertThrows(BusinessException.class,
                () -> o.dismiss("理".repeat(1001), "reviewer", DURING)).messageKey());
        assertEquals(ObjectionState.OPEN, o.getState());
        o.dismiss("理".repeat(1000), "reviewer", DURING);
    }

    @ParameterizedTest
    @EnumSource(ObjectionState.Action.class)
    void anObjectionIsAnsweredOnce(ObjectionState.Action second) {
        Objection o = Objection.file(notice(), PROJECTS, form(101L), null, DURING);
        o.dismiss("材料属实。", "reviewer", DURING);
        BusinessException e = assertThrows(BusinessException.class, () -> {
            if (second == ObjectionState.Action.DISMISS) {
                o.dismiss("再次", "reviewer", DURING);
            } else {
                o.uphold("再次", "reviewer", DURING);
            }
        });
        assertEquals("objection.answered", e.messageKey());
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals(ObjectionState.DISMISSED, o.getState());
        assertEquals("材料属实。", o.getAnswer());
    }

    /** The table: only an open objection is answered, to DISMISSED or UPHELD. */
    @Test
    void theLifecycleTable() {
        assertEquals(ObjectionState.DISMISSED, ObjectionState.OPEN.after(ObjectionState.Action.DISMISS));
        assertEquals(ObjectionState.UPHELD, ObjectionState.OPEN.after(ObjectionState.Action.UPHOLD));
        for (ObjectionState done : List.of(ObjectionState.DISMISSED, ObjectionState.UPHELD)) {
            for (ObjectionState.Action a : ObjectionState.Action.values()) {
                assertFalse(done.allows(a), done + " " + a);
            }
        }
    }

    @Test
    void aNoticeEndsAtTheEndOfItsPeriod() {
        PublicNotice notice = notice();
        assertEquals(ENDED, notice.getEndsAt());
        assertEquals(NoticeState.IN_PERIOD, notice.getState());
        assertEquals(PUBLISHED, notice.getPublishedAt());
    }
}
