package org.innofund.payment.domain;

import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.subsidy.domain.BankAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Field;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 收款账户 and its hold (issue 13): an enterprise's first account is not held; a changed one waits until 24:00 Beijing
 * time of the change's day plus the call's days, unless finance released it (once, saying how); a change supersedes
 * the current account of the same enterprise only.
 */
class PayeeAccountTest {

    private static final String NAME = "宁波甲科技有限公司";
    /** 2026-05-01 10:00 in Beijing. */
    private static final Instant CHANGED = Instant.parse("2026-05-01T02:00:00Z");

    private static BankAccount bank(String number) {
        return BankAccount.of(NAME, number, "中国工商银行", NAME);
    }

    private static PayeeAccount withId(PayeeAccount a, long id) {
        try {
            Field f = BaseEntity.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(a, id);
            return a;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static PayeeAccount first() {
        return withId(new PayeeAccount(2, bank("6222 0212 3456 7890"), "高新支行", null, "chen", CHANGED.minusSeconds(86_400 * 40)), 40);
    }

    private static PayeeAccount changed(Instant at) {
        return withId(new PayeeAccount(2, bank("6222021299998888"), "江东支行", first(), "zhou", at), 41);
    }

    @Test
    void anEnterprisesFirstAccountIsNotHeld() {
        PayeeAccount a = first();
        assertTrue(a.isCurrent());
        assertNull(a.getReplacesId());
        assertNull(a.holdEnds(3));
        assertFalse(a.onHold(3, a.getChangedAt()));
        assertEquals("6222021234567890", a.getAccountNumber(), "spaces between the groups dropped");
        assertThrows(IllegalStateException.class, () -> a.releaseHold("电话核实", "finance", CHANGED),
                "nothing to release on a first account");
    }

    /** The hold ends at 24:00 Beijing time of the change's day plus the days, whatever the hour of the change. */
    @ParameterizedTest
    @CsvSource({
            "2026-05-01T02:00:00Z, 3, 2026-05-04T16:00:00Z",   // 10:00 in Beijing on 1 May: until 5 May 00:00
            "2026-04-30T16:00:00Z, 3, 2026-05-04T16:00:00Z",   // 00:00 in Beijing on 1 May: the same day
            "2026-04-30T15:59:59Z, 3, 2026-05-03T16:00:00Z",   // 23:59:59 on 30 April in Beijing: a day earlier
            "2026-05-01T02:00:00Z, 0, 2026-05-01T16:00:00Z",   // no days: to the end of the change's day
            "2026-05-01T02:00:00Z, 10, 2026-05-11T16:00:00Z"})
    void aChangedAccountIsHeldUntilMidnightInBeijingOfTheChangeDayPlusTheDays(Instant at, int days, Instant ends) {
        PayeeAccount a = changed(at);
        assertEquals(40L, a.getReplacesId());
        assertEquals(ends, a.holdEnds(days));
        assertTrue(a.onHold(days, at));
        assertTrue(a.onHold(days, ends.minusNanos(1000)), "held to the last moment");
        assertFalse(a.onHold(days, ends), "and not from 24:00 on");
    }

    @Test
    void aReleasedHoldIsNoLongerHeldAndSaysHowByWhomAndWhen() {
        PayeeAccount a = changed(CHANGED);
        Instant released = CHANGED.plusSeconds(3600);
        a.releaseHold("  已电话联系财务负责人核实  ", "finance", released);
        assertNull(a.holdEnds(3));
        assertFalse(a.onHold(3, released));
        assertEquals("已电话联系财务负责人核实", a.getHoldReleaseNote());
        assertEquals("finance", a.getHoldReleasedBy());
        assertEquals(released, a.getHoldReleasedAt());
    }

    @Test
    void aHoldIsReleasedOnceAndWithANote() {
        PayeeAccount a = changed(CHANGED);
        assertThrows(IllegalArgumentException.class, () -> a.releaseHold(" ", "finance", CHANGED));
        assertThrows(IllegalArgumentException.class, () -> a.releaseHold(null, "finance", CHANGED));
        assertTrue(a.onHold(3, CHANGED), "a refused release changed nothing");
        a.releaseHold("电话核实", "finance", CHANGED);
        assertThrows(IllegalStateException.class, () -> a.releaseHold("再次", "finance2", CHANGED.plusSeconds(1)));
        assertEquals("电话核实", a.getHoldReleaseNote());
        assertEquals("finance", a.getHoldReleasedBy());
    }

    @Test
    void aChangeSupersedesTheCurrentAccountOfTheSameEnterpriseOnly() {
        PayeeAccount old = first();
        Instant at = CHANGED;
        PayeeAccount next = new PayeeAccount(2, bank("6222021299998888"), "江东支行", old, "zhou", at);
        assertFalse(old.isCurrent());
        assertEquals(at, old.getSupersededAt());
        assertTrue(next.isCurrent());
        assertEquals(40L, next.getReplacesId());
        assertEquals("zhou", next.getChangedBy());
        assertEquals(at, next.getChangedAt());
        assertThrows(IllegalStateException.class, () -> new PayeeAccount(2, bank("62220212"), "江东支行", old, "zhou", at),
                "a superseded account is not replaced again");
        assertThrows(IllegalArgumentException.class,
                () -> new PayeeAccount(3, bank("62220212"), "江东支行", withId(first(), 50), "zhou", at),
                "another enterprise's account is not replaced");
    }

    @Test
    void theAccountIsTheEnterprisesOwnWithAWellFormedNumber() {
        assertEquals("exempt.accountName", assertThrows(BusinessException.class,
                () -> BankAccount.of("宁波乙科技有限公司", "6222021234567890", "中国工商银行", NAME)).messageKey());
        assertEquals("exempt.accountNumber", assertThrows(BusinessException.class,
                () -> BankAccount.of(NAME, "6222-0212-3456", "中国工商银行", NAME)).messageKey());
        assertEquals("exempt.accountNumber", assertThrows(BusinessException.class,
                () -> BankAccount.of(NAME, "1234567", "中国工商银行", NAME)).messageKey());
        assertEquals("12345678", BankAccount.of(NAME, "1234 5678", "中国工商银行", NAME).accountNumber());
    }

    @Test
    void onlyTheLastFourDigitsAreTold() {
        assertEquals("7890", PayeeAccountEvents.lastDigits("6222021234567890"));
        PayeeAccountEvents.AccountChanged e = new PayeeAccountEvents.AccountChanged(null, 41, 2, "7890", false);
        assertEquals("organisation:2 changed tail 7890", e.detail());
        assertFalse(e.detail().contains("62220212"));
    }
}
