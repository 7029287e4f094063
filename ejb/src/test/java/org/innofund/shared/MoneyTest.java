package org.innofund.shared;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    private static Money yuan(String amount) {
        return Money.of(new BigDecimal(amount));
    }

    private static void assertRefused(String key, String argument, Runnable r) {
        BusinessException e = assertThrows(BusinessException.class, r::run);
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals(key, e.messageKey());
        assertArrayEquals(new Object[] {argument}, e.arguments());
    }

    @Nested
    class WhatIsAnAmount {

        @ParameterizedTest
        @CsvSource({"0, 0.00", "0.00, 0.00", "-0, 0.00", "0.01, 0.01", "1.5, 1.50", "1.500, 1.50", "1E+3, 1000.00",
                "300000, 300000.00", "99999999999999.99, 99999999999999.99", "99999999999999.990, 99999999999999.99"})
        void acceptedAndAlwaysTwoDecimals(String given, String stored) {
            Money m = yuan(given);
            assertEquals(stored, m.toString());
            assertEquals(2, m.amount().scale());
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "-1", "0.001", "1.005", "100000000000000.00", "99999999999999.991", "1e300", "1e-300"})
        void refusedWithTheAmountAsTyped(String given) {
            assertRefused("money.invalid", new BigDecimal(given).toPlainString(), () -> yuan(given));
            assertFalse(Money.isValid(new BigDecimal(given)));
        }

        @Test
        void maxPlusOneFenIsRefused() {
            assertRefused("money.invalid", "100000000000000.00", () -> Money.MAX.plus(yuan("0.01")));
            assertEquals(Money.MAX, yuan("99999999999999.98").plus(yuan("0.01")));
        }

        @Test
        void nullIsNotAnAmountButMayStayNull() {
            assertRefused("money.invalid", "", () -> Money.of(null));
            assertFalse(Money.isValid(null));
            assertNull(Money.ofNullable(null));
            assertEquals(yuan("2"), Money.ofNullable(new BigDecimal("2.0")));
        }
    }

    @Nested
    class Parsing {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"300000.00|300000.00", "0|0.00", "12.3|12.30", " 12.3 |12.30",
"00012.30|12.30", "99999999999999.99|99999999999999.99"})
        void plainDecimals(String text, String amount) {
            assertEquals(amount, Money.parse(text).toString());
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e3", "1E3", "1,000.00", "¥12", "+1", ".5", "1.", "12 3", "abc", "", "  ", "0x10", "1.2.3", "一百"})
        void junkIsMalformed(String text) {
            assertRefused("money.malformed", text.strip(), () -> Money.parse(text));
        }

        @Test
        void tabsAndNewlinesAroundAreSpacesToo() {
            assertEquals(yuan("7"), Money.parse("\t7\n"));
        }

        @Test
        void nullIsMalformed() {
            assertRefused("money.malformed", "", () -> Money.parse(null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.001", "-1", "-0.01", "100000000000000", "0.000"})
        void aDecimalThatIsNoAmountIsInvalid(String text) {
            // "0.000" has three decimals as written: refused like 1.001, though its value would fit
            BigDecimal value = new BigDecimal(text);
            if (Money.isValid(value)) {
                assertEquals(value.setScale(2), Money.parse(text).amount());
            } else {
                assertRefused("money.invalid", text, () -> Money.parse(text));
            }
        }

        @Test
        void aVeryLongTextIsNotParsed() {
            String digits = "1".repeat(100_000);
            BusinessException e = assertThrows(BusinessException.class, () -> Money.parse(digits));
            assertEquals("money.invalid", e.messageKey());
            assertTrue(e.arguments()[0].toString().length() < 50, e.arguments()[0].toString());
        }
    }

    @Nested
    class Comparison {

        @Test
        void oneAndAHalfIsOneFifty() {
            assertEquals(yuan("1.5"), yuan("1.50"));
            assertEquals(yuan("1.5").hashCode(), yuan("1.50").hashCode());
            assertEquals(0, yuan("1.5").compareTo(yuan("1.500")));
            assertEquals(Money.ZERO, yuan("-0"));
        }

        @Test
        void orderedByValue() {
            assertTrue(yuan("10.00").isGreaterThan(yuan("9.99")));
            assertFalse(yuan("9.99").isGreaterThan(yuan("9.99")));
            assertEquals(List.of(yuan("0"), yuan("0.01"), yuan("2"), Money.MAX),
                    Stream.of(Money.MAX, yuan("2"), yuan("0"), yuan("0.01")).sorted().toList());
            assertNotEquals(yuan("1.01"), yuan("1.1"));
            assertTrue(Money.ZERO.isZero());
            assertFalse(yuan("0.01").isZero());
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void plusAndMinusAreExact() {
            assertEquals(yuan("0.30"), yuan("0.1").plus(yuan("0.2")));
            assertEquals(yuan("99999999999999.98"), Money.MAX.minus(yuan("0.01")));
            assertEquals(Money.ZERO, yuan("5").minus(yuan("5.00")));
        }

        @Test
        void aDifferenceBelowZeroIsRefused() {
            assertRefused("money.invalid", "-0.01", () -> yuan("5").minus(yuan("5.01")));
        }

        @Test
        void sumOfNothingIsZero() {
            assertEquals(Money.ZERO, Money.sum(Stream.empty()));
            assertEquals(yuan("6.60"), Money.sum(Stream.of(yuan("1.1"), yuan("2.2"), yuan("3.3"))));
            assertRefused("money.invalid", "100000000000000.00", () -> Money.sum(Stream.of(Money.MAX, yuan("0.01"))));
        }

        @ParameterizedTest
        @CsvSource({
                // amount, rate, HALF_UP, HALF_EVEN, DOWN
                "0.01, 0.5, 0.01, 0.00, 0.00",     // 0.005
                "0.03, 0.5, 0.02, 0.02, 0.01",     // 0.015
                "100.01, 0.5, 50.01, 50.00, 50.00", // 50.005
                "100.03, 0.5, 50.02, 50.02, 50.01", // 50.015
                "1000000.00, 0.3, 300000.00, 300000.00, 300000.00",
                "333.33, 0.333333, 111.11, 111.11, 111.10", // 111.108889
                "1.00, 0, 0.00, 0.00, 0.00"})
        void timesARateRoundsAsTheCallerSays(String amount, String rate, String halfUp, String halfEven, String down) {
            BigDecimal r = new BigDecimal(rate);
            assertEquals(yuan(halfUp), yuan(amount).times(r, RoundingMode.HALF_UP));
            assertEquals(yuan(halfEven), yuan(amount).times(r, RoundingMode.HALF_EVEN));
            assertEquals(yuan(down), yuan(amount).times(r, RoundingMode.DOWN));
        }

        @Test
        void timesWithoutARoundingModeOrIntoNegativeIsRefused() {
            assertThrows(NullPointerException.class, () -> yuan("1").times(BigDecimal.ONE, null));
            assertThrows(ArithmeticException.class, () -> yuan("0.01").times(new BigDecimal("0.5"), RoundingMode.UNNECESSARY));
            assertRefused("money.invalid", "-1.00", () -> yuan("1").times(BigDecimal.ONE.negate(), RoundingMode.HALF_UP));
            assertRefused("money.invalid", "199999999999999.98", () -> Money.MAX.times(new BigDecimal("2"), RoundingMode.HALF_UP));
        }
    }

    @Nested
    class Fen {

        @ParameterizedTest
        @CsvSource({"0, 0", "0.01, 1", "1.5, 150", "300000.00, 30000000", "99999999999999.99, 9999999999999999"})
        void wholeFen(String amount, long fen) {
            assertEquals(fen, yuan(amount).fen());
            assertEquals(yuan(amount), Money.ofFen(fen));
        }

        @Test
        void negativeOrTooManyFenAreRefused() {
            assertRefused("money.invalid", "-0.01", () -> Money.ofFen(-1));
            assertRefused("money.invalid", "100000000000000.00", () -> Money.ofFen(Money.MAX.fen() + 1));
        }
    }

    @Nested
    class Formatting {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"0|¥0.00", "0.05|¥0.05", "999.99|¥999.99", "1000|¥1,000.00",
                "1234567.89|¥1,234,567.89", "99999999999999.99|¥99,999,999,999,999.99"})
        void yuanExactToTheFen(String amount, String shown) {
            assertEquals(shown, MoneyFormat.yuan(yuan(amount)));
        }

        /** A figure in a sentence that says 元 itself: separators, at least two decimals, and none of a typed figure lost. */
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"0|0.00", "3500000|3,500,000.00", "999999.99|999,999.99", "-1234.5|-1,234.50",
                "1.005|1.005", "3000000.0003|3,000,000.0003", "99999999999999.99|99,999,999,999,999.99",
                "1.500|1.50", "0.000|0.00", "1E+3|1,000.00", "-0.5|-0.50", "-999.5|-999.50", "-1000|-1,000.00",
                "100|100.00", "123456|123,456.00", "1234567890.123|1,234,567,890.123"})
        void figuresReadWithSeparators(String amount, String shown) {
            assertEquals(shown, MoneyFormat.figure(new BigDecimal(amount)));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"0.03|3%", "0.10|10%", "0.105|10.5%", "1|100%", "1.50|150%", "-0.10|-10%", "0|0%"})
        void ratiosReadAsPercentages(String ratio, String shown) {
            assertEquals(shown, MoneyFormat.percent(new BigDecimal(ratio)));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "0|0.00 万元", "49.99|0.00 万元", "50|0.01 万元", "149.99|0.01 万元", "150|0.02 万元",
                "9999.99|1.00 万元", "10000|1.00 万元", "1234567.89|123.46 万元", "1234549.99|123.45 万元",
                "12345678901.23|1,234,567.89 万元", "99999999999999.99|10,000,000,000.00 万元"})
        void tenThousandsInChineseRoundHalfUp(String amount, String shown) {
            assertEquals(shown, MoneyFormat.abbreviated(yuan(amount), Locale.SIMPLIFIED_CHINESE));
            assertEquals(shown, MoneyFormat.abbreviated(yuan(amount), Locale.CHINESE));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"0|¥0.00 million", "4999.99|¥0.00 million", "5000|¥0.01 million",
                "1234567.89|¥1.23 million", "1235000|¥1.24 million", "99999999999999.99|¥100,000,000.00 million"})
        void millionsInEnglish(String amount, String shown) {
            assertEquals(shown, MoneyFormat.abbreviated(yuan(amount), Locale.ENGLISH));
        }
    }

    @Nested
    class Json {

        public record Grant(String name, Money amount, Money limit) {
        }

        private final Jsonb jsonb = JsonbBuilder.create();

        @Test
        void writtenAsANumberWithTwoDecimals() {
            assertEquals("{\"amount\":300000.00,\"limit\":0.50,\"name\":\"a\"}",
                    jsonb.toJson(new Grant("a", yuan("300000"), yuan("0.5"))));
            assertEquals("99999999999999.99", jsonb.toJson(Money.MAX));
        }

        @Test
        void roundTrip() {
            Grant g = new Grant("b", Money.MAX, Money.ZERO);
            assertEquals(g, jsonb.fromJson(jsonb.toJson(g), Grant.class));
        }

        @ParameterizedTest
        @ValueSource(strings = {"300000.00", "300000", "3e5", "300000.000", "\"300000.00\"", "\" 300000 \""})
        void readFromANumberOrAString(String amount) {
            Grant g = jsonb.fromJson("{\"name\":\"c\",\"amount\":" + amount + ",\"limit\":null}", Grant.class);
            assertEquals(yuan("300000"), g.amount());
            assertNull(g.limit());
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "0.001", "100000000000000", "\"1e3\"", "\"abc\"", "\"1.001\"", "true", "[1]", "{}"})
        void anythingElseIsMalformed(String amount) {
            assertThrows(JsonbException.class,
                    () -> jsonb.fromJson("{\"name\":\"c\",\"amount\":" + amount + "}", Grant.class));
        }
    }

    @Nested
    class Column {

        private final MoneyConverter converter = new MoneyConverter();

        @Test
        void storedAsItsTwoDecimalsAndReadBack() {
            assertEquals(new BigDecimal("1.50"), converter.convertToDatabaseColumn(yuan("1.5")));
            assertEquals(yuan("1.5"), converter.convertToEntityAttribute(new BigDecimal("1.5")));
            assertEquals(Money.MAX, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(Money.MAX)));
            assertNull(converter.convertToDatabaseColumn(null));
            assertNull(converter.convertToEntityAttribute(null));
        }
    }

    @Nested
    class Validation {

        private final MoneyAmount.Validator validator = new MoneyAmount.Validator();

        @ParameterizedTest
        @CsvSource({"0, true", "1.50, true", "99999999999999.99, true", "100000000000000, false", "-0.01, false",
                "0.001, false", "1e3, true"})
        void theAnnotationAsksMoney(String amount, boolean valid) {
            assertEquals(valid, validator.isValid(new BigDecimal(amount), null));
        }

        @Test
        void nullIsLeftToNotNull() {
            assertTrue(validator.isValid(null, null));
        }
    }
}
