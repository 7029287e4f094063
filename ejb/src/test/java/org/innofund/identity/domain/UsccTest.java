package org.innofund.identity.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GB 32100-2015: 18 characters of "0-9 A-Z without I O S V Z", positions 3-8 digits, position 18 the check
 * character C18 with (sum of value(Ci) * Wi for i = 1..17 + value(C18)) = 0 (mod 31).
 */
class UsccTest {

    /** The standard's alphabet, written out here so that a typo in the implementation's copy shows. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A real code (check character verified with the standard's weights before it was listed). */
    private static final String VALID = "91110000802100433B";

    /**
     * Published codes of well-known companies (Huawei, Alibaba China, Tencent Technology (Shenzhen), Shenzhen
     * Tencent Computer Systems, Xiaomi) and the brief's sample; each satisfies the mod-31 equation (checked by
     * {@link #satisfiesCheckEquation}) and they cover letters and digits as check characters.
     */
    static Stream<String> realCodes() {
        return Stream.of(VALID, "914403001922038216", "91330100716105852F", "9144030071526726XG",
                "91440300708461136T", "91110108551385082Q");
    }

    /** The standard's equation, computed over the full 18 characters (another form than "31 - sum mod 31"). */
    private static boolean satisfiesCheckEquation(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        sum += ALPHABET.indexOf(code.charAt(17));
        return sum % 31 == 0;
    }

    /** The check character found by trying all 31 until the equation holds (no formula shared with the code). */
    private static char checkBySearch(String first17) {
        for (char c : ALPHABET.toCharArray()) {
            if (satisfiesCheckEquation(first17 + c)) {
                return c;
            }
        }
        throw new AssertionError("no check character for " + first17);
    }

    private static InvalidUsccException refused(String text) {
        return assertThrows(InvalidUsccException.class, () -> Uscc.parse(text));
    }

    @Test
    void alphabetIsTheStandardOne() {
        assertEquals(ALPHABET, Uscc.ALPHABET);
        assertEquals(31, ALPHABET.length());
        for (char banned : "IOSVZ".toCharArray()) {
            assertEquals(-1, Uscc.ALPHABET.indexOf(banned), "alphabet must not contain " + banned);
        }
    }

