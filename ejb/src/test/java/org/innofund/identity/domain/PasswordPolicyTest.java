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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        BusinessException e = refused(USER, "q7#Kp2!xL");
        assertEquals("password.tooShort", e.messageKey());
        assertArrayEquals(new Object[] {10}, e.arguments());
    }

    @Test
    void tenCharactersAreEnough() {
        accepted(USER, "q7#Kp2!xLm");
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
        // CJK Extension B characters (such as U+20BB7 𠮷, used in names) take two UTF-16 units each
        StringBuilder ten = new StringBuilder();
        for (int cp : new int[] {0x20BB7, 0x2A6A5, 0x20021, 0x2B81D, 0x20C3A, 0x2A9E6, 0x2000B, 0x24B5B, 0x22016, 0x2F80F}) {
            ten.appendCodePoint(cp);
        }
        assertEquals(20, ten.length());
        String nine = ten.substring(0, 18);
        assertEquals("password.tooShort", refused(USER, nine).messageKey());
        accepted(USER, ten.toString());
    }

    @Test
    void oneHundredTwentyEightCharactersAreTheMost() {
        String strong = "q7#Kp2!xLm-Zr4@Vw9";
        String longest = (strong + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(3)).substring(0, 128);
        accepted(USER, longest);
        BusinessException e = refused(USER, longest + "x");
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

    /** The weak passwords that were found to register, and more of their kind, each refused with its reason. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234567890        | password.common",
            "aaaaaaaaaa        | password.common",
            "password12        | password.common",
            "PASSWORD12        | password.common",
            "qwertyuiop        | password.common",
            "1qaz2wsx3edc      | password.common",
            "'  password12  '  | password.common",
            "bbbbbbbbbbbb      | password.weak.repeat",
            "xyzxyzxyzxyz      | password.weak.repeat",
            "abcdefghijklm     | password.weak.sequence",
            "9876543210987     | password.weak.sequence",
            "asdfghjkl;'       | password.weak.keyboard",
            "Password123!      | password.weak.dictionary",
            "sunshine2026      | password.weak.dictionary",
            "1987-04-12        | password.weak.date"})
    void commonAndGuessablePasswordsAreRefusedSayingWhy(String password, String reason) {
        BusinessException e = refused(USER, password);
        assertEquals(reason, e.messageKey(), password);
        if (reason.startsWith("password.weak")) {
            assertTrue(new java.math.BigInteger((String) e.arguments()[0]).compareTo(java.math.BigInteger.valueOf(1_048_576)) < 0,
                    "guesses below 2^20: " + e.arguments()[0]);
        } else {
            assertArrayEquals(new Object[] {10_000}, e.arguments());
        }
    }

    @Test
    void theCommonListShippedHasTenThousandPasswords() throws java.io.IOException {
        try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            long entries = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            assertEquals(PasswordPolicy.COMMON_LIST_SIZE, entries);
        }
    }

    /** The demo password and the ones the tests and the README use must stay good. */
    @ParameterizedTest
    @ValueSource(strings = {"Demo#2026pass", "browser-password-1", "journey-password-1", "initial-password-1",
            "declare-password-1", "second-reviewer-1", "long-enough-password", "Tr0ub4dor&3x", "科技创新后补助资金管理"})
    void passwordsThatAreHardEnoughToGuessAreAccepted(String password) {
        accepted(USER, password);
    }

    @Test
    void aLongRepetitivePasswordIsJudgedQuickly() {
        long start = System.nanoTime();
        assertEquals("password.weak.repeat", refused(USER, "a1".repeat(64)).messageKey());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "bounded by the estimator's limits");
    }
}
