package org.innofund.shared;

import org.innofund.declaration.domain.DeclarationAction;
import org.innofund.declaration.domain.DeclarationState;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {

    private static final Properties CHINESE = BundleFiles.load("_zh_CN");
    private static final Properties ENGLISH = BundleFiles.load("_en");

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void everyKeyIsInBothLanguages() {
        Set<String> onlyChinese = keys(CHINESE);
        onlyChinese.removeAll(keys(ENGLISH));
        Set<String> onlyEnglish = keys(ENGLISH);
        onlyEnglish.removeAll(keys(CHINESE));
        assertEquals(Set.of(), onlyChinese, "keys missing in messages_en.properties");
        assertEquals(Set.of(), onlyEnglish, "keys missing in messages_zh_CN.properties");
        assertTrue(CHINESE.size() > 30, "the bundle was read: " + CHINESE.size());
    }

    /** Two files, one per language: no base file that would have to be kept a byte copy of the Chinese one. */
    @Test
    void aLanguageOtherThanEnglishIsAnsweredInChinese() {
        assertEquals(CHINESE.getProperty("login.invalid"), Messages.get(Locale.FRENCH, "login.invalid"));
        assertEquals(CHINESE.getProperty("login.invalid"), Messages.get(Locale.ROOT, "login.invalid"));
        assertEquals(CHINESE.getProperty("login.invalid"), Messages.get(null, "login.invalid"));
    }

    @Test
    void noMessageIsEmptyAndTheLanguagesAreReallyDifferent() {
        for (String key : keys(CHINESE)) {
            assertFalse(CHINESE.getProperty(key).isBlank(), key);
            assertFalse(ENGLISH.getProperty(key).isBlank(), key);
            assertNotEquals(CHINESE.getProperty(key), ENGLISH.getProperty(key), key + " is not translated");
            assertTrue(CHINESE.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    key + " has no Chinese text (file not read as UTF-8?)");
        }
    }

    @Test
    void bothLanguagesUseTheSameArguments() {
        for (String key : keys(CHINESE)) {
            assertEquals(BundleFiles.placeholders(CHINESE.getProperty(key)), BundleFiles.placeholders(ENGLISH.getProperty(key)), key);
        }
    }

    /**
     * A message with arguments goes through MessageFormat, which would swallow a lone quote (as in "entry's") or
     * choke on a stray brace: every such message must come out with all its text. A message without arguments
     * is shown as it is written.
     */
    @Test
    void formattingKeepsAllTheTextOfEveryMessage() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Properties file = locale == Locale.ENGLISH ? ENGLISH : CHINESE;
            for (String key : keys(file)) {
                String pattern = file.getProperty(key);
                Set<Integer> numbers = BundleFiles.placeholders(pattern);
                if (numbers.isEmpty()) {
                    assertEquals(pattern, Messages.get(locale, key), locale + " " + key);
                    continue;
                }
                Object[] arguments = new Object[numbers.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
                String expected = pattern;
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = "<A" + i + ">";
                    expected = expected.replace("{" + i + "}", arguments[i].toString());
                }
                assertEquals(expected, Messages.get(locale, key, arguments), locale + " " + key);
            }
        }
    }

    @Test
    void aWholeNumberIsShownWithoutGrouping() {
        assertEquals("评估任务 2482 不存在。", Messages.get(Locale.SIMPLIFIED_CHINESE, "assignment.notFound", 2482L));
        assertEquals("Assignment 123456 does not exist.", Messages.get(Locale.ENGLISH, "assignment.notFound", 123456));
    }

    @Test
    void argumentsAreFilledIn() {
        assertEquals("A Unified Social Credit Code has 18 characters; you entered 17.",
                Messages.get(Locale.ENGLISH, "uscc.length", 17));
        assertEquals("统一社会信用代码应为 18 位，您输入了 17 位。", Messages.get(Locale.SIMPLIFIED_CHINESE, "uscc.length", 17));
        assertEquals(ENGLISH.getProperty("call.alreadyPublished").replace("{0}", "2025 年度通知"),
                Messages.get(Locale.US, "call.alreadyPublished", "2025 年度通知"));
    }

    @Test
    void aMessageWithoutArgumentsIsTheTextAsItIs() {
        assertEquals(ENGLISH.getProperty("login.invalid"), Messages.get(Locale.ENGLISH, "login.invalid"));
        assertEquals(CHINESE.getProperty("login.invalid"), Messages.get(Locale.CHINA, "login.invalid"));
    }

    @Test
    void aBusinessExceptionIsTranslatedWithItsArguments() {
        BusinessException e = BusinessException.invalid("password.tooShort", 10);
        assertEquals("The password needs at least 10 characters.", Messages.get(Locale.ENGLISH, e));
        assertEquals("密码至少需要 10 个字符。", Messages.get(Locale.SIMPLIFIED_CHINESE, e));
    }

    @Test
    void anUnknownKeyIsShownAsItIs() {
        assertEquals("no.such.key", Messages.get(Locale.ENGLISH, "no.such.key"));
        assertEquals("no.such.key", Messages.get(Locale.SIMPLIFIED_CHINESE, "no.such.key", 1, 2));
    }

    @Test
    void englishIsChosenForEveryEnglishLocale() {
        for (Locale english : new Locale[] {Locale.ENGLISH, Locale.US, Locale.UK, Locale.forLanguageTag("en-CN")}) {
            assertEquals(Locale.ENGLISH, Messages.supported(english), english.toString());
            assertEquals(ENGLISH.getProperty("auth.required"), Messages.get(english, "auth.required"), english.toString());
        }
    }

    @Test
    void chineseIsChosenForEverythingElse() {
        for (Locale other : new Locale[] {Locale.FRENCH, Locale.GERMANY, Locale.JAPANESE, Locale.CHINA, Locale.TAIWAN,
                Locale.CHINESE, Locale.ROOT}) {
            assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.supported(other), other.toString());
            assertEquals(CHINESE.getProperty("auth.required"), Messages.get(other, "auth.required"), other.toString());
        }
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.supported(null));
        assertEquals(CHINESE.getProperty("auth.required"), Messages.get(null, "auth.required"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.DEFAULT_LOCALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "fr-FR", "zh-TW"})
    void theJvmsDefaultLocaleDoesNotLeakIn(String tag) {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            assertEquals(CHINESE.getProperty("login.locked"), Messages.get(Locale.FRENCH, "login.locked"));
            assertEquals(ENGLISH.getProperty("login.locked"), Messages.get(Locale.ENGLISH, "login.locked"));
        } finally {
            Locale.setDefault(saved);
        }
    }
    /** A refusal names a declaration's state in words, in the reader's language, not by its code. */
    @Test
    void aDeclarationStateInARefusalIsInWords() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> DeclarationState.ACCEPTED.require(DeclarationAction.WITHDRAW));
        assertEquals("申报书当前状态（已受理）不能撤回：只有已提交、业务科室尚未作出受理决定的申报书可以撤回。",
                Messages.get(Locale.SIMPLIFIED_CHINESE, e));
        assertTrue(Messages.get(Locale.ENGLISH, e).startsWith("The declaration cannot be withdrawn in its state (accepted)"),
                Messages.get(Locale.ENGLISH, e));
        // an argument that is no labelled enum is shown as it is
        assertEquals(ENGLISH.getProperty("call.alreadyPublished").replace("{0}", "ACCEPTED"),
                Messages.get(Locale.ENGLISH, "call.alreadyPublished", "ACCEPTED"));
    }

    @Test
    void everyDeclarationStateHasItsWordsInBothLanguages() {
        for (DeclarationState state : DeclarationState.values()) {
            String key = "DeclarationState." + state.name();
            assertNotNull(CHINESE.getProperty(key), key + " (zh)");
            assertNotNull(ENGLISH.getProperty(key), key + " (en)");
        }
    }
}
