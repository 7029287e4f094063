package org.innofund.project.domain;

import org.innofund.program.domain.RuleParameter;
import org.innofund.shared.Clocks;

import java.math.BigDecimal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 公示期: from the notice's publication to the end of its last calendar day in Asia/Shanghai. The days are counted as
 * the Civil Code counts a period in days (民法典 第二百零一条、第二百零三条): the day it starts is not counted, the count
 * begins the next day, and the last day ends at 24:00. Published at any time on 1 December, a 7-day period runs
 * through 8 December and ends at 9 December 00:00 Beijing time.
 */
public record PublicityPeriod(Instant start, Instant end) {

    public PublicityPeriod {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a publicity period ends after it starts");
        }
    }

    /** The period of a notice published at this instant, lasting this many calendar days (the call's publicityDays). */
    public static PublicityPeriod of(Instant published, int days) {
        RuleParameter.PUBLICITY_DAYS.check(BigDecimal.valueOf(days));
        LocalDate publishedOn = LocalDate.ofInstant(published, Clocks.BUREAU_ZONE);
        Instant end = publishedOn.plusDays(days + 1L).atStartOfDay(Clocks.BUREAU_ZONE).toInstant();
        return new PublicityPeriod(published, end);
    }

    /** Whether an objection may still be filed at this instant. */
    public boolean isOpen(Instant now) {
        return !now.isBefore(start) && now.isBefore(end);
    }

    /** Whether the period is over at this instant (the end itself is over: 24:00 of the last day). */
    public boolean hasEnded(Instant now) {
        return !now.isBefore(end);
    }

    /** The last calendar day of the period, as the public page names it (公示截止日期). */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(end, Clocks.BUREAU_ZONE).minusDays(1);
    }
}
