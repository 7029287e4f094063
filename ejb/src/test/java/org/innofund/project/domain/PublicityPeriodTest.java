package org.innofund.project.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 公示期 counted in Beijing calendar days from the day after publication, ending at 24:00 of the last day. */
class PublicityPeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @ParameterizedTest(name = "published {0} for {1} days: ends {2} 00:00 Beijing, last day {3}")
    @CsvSource({
            // any time of a day gives the same end: the day of publication is not counted
            "2026-12-01T00:00:00, 7, 2026-12-09T00:00:00, 2026-12-08",
            "2026-12-01T09:30:00, 7, 2026-12-09T00:00:00, 2026-12-08",
            "2026-12-01T23:59:59, 7, 2026-12-09T00:00:00, 2026-12-08",
            // one second later it is the next day in Beijing
            "2026-12-02T00:00:00, 7, 2026-12-10T00:00:00, 2026-12-09",
            // across month ends, a short February and a leap February, and the year's end
            "2026-11-28T10:00:00, 7, 2026-12-06T00:00:00, 2026-12-05",
            "2027-02-25T10:00:00, 7, 2027-03-05T00:00:00, 2027-03-04",
            "2028-02-25T10:00:00, 7, 2028-03-04T00:00:00, 2028-03-03",
            "2026-12-28T16:00:00, 7, 2027-01-05T00:00:00, 2027-01-04",
            "2026-01-31T08:00:00, 1, 2026-02-02T00:00:00, 2026-02-01",
            "2026-12-01T12:00:00, 30, 2027-01-01T00:00:00, 2026-12-31"})
    void theEndIsMidnightAfterTheLastDayInBeijing(String published, int days, String end, String lastDay) {
        PublicityPeriod period = PublicityPeriod.of(beijing(published), days);
        assertEquals(beijing(published), period.start());
        assertEquals(beijing(end), period.end());
        assertEquals(LocalDate.parse(lastDay), period.lastDay());
    }

    /** The server's zone does not matter: 16:30 UTC on 30 November is already 1 December in Beijing. */
    @Test
    void theDayIsBeijingsNotUtcs() {
        PublicityPeriod late = PublicityPeriod.of(Instant.parse("2026-11-30T16:30:00Z"), 7);
        assertEquals(Instant.parse("2026-12-08T16:00:00Z"), late.end()); // 9 December 00:00 Beijing
        PublicityPeriod early = PublicityPeriod.of(Instant.parse("2026-11-30T15:59:59Z"), 7);
        assertEquals(Instant.parse("2026-12-07T16:00:00Z"), early.end());
    }

    @Test
    void objectionsAreTakenUpToTheLastInstantOfTheLastDay() {
        PublicityPeriod period = PublicityPeriod.of(beijing("2026-12-01T09:00:00"), 7);
        assertFalse(period.isOpen(beijing("2026-12-01T08:59:59")));
        assertTrue(period.isOpen(beijing("2026-12-01T09:00:00")));
        assertTrue(period.isOpen(beijing("2026-12-08T23:59:59")));
        assertFalse(period.hasEnded(beijing("2026-12-08T23:59:59")));
        assertFalse(period.isOpen(beijing("2026-12-09T00:00:00")));
        assertTrue(period.hasEnded(beijing("2026-12-09T00:00:00")));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 31, 365})
    void aPeriodLastsOneToThirtyDays(int days) {
        assertThrows(BusinessException.class, () -> PublicityPeriod.of(beijing("2026-12-01T09:00:00"), days));
    }
}
