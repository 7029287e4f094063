package org.innofund.declaration.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 申报编号: how it reads, what it refuses, and the counter it comes from. */
class ReceiptNumberTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "CXKJ, 2026, 107, CXKJ-2026-SB-000107",
            "CXKJ, 2026, 1, CXKJ-2026-SB-000001",
            "CXKJ, 2027, 999999, CXKJ-2027-SB-999999",
            "CXKJ, 2027, 1000000, CXKJ-2027-SB-1000000",
            "NB, 2000, 42, NB-2000-SB-000042",
            "K, 9999, 999999999, K-9999-SB-999999999",
            "NBKJ2026, 2026, 5, NBKJ2026-2026-SB-000005"})
    void readsAsPrefixYearSbAndAtLeastSixDigits(String prefix, int year, long sequence, String expected) {
        assertEquals(expected, new ReceiptNumber(prefix, year, sequence).toString());
    }

    @Test
    void theLongestNumberFitsItsColumn() {
        String longest = new ReceiptNumber("ABCDEFGHIJKL", 9999, ReceiptNumber.MAX_SEQUENCE).toString();
        assertEquals(ReceiptNumber.MAX_LENGTH, longest.length(), longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cxkj", "Cxkj", "1CXKJ", "CX-KJ", "CX KJ", " CXKJ", "ABCDEFGHIJKLM", "科技"})
    void aPrefixIsUpperCaseLettersAndDigitsStartingWithALetter(String prefix) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReceiptNumber(prefix, 2026, 1));
        assertTrue(e.getMessage().contains("prefix"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1999, 1", "10000, 1", "2026, 0", "2026, -1", "2026, 1000000000"})
    void aYearAndASequenceOutOfRangeAreRefused(int year, long sequence) {
        assertThrows(IllegalArgumentException.class, () -> new ReceiptNumber("CXKJ", year, sequence));
    }

    @Test
    void aCounterGivesOneNumberAfterTheOtherFromOne() {
        ReceiptCounter counter = new ReceiptCounter(2026);
        assertEquals(0, counter.getLastNumber());
        assertEquals(1, counter.next());
        assertEquals(2, counter.next());
        assertEquals(3, counter.next());
        assertEquals(3, counter.getLastNumber());
        assertEquals(2026, counter.getYear());
    }
}
