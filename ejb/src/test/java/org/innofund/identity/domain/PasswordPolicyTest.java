package org.innofund.identity.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordPolicyTest {

    private static final String USER = "zhang.wei";

    private static BusinessException refused(String username, String password) {
        BusinessException e = assertThrows(BusinessException.class, () -> PasswordPolicy.check(username, password));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        return e;
    }

    private static void accepted(String username, String password) {
        assertDoesNotThrow(() -> PasswordPolicy.check(username, password));
    }

    @Test
    void nineCharactersAreTooShort() {
        BusinessException e = refused(USER, "abcdefgh9");
        assertEquals("password.tooShort", e.messageKey());
        assertArrayEquals(new Object[] {10}, e.arguments());
    }

    @Test
    void tenCharactersAreEnough() {
        accepted(USER, "abcdefgh10");
    }

    @Test
    void nullIsTooShort() {
        assertEquals("password.tooShort", refused(USER, null).messageKey());
    }

    @Test
    void emptyIsTooShort() {
        assertEquals("password.tooShort", refused(USER, "").messageKey());
    }

    @Test
    void tenChineseCharactersAreEnough() {
        String password = "科技创新后补助资金管理".substring(0, 10);
        assertEquals(10, password.length());
        accepted(USER, password);
        assertEquals("password.tooShort", refused(USER, password.substring(0, 9)).messageKey());
    }

    @Test
    void charactersAreCountedAsCodePointsNotAsUtf16Units() {
        // U+20BB7 (𠮷, a CJK Extension B character used in names) takes two UTF-16 units
        String rare = new String(Character.toChars(0x20BB7));
        assertEquals(2, rare.length());
        String nine = rare.repeat(9);
        assertEquals(18, nine.length());
        assertEquals("password.tooShort", refused(USER, nine).messageKey());
        accepted(USER, rare.repeat(10));
    }

    @Test
    void oneHundredTwentyEightCharactersAreTheMost() {
        accepted(USER, "a1".repeat(64));
        BusinessException e = refused(USER, "a1".repeat(64) + "x");
        assertEquals("password.tooLong", e.messageKey());
        assertArrayEquals(new Object[] {128}, e.arguments());
    }

    @Test
    void muchTooLongIsRefused() {
        assertEquals("password.tooLong", refused(USER, "x".repeat(10_000)).messageKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"          ", "\t\t\t\t\t\t\t\t\t\t", "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000",
            "  \n  \t   \r  "})
    void onlyBlanksAreRefused(String password) {
        BusinessException e = refused(USER, password);
        assertEquals("password.blank", e.messageKey());
        assertArrayEquals(new Object[0], e.arguments());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "wang.fang.admin | wang.fang.admin",
            "wang.fang.admin | WANG.Fang.Admin",
            "wang.fang.admin | '  wang.fang.admin  '",
            "'  Wang.Fang.Admin ' | wang.fang.admin",
            "'\tli.na.reviewer' | 'LI.NA.REVIEWER\t'"})
    void theUserNameIsRefusedIgnoringCaseAndSurroundingBlanks(String username, String password) {
        assertEquals("password.equalsUsername", refused(username, password).messageKey());
    }

    @Test
    void aPasswordContainingTheUserNameIsAllowed() {
        accepted("wang.fang.admin", "wang.fang.admin!");
        accepted("wang.fang.admin", "wang.fang. admin");
    }

    @Test
    void noUserNameMeansNoUserNameCheck() {
        accepted(null, "wang.fang.admin");
    }
}
