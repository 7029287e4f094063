package org.innofund.integrity.domain;

import org.innofund.identity.domain.Uscc;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

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

    /** 2026-03-09T16:30Z is already 2026-03-10 00:30 in the bureau's zone: the end counts from the bureau's day. */
    private static final Clock LATE_EVENING_UTC = Clock.fixed(Instant.parse("2026-03-09T16:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate BUREAU_DAY = LocalDate.of(2026, 3, 10);

    @Test
    void anEntryEndedEarlyNoLongerHoldsFromTheBureausDayOfTheEnd() {
        IntegrityRecord r = record(FROM, UNTIL);
        r.endEarly(LATE_EVENING_UTC, "  已整改，经复核撤销 ", "admin2");
        assertEquals(BUREAU_DAY, r.getEndedOn().orElseThrow());
        assertTrue(r.inForceOn(FROM));
        assertTrue(r.inForceOn(BUREAU_DAY.minusDays(1)), "the day before the end it still held");
        assertFalse(r.inForceOn(BUREAU_DAY), "not from the day it ends");
        assertFalse(r.inForceOn(BUREAU_DAY.plusDays(1)));
        assertFalse(r.inForceOn(UNTIL));
    }

    @Test
    void theHistoryKeepsTheOriginalPeriodAndWhoEndedItWhenAndWhy() {
        IntegrityRecord r = record(FROM, UNTIL);
        r.endEarly(LATE_EVENING_UTC, "  已整改，经复核撤销 ", "admin2");
        assertEquals(FROM, r.getValidFrom());
        assertEquals(UNTIL, r.getValidUntil());
        assertEquals("提供虚假申报材料", r.getReason());
        assertEquals("admin2", r.getEndedBy());
        assertEquals("已整改，经复核撤销", r.getEndReason());
        assertEquals(LATE_EVENING_UTC.instant(), r.getEndedAt());
    }

    @Test
    void anEntryNotEndedHasNoEnd() {
        IntegrityRecord r = record(FROM, UNTIL);
        assertTrue(r.getEndedOn().isEmpty());
        assertTrue(r.canEndOn(FROM));
        assertTrue(r.canEndOn(UNTIL));
        assertFalse(r.canEndOn(UNTIL.plusDays(1)));
    }

    @Test
    void anEntryEndsOnce() {
        IntegrityRecord r = record(FROM, UNTIL);
        r.endEarly(LATE_EVENING_UTC, "撤销", "admin");
        assertFalse(r.canEndOn(BUREAU_DAY));
        BusinessException e = assertThrows(BusinessException.class, () -> r.endEarly(LATE_EVENING_UTC, "再撤销", "admin2"));
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals("integrity.alreadyEnded", e.messageKey());
        assertEquals("admin", r.getEndedBy());
        assertEquals("撤销", r.getEndReason());
    }

    @Test
    void anEntryWhosePeriodIsOverHasNothingLeftToEnd() {
        IntegrityRecord r = record(FROM, BUREAU_DAY.minusDays(1));
        BusinessException e = assertThrows(BusinessException.class, () -> r.endEarly(LATE_EVENING_UTC, "撤销", "admin"));
        assertEquals("integrity.alreadyOver", e.messageKey());
        assertTrue(r.getEndedOn().isEmpty());
    }

    @Test
    void onItsLastDayAnEntryCanStillEndAndThenHoldsNoMore() {
        IntegrityRecord r = record(FROM, BUREAU_DAY);
        r.endEarly(LATE_EVENING_UTC, "撤销", "admin");
        assertFalse(r.inForceOn(BUREAU_DAY));
        assertTrue(r.inForceOn(BUREAU_DAY.minusDays(1)));
    }

    @Test
    void anEntryThatHasNotBegunIsWithdrawnBeforeItEverHolds() {
        IntegrityRecord r = record(BUREAU_DAY.plusDays(10), UNTIL);
        r.endEarly(LATE_EVENING_UTC, "误录", "admin");
        assertFalse(r.inForceOn(BUREAU_DAY.plusDays(10)));
        assertFalse(r.inForceOn(UNTIL));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n"})
    void endingEarlyNeedsAReason(String reason) {
        IntegrityRecord r = record(FROM, UNTIL);
        BusinessException e = assertThrows(BusinessException.class, () -> r.endEarly(LATE_EVENING_UTC, reason, "admin"));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("integrity.endReason", e.messageKey());
        assertTrue(r.getEndedOn().isEmpty());
        assertTrue(r.inForceOn(BUREAU_DAY));
    }

    @Test
    void anEndReasonHasAtMostAThousandCharacters() {
        IntegrityRecord r = record(FROM, UNTIL);
        assertEquals("integrity.endReason", assertThrows(BusinessException.class,
                () -> r.endEarly(LATE_EVENING_UTC, "由".repeat(1001), "admin")).messageKey());
        r.endEarly(LATE_EVENING_UTC, "由".repeat(1000), "admin");
        assertEquals(1000, r.getEndReason().length());
    }
}
