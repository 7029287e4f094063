package org.innofund.web.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"en-US,en;q=0.9", "en", "EN-gb", "en-US", "fr, en;q=0.5", "de-DE,fr;q=0.9,en;q=0.1",
            "en;q=0.8, zh;q=0.5", "*;q=0.1, en"})
    void englishWhenEnglishIsTheFirstSupportedLanguageAsked(String acceptLanguage) {
        assertEquals(Locale.ENGLISH, ApiErrors.locale(acceptLanguage));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "zh", "zh-TW", "zh-CN,zh;q=0.9,en;q=0.8", "zh;q=0.9, en;q=0.5", "fr", "de-DE, ja",
            "*"})
    void chineseOtherwise(String acceptLanguage) {
        assertEquals(Locale.SIMPLIFIED_CHINESE, ApiErrors.locale(acceptLanguage));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "garbage;;;", "en;q=abc", "!!!", "en;q=2", ",,,", "12345678901234567890"})
    void chineseForNothingOrGarbage(String acceptLanguage) {
        assertEquals(Locale.SIMPLIFIED_CHINESE, ApiErrors.locale(acceptLanguage));
    }

    /** q=0 means "not acceptable": English refused that way must not be chosen. */
    @ParameterizedTest
    @ValueSource(strings = {"en;q=0", "fr, en;q=0", "en-US;q=0, en;q=0.0", "en;q=0.000, zh-TW"})
    void aLanguageWithWeightZeroIsRefused(String acceptLanguage) {
        assertEquals(Locale.SIMPLIFIED_CHINESE, ApiErrors.locale(acceptLanguage));
    }

    @Test
    void weightsDecideTheOrder() {
        assertEquals(Locale.ENGLISH, ApiErrors.locale("zh;q=0.4, en;q=0.6"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, ApiErrors.locale("en;q=0.4, zh;q=0.6"));
        assertEquals(Locale.ENGLISH, ApiErrors.locale("zh;q=0, en;q=0.001"));
    }

    @Test
    void anErrorCarriesItsKeyAndTheTranslatedText() {
        ApiError english = ApiErrors.error(Locale.ENGLISH, "uscc.length", 17);
        assertEquals("uscc.length", english.code());
        assertEquals("A Unified Social Credit Code has 18 characters; you entered 17.", english.message());
        ApiError chinese = ApiErrors.error(ApiErrors.locale("zh-CN"), "auth.required");
        assertEquals("auth.required", chinese.code());
        assertEquals("请先登录。", chinese.message());
    }
}
