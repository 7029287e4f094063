package org.innofund.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VersionsTest {

    @ParameterizedTest
    @CsvSource({"0", "1", "7", "9223372036854775807"})
    void theVersionReadIsCurrent(long version) {
        assertDoesNotThrow(() -> Versions.requireCurrent(version, version));
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "0, 1", "5, 4", "5, 6", "0, -1", "9223372036854775807, -9223372036854775808"})
    void anOlderOrOtherVersionIsAConflict(long actual, long expected) {
        BusinessException e = assertThrows(BusinessException.class, () -> Versions.requireCurrent(actual, expected));
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals("request.conflict", e.messageKey());
    }

    /** A null used to mean "don't check", so leaving the version out overwrote whatever was there. */
    @ParameterizedTest
    @CsvSource({"0", "1", "42"})
    void noVersionIsRefusedNotSkipped(long actual) {
        BusinessException e = assertThrows(BusinessException.class, () -> Versions.requireCurrent(actual, null));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("request.versionRequired", e.messageKey());
    }

    @Test
    void theRefusalNamesTheFieldInBothLanguages() {
        BusinessException e = assertThrows(BusinessException.class, () -> Versions.requireCurrent(3, null));
        assertEquals(true, Messages.get(java.util.Locale.ENGLISH, e).contains("\"version\""));
        assertEquals(true, Messages.get(Messages.DEFAULT_LOCALE, e).contains("version"));
    }
}
