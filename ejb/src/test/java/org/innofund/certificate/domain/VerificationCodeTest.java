package org.innofund.certificate.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationCodeTest {

    @Test
    void aCodeIsTwentyCharactersOfTheAlphabetAndCodesDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = VerificationCode.generate(random);
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{20}"), code);
            assertTrue(seen.add(code), "a code came twice: " + code);
            code.chars().forEach(c -> used.add((char) c));
        }
        // 5 bits a character: all 32 symbols appear in 200,000 draws, so a code carries 100 bits
        assertEquals(32, used.size());
    }

    @Test
    void printedInFiveGroupsOfFour() {
        assertEquals("0123-4567-89AB-CDEF-GHJK", VerificationCode.grouped("0123456789ABCDEFGHJK"));
    }

    @Test
    void readingForgivesCaseSpacesDashesAndLookalikes() {
        String code = "0123456789ABCDEFGHJK";
        assertEquals(code, VerificationCode.normalize("0123-4567-89AB-CDEF-GHJK"));
        assertEquals(code, VerificationCode.normalize(" 0123 4567 89ab cdef ghjk "));
        assertEquals(code, VerificationCode.normalize("O123456789ABCDEFGHJK"));
        assertEquals("1123456789ABCDEFGHJK", VerificationCode.normalize("I123456789ABCDEFGHJK"));
        assertEquals("1123456789ABCDEFGHJK", VerificationCode.normalize("l123456789abcdefghjk"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0123456789ABCDEFGHJ", "0123456789ABCDEFGHJKM", "0123456789ABCDEFGHJU",
            "0123456789ABCDEF'HJK", "0123456789ABCDEFGHJ%", "' or 1=1 --",
            "0000000000000000000000000000000000000000000000000000000000000000000000"})
    void whatCannotBeACodeIsNone(String typed) {
        assertNull(VerificationCode.normalize(typed));
    }
}