    @ParameterizedTest
    @MethodSource("realCodes")
    void acceptsRealCodes(String code) {
        assertTrue(satisfiesCheckEquation(code), "test data must be a valid code: " + code);
        assertEquals(code, Uscc.parse(code).value());
        assertEquals(code.charAt(17), Uscc.checkCharacter(code.substring(0, 17)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"  91110000802100433B", "91110000802100433B  ", "\t91110000802100433B\n",
            "\u300091110000802100433B\u3000" /* ideographic space, as pasted from Chinese text */})
    void stripsSurroundingBlanks(String text) {
        Uscc uscc = Uscc.parse(text);
        assertEquals(VALID, uscc.value());
        assertEquals(VALID, uscc.toString());
        assertEquals(Uscc.parse(VALID), uscc);
        assertEquals(Uscc.parse(VALID).hashCode(), uscc.hashCode());
    }

    @Test
    void differentCodesAreNotEqual() {
        assertNotEquals(Uscc.parse(VALID), Uscc.parse("914403001922038216"));
    }

    // ---- check character, worked out by hand ----

    @Test
    void checkCharacterIsZeroWhenTheSumIsAMultipleOf31() {
        // all zeros: sum 0
        assertEquals('0', Uscc.checkCharacter("00000000000000000"));
        // W (value 28) * 1 + 1 * 3 = 31: sum mod 31 = 0, so (31 - 0) mod 31 = 0, not 31
        assertEquals('0', Uscc.checkCharacter("W1000000000000000"));
        assertEquals("W10000000000000000", Uscc.parse("W10000000000000000").value());
    }

    @Test
    void checkCharacterAtTheTopOfTheAlphabet() {
        // 1 * 1 = 1: 31 - 1 = 30, the last character Y
        assertEquals('Y', Uscc.checkCharacter("10000000000000000"));
        // 1 * 28 (weight of position 17) = 28: 31 - 28 = 3
        assertEquals('3', Uscc.checkCharacter("00000000000000001"));
        // Y (30) * 3 = 90 = 2 * 31 + 28: 31 - 28 = 3
        assertEquals('3', Uscc.checkCharacter("0Y000000000000000"));
    }

    @Test
    void checkCharacterAgreesWithTheStandardsEquationOnRandomPrefixes() {
        Random random = new Random(32100_2015L);
        for (int n = 0; n < 2000; n++) {
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                prefix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String first17 = prefix.toString();
            assertEquals(checkBySearch(first17), Uscc.checkCharacter(first17), first17);
        }
    }

    @Test
    void lettersOutsideTheDivisionCodeAreAllowed() {
        // letters at positions 1-2 (registration authority and kind) and 9-17 (organisation code, e.g. "MA...")
        String first17 = "Y1330000MA27U0XX4";
        String code = first17 + checkBySearch(first17);
        assertEquals(code, Uscc.parse(code).value());
    }

    @Test
    void checkCharacterRejectsWrongInput() {
        assertThrows(IllegalArgumentException.class, () -> Uscc.checkCharacter("0000000000000000"));
        assertThrows(IllegalArgumentException.class, () -> Uscc.checkCharacter("000000000000000000"));
        assertThrows(IllegalArgumentException.class, () -> Uscc.checkCharacter("0000000000000000I"));
        assertThrows(IllegalArgumentException.class, () -> Uscc.checkCharacter("a0000000000000000"));
    }

    // ---- LENGTH ----

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void nothingBreaksTheLengthRuleWithZero(String text) {
        InvalidUsccException e = refused(text);
        assertEquals(InvalidUsccException.Rule.LENGTH, e.rule());
        assertArrayEquals(new Object[] {0}, e.arguments());
    }

    @Test
    void seventeenCharactersBreakTheLengthRule() {
        InvalidUsccException e = refused(VALID.substring(0, 17));
        assertEquals(InvalidUsccException.Rule.LENGTH, e.rule());
        assertEquals("uscc.length", e.messageKey());
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertArrayEquals(new Object[] {17}, e.arguments());
    }

    @Test
    void nineteenCharactersBreakTheLengthRule() {
        InvalidUsccException e = refused(VALID + "0");
        assertEquals(InvalidUsccException.Rule.LENGTH, e.rule());
        assertArrayEquals(new Object[] {19}, e.arguments());
    }

    @Test
    void aBlankInsideIsNotStripped() {
        InvalidUsccException e = refused("911100008021 00433B");
        assertEquals(InvalidUsccException.Rule.LENGTH, e.rule());
        assertArrayEquals(new Object[] {19}, e.arguments());
    }

    // ---- CHARACTER ----

    @Test
    void lowerCaseIsNotAllowed() {
        InvalidUsccException e = refused("91110000802100433b");
        assertEquals(InvalidUsccException.Rule.CHARACTER, e.rule());
        assertEquals("uscc.character", e.messageKey());
        assertArrayEquals(new Object[] {18, "b"}, e.arguments());
    }

    static Stream<Arguments> bannedLettersAtEveryPosition() {
        return "IOSVZ".chars().boxed().flatMap(letter -> IntStream.rangeClosed(1, 18)
                .mapToObj(position -> Arguments.of((char) letter.intValue(), position)));
    }

    @ParameterizedTest(name = "{0} at position {1}")
    @MethodSource("bannedLettersAtEveryPosition")
    void theFiveBannedLettersAreNotAllowedAnywhere(char letter, int position) {
        String code = VALID.substring(0, position - 1) + letter + VALID.substring(position);
        InvalidUsccException e = refused(code);
        // even in the division code (3-8), the character rule is the one broken
        assertEquals(InvalidUsccException.Rule.CHARACTER, e.rule());
        assertArrayEquals(new Object[] {position, String.valueOf(letter)}, e.arguments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", ".", "_", "/", "京", "１" /* full-width digit one */, "*"})
    void punctuationAndOtherScriptsAreNotAllowed(String character) {
        String code = "9111" + character + VALID.substring(5);
        InvalidUsccException e = refused(code);
        assertEquals(InvalidUsccException.Rule.CHARACTER, e.rule());
        assertArrayEquals(new Object[] {5, character}, e.arguments());
    }

    @Test
    void theFirstBadCharacterIsNamed() {
        InvalidUsccException e = refused("9a11000080210043-B");
        assertArrayEquals(new Object[] {2, "a"}, e.arguments());
    }

    // ---- DIVISION_CODE ----

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6, 7, 8})
    void theDivisionCodeIsDigitsOnly(int position) {
        String code = VALID.substring(0, position - 1) + 'A' + VALID.substring(position);
        InvalidUsccException e = refused(code);
        assertEquals(InvalidUsccException.Rule.DIVISION_CODE, e.rule());
        assertEquals("uscc.divisionCode", e.messageKey());
        assertArrayEquals(new Object[] {position, "A"}, e.arguments());
    }

    @Test
    void theDivisionCodeRuleComesBeforeTheCheckCharacter() {
        // check character made right for the letter, so only the division-code rule is broken
        String first17 = "91K10000802100433";
        InvalidUsccException e = refused(first17 + checkBySearch(first17));
        assertEquals(InvalidUsccException.Rule.DIVISION_CODE, e.rule());
        assertArrayEquals(new Object[] {3, "K"}, e.arguments());
    }

    // ---- CHECK_CHARACTER ----

    static Stream<Character> wrongCheckCharacters() {
        return ALPHABET.chars().mapToObj(c -> (char) c).filter(c -> c != VALID.charAt(17));
    }

    @ParameterizedTest(name = "check character {0}")
    @MethodSource("wrongCheckCharacters")
    void everyOtherCheckCharacterIsWrong(char wrong) {
        InvalidUsccException e = refused(VALID.substring(0, 17) + wrong);
        assertEquals(InvalidUsccException.Rule.CHECK_CHARACTER, e.rule());
        assertEquals("uscc.checkCharacter", e.messageKey());
        assertArrayEquals(new Object[] {String.valueOf(wrong), "B"}, e.arguments());
    }

    @Test
    void wrongCheckCharacterCountIsThirty() {
        assertEquals(30, wrongCheckCharacters().count());
    }

    @Test
    void everySingleCharacterTypoIsCaught() {
        // 31 is prime and no weight is a multiple of it, so changing one character always changes the sum mod 31
        for (int i = 0; i < 17; i++) {
            boolean divisionCode = i >= 2 && i < 8;
            for (char c : ALPHABET.toCharArray()) {
                if (c == VALID.charAt(i) || divisionCode && !Character.isDigit(c)) {
                    continue;
                }
                String typo = VALID.substring(0, i) + c + VALID.substring(i + 1);
                InvalidUsccException e = refused(typo);
                assertEquals(InvalidUsccException.Rule.CHECK_CHARACTER, e.rule(), typo);
            }
        }
    }

    @Test
    void everyRuleHasItsOwnMessageKey() {
        List<String> keys = Stream.of(InvalidUsccException.Rule.values())
                .map(rule -> new InvalidUsccException(rule).messageKey()).toList();
        assertEquals(List.of("uscc.length", "uscc.character", "uscc.divisionCode", "uscc.checkCharacter"), keys);
    }
}
