package org.innofund.program.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundingCallTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2025-02-01T00:00:00Z");
    /** 2025-03-01 09:00 and 2025-04-30 17:00, Asia/Shanghai. */
    private static final Instant OPENS = LocalDateTime.parse("2025-03-01T09:00").atZone(SHANGHAI).toInstant();
    private static final Instant CLOSES = LocalDateTime.parse("2025-04-30T17:00").atZone(SHANGHAI).toInstant();

    private static Program program() {
        return new Program(" 研发投入后补助 ", SubsidyKind.RD_INVESTMENT, " 高新技术科 ", NOW);
    }

    private static FundingCall call(Instant opens, Instant closes, String budget) {
        return new FundingCall(program(), "  2025 年度研发投入后补助申报通知 ", 2025, opens, closes,
                new BigDecimal(budget), "指南", NOW);
    }

    private static FundingCall published() {
        FundingCall call = call(OPENS, CLOSES, "5000000.00");
        call.publish();
        return call;
    }

    @Test
    void aNewCallIsADraftWithItsValues() {
        FundingCall call = call(OPENS, CLOSES, "5000000");
        assertEquals(CallStatus.DRAFT, call.getStatus());
        assertEquals("2025 年度研发投入后补助申报通知", call.getTitle());
        assertEquals(2025, call.getYear());
        assertEquals(OPENS, call.getOpensAt());
        assertEquals(CLOSES, call.getClosesAt());
        assertEquals("指南", call.getGuide());
        assertEquals(NOW, call.getCreatedAt());
        assertEquals("研发投入后补助", call.getProgram().getName());
        assertEquals("高新技术科", call.getProgram().getDepartment());
        assertEquals(SubsidyKind.RD_INVESTMENT, call.getProgram().getSubsidyKind());
    }

    @Test
    void theBudgetIsKeptInFen() {
        assertEquals("5000000.00", call(OPENS, CLOSES, "5000000").getBudget().toPlainString());
        assertEquals("0.50", call(OPENS, CLOSES, "0.5").getBudget().toPlainString());
        assertEquals("0.00", call(OPENS, CLOSES, "0").getBudget().toPlainString());
        assertEquals("12345678901234.99", call(OPENS, CLOSES, "12345678901234.99").getBudget().toPlainString());
        assertEquals("1000.00", call(OPENS, CLOSES, "1E+3").getBudget().toPlainString());
    }

    @Test
    void closingAtTheOpeningInstantIsRefused() {
        BusinessException e = assertThrows(BusinessException.class, () -> call(OPENS, OPENS, "1.00"));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("call.closesBeforeOpens", e.messageKey());
    }

    @Test
    void closingBeforeOpeningIsRefused() {
        BusinessException e = assertThrows(BusinessException.class, () -> call(CLOSES, OPENS, "1.00"));
        assertEquals("call.closesBeforeOpens", e.messageKey());
    }

    @Test
    void oneNanosecondIsEnough() {
        assertEquals(OPENS.plusNanos(1), call(OPENS, OPENS.plusNanos(1), "1.00").getClosesAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1", "-5000000.00"})
    void aNegativeBudgetIsRefused(String budget) {
        BusinessException e = assertThrows(BusinessException.class, () -> call(OPENS, CLOSES, budget));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("money.invalid", e.messageKey());
        assertArrayEquals(new Object[] {budget}, e.arguments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.005", "0.001", "100.123"})
    void moreThanTwoDecimalsAreRefused(String budget) {
        BusinessException e = assertThrows(BusinessException.class, () -> call(OPENS, CLOSES, budget));
        assertEquals("money.invalid", e.messageKey());
        assertArrayEquals(new Object[] {budget}, e.arguments());
    }

    @Test
    void theMessageArgumentIsPlainNotScientific() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> call(OPENS, CLOSES, "-1E+3"));
        assertArrayEquals(new Object[] {"-1000"}, e.arguments());
    }

    @Test
    void aDraftIsNeverOpen() {
        FundingCall call = call(OPENS, CLOSES, "1.00");
        assertFalse(call.isOpen(OPENS));
        assertFalse(call.isOpen(OPENS.plusSeconds(3600)));
    }

    @Test
    void aPublishedCallIsOpenFromItsOpeningInstantUpToButExcludingItsClosingInstant() {
        FundingCall call = published();
        assertFalse(call.isOpen(OPENS.minusNanos(1)));
        assertTrue(call.isOpen(OPENS));
        assertTrue(call.isOpen(OPENS.plusSeconds(86_400)));
        assertTrue(call.isOpen(CLOSES.minusNanos(1)));
        assertFalse(call.isOpen(CLOSES));
        assertFalse(call.isOpen(CLOSES.plusSeconds(1)));
    }

    @Test
    void theDeadlineIsShanghaiTime() {
        FundingCall call = published();
        // 17:00 in Shanghai is 09:00 UTC
        assertTrue(call.isOpen(Instant.parse("2025-04-30T08:59:59Z")));
        assertFalse(call.isOpen(Instant.parse("2025-04-30T09:00:00Z")));
    }

    @Test
    void publishingTwiceIsAConflict() {
        FundingCall call = published();
        assertEquals(CallStatus.PUBLISHED, call.getStatus());
        BusinessException e = assertThrows(BusinessException.class, call::publish);
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals(409, e.kind().httpStatus());
        assertEquals("call.alreadyPublished", e.messageKey());
        assertArrayEquals(new Object[] {"2025 年度研发投入后补助申报通知"}, e.arguments());
        assertEquals(CallStatus.PUBLISHED, call.getStatus());
    }
}
