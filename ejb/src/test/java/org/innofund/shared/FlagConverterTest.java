package org.innofund.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlagConverterTest {

    private final FlagConverter converter = new FlagConverter();

    @Test
    void flagsAreStoredAsOneAndZero() {
        assertEquals(1, converter.convertToDatabaseColumn(true));
        assertEquals(0, converter.convertToDatabaseColumn(false));
        assertNull(converter.convertToDatabaseColumn(null));
    }

    @Test
    void anyNonZeroReadsAsYes() {
        assertTrue(converter.convertToEntityAttribute(1));
        assertFalse(converter.convertToEntityAttribute(0));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
