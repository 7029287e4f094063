package org.innofund.integrity.domain;

import org.innofund.identity.domain.Uscc;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegrityRecordTest {

    private static final Uscc USCC = Uscc.parse("91330282MA2H00001M");
    private static final Instant NOW = Instant.parse("2025-01-10T02:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2027, 12, 31);

    private static IntegrityRecord record(LocalDate from, LocalDate until) {
        return new IntegrityRecord(IntegrityRecord.SubjectKind.ENTERPRISE, USCC, " 宁波示范智能家电有限公司 ",
                " 提供虚假申报材料 ", from, until, "admin", NOW);
    }

    private static BusinessException refused(String subjectName, String reason, LocalDate from, LocalDate until) {
        BusinessException e = assertThrows(BusinessException.class, () -> new IntegrityRecord(
                IntegrityRecord.SubjectKind.AGENCY, USCC, subjectName, reason, from, until, "admin", NOW));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        return e;
    }

    @Test
    void keepsWhatItSays() {
        IntegrityRecord r = record(FROM, UNTIL);
        assertEquals(IntegrityRecord.SubjectKind.ENTERPRISE, r.getSubjectKind());
        assertEquals("91330282MA2H00001M", r.getSubjectUscc());
        assertEquals("宁波示范智能家电有限公司", r.getSubjectName());
        assertEquals("提供虚假申报材料", r.getReason());
        assertEquals(FROM, r.getValidFrom());
        assertEquals(UNTIL, r.getValidUntil());
        assertEquals("admin", r.getCreatedBy());
        assertEquals(NOW, r.getCreatedAt());
    }

    @Test
    void inForceFromTheFirstToTheLastDayBothIncluded() {
        IntegrityRecord r = record(FROM, UNTIL);
        assertFalse(r.inForceOn(FROM.minusDays(1)));
        assertTrue(r.inForceOn(FROM));
        assertTrue(r.inForceOn(LocalDate.of(2026, 6, 15)));
        assertTrue(r.inForceOn(UNTIL));
        assertFalse(r.inForceOn(UNTIL.plusDays(1)));
    }

    @Test
    void aOneDayPeriodIsInForceThatDayOnly() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        IntegrityRecord r = record(day, day);
        assertTrue(r.inForceOn(day));
        assertFalse(r.inForceOn(day.minusDays(1)));
        assertFalse(r.inForceOn(day.plusDays(1)));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertEquals("integrity.period", refused("S", "R", UNTIL, FROM).messageKey());
        assertEquals("integrity.period", refused("S", "R", FROM, FROM.minusDays(1)).messageKey());
    }

    @Test
    void bothEndsOfThePeriodAreRequired() {
        assertEquals("integrity.period", refused("S", "R", null, UNTIL).messageKey());
        assertEquals("integrity.period", refused("S", "R", FROM, null).messageKey());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void aReasonIsRequired(String reason) {
        assertEquals("integrity.reason", refused("S", reason, FROM, UNTIL).messageKey());
    }

    @Test
    void aReasonHasAtMostAThousandCharacters() {
        assertEquals("integrity.reason", refused("S", "由".repeat(1001), FROM, UNTIL).messageKey());
        assertEquals(1000, new IntegrityRecord(IntegrityRecord.SubjectKind.AGENCY, USCC, "S", "由".repeat(1000), FROM,
                UNTIL, "admin", NOW).getReason().length());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aSubjectNameIsRequired(String name) {
        assertEquals("integrity.subjectName", refused(name, "R", FROM, UNTIL).messageKey());
    }

    /** How a refused submission names the entry: its number, its period and its reason. */
    @Test
    void describeGivesNumberPeriodAndReason() throws ReflectiveOperationException {
        IntegrityRecord r = record(FROM, UNTIL);
        Field id = BaseEntity.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(r, 4711L);
        assertEquals("#4711 (2025-01-01 ~ 2027-12-31): 提供虚假申报材料", r.describe());
    }
}
