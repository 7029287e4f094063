package org.innofund.shared;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void storesUtcWallClockTimeWhateverTheJvmZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"Asia/Shanghai", "America/New_York", "UTC"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                // 17:00 on 30 April in Shanghai (UTC+8)
                Instant deadline = Instant.parse("2025-04-30T09:00:00Z");
                assertEquals(LocalDateTime.of(2025, 4, 30, 9, 0), converter.convertToDatabaseColumn(deadline), zone);
                assertEquals(deadline, converter.convertToEntityAttribute(LocalDateTime.of(2025, 4, 30, 9, 0)), zone);
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void keepsNanosecondsAndNull() {
        Instant precise = Instant.parse("2025-01-01T00:00:00.123456789Z");
        assertEquals(precise, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(precise)));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
