package org.innofund.web.bureau;

import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.CallStatus;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CallFormTest {

    private static CallDetail call(Instant opensAt, Instant closesAt, Money maxRequest) {
        return new CallDetail(1L, 2L, "program", SubsidyKind.values()[0], "department", "title", 2026, opensAt, closesAt,
                Money.of(new BigDecimal("1000000")), maxRequest, "guide", CallStatus.DRAFT, false, List.of(), List.of(),
                new TreeMap<>(), "reviewer", null, null, null, 3, java.util.Set.of(), false);
    }

    /** The page shows and takes Beijing wall-clock times whatever the server's zone; the service gets instants. */
    @Test
    void timesAreBeijingWallClockTimes() {
        CallForm form = CallForm.of(call(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-31T15:59:00Z"), null));
        assertEquals(LocalDateTime.parse("2026-03-01T08:00"), form.getOpensAt());
        assertEquals(LocalDateTime.parse("2026-03-31T23:59"), form.getClosesAt());
        form.setClosesAt(LocalDateTime.parse("2026-04-01T00:30"));
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), form.opensAtInstant());
        assertEquals(Instant.parse("2026-03-31T16:30:00Z"), form.closesAtInstant());
    }

    @Test
    void filledWithWhatTheCallSays() {
        CallForm form = CallForm.of(call(Instant.EPOCH, Instant.EPOCH, Money.of(new BigDecimal("500000"))));
        assertEquals("title", form.getTitle());
        assertEquals(2026, form.getYear());
        assertEquals(0, new BigDecimal("1000000").compareTo(form.getBudget()));
        assertEquals(0, new BigDecimal("500000").compareTo(form.getMaxRequest()));
        assertEquals("guide", form.getGuide());
        assertNull(CallForm.of(call(Instant.EPOCH, Instant.EPOCH, null)).getMaxRequest());
    }

    @Test
    void aNewCallStartsWithTheYearGivenAndNothingElse() {
        CallForm form = CallForm.forYear(2027);
        assertEquals(2027, form.getYear());
        assertEquals(2027, form.yearOrZero());
        assertNull(form.getTitle());
        form.setYear(null);
        assertEquals(0, form.yearOrZero());
    }
}
