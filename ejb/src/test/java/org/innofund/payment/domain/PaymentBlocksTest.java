package org.innofund.payment.domain;

import org.innofund.shared.BaseEntity;
import org.innofund.subsidy.domain.BankAccount;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each rule that stops a payment, alone and together: no account, a name not the registered one, an account changed
 * after approval, an account on hold (until the end of the hold's last day in Beijing, or released), the blacklist, an
 * open recovery; an enterprise with none of them is paid.
 */
class PaymentBlocksTest {

    private static final String NAME = "宁波甲科技有限公司";
    /** 2026-05-01 10:00 in Beijing. */
    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    private static PayeeAccount first(String name) {
        return withId(new PayeeAccount(7, new BankAccount(name, "6222020200112233445", "中国工商银行"), "慈溪支行", null,
                "e", NOW.minusSeconds(86_400 * 30)), 100);
    }

    /** An account that replaced the enterprise's first at {@code changedAt}. */
    private static PayeeAccount changed(Instant changedAt) {
        return withId(new PayeeAccount(7, new BankAccount(NAME, "6222020200199999999", "中国银行"), "慈溪支行", first(NAME),
                "e", changedAt), 101);
    }

    private static List<PaymentBlock> kinds(PaymentBlocks.Facts facts, Instant now) {
        return PaymentBlocks.of(facts, now).stream().map(PaymentBlocks.Block::kind).toList();
    }

    private static PaymentBlocks.Facts facts(PayeeAccount account) {
        return new PaymentBlocks.Facts(account, null, NAME, 3, null, 0);
    }

    @Test
    void anEnterpriseWithItsRegisteredNamesAccountAndNothingAgainstItIsPaid() {
        assertEquals(List.of(), PaymentBlocks.of(facts(first(NAME)), NOW));
        // spaces around a name are not a different name
        assertEquals(List.of(), PaymentBlocks.of(new PaymentBlocks.Facts(first(" " + NAME + " "), null, NAME, 3, null, 0), NOW));
    }

    @Test
    void noAccountBlocks() {
        List<PaymentBlocks.Block> blocks = PaymentBlocks.of(facts(null), NOW);
        assertEquals(List.of(PaymentBlock.NO_ACCOUNT), blocks.stream().map(PaymentBlocks.Block::kind).toList());
        assertEquals("paymentBlock.noAccount", blocks.get(0).messageKey());
    }

    @Test
    void anAccountNameNotTheRegisteredNameBlocksWithBothNames() {
        List<PaymentBlocks.Block> blocks = PaymentBlocks.of(facts(first("宁波甲科技公司")), NOW);
        assertEquals(List.of(new PaymentBlocks.Block(PaymentBlock.NAME_MISMATCH, List.of("宁波甲科技公司", NAME))), blocks);
        // the registered name changed since the account was set: compared with the name now
        assertEquals(List.of(PaymentBlock.NAME_MISMATCH),
                kinds(new PaymentBlocks.Facts(first(NAME), null, "宁波甲科技集团有限公司", 3, null, 0), NOW));
        // full-width and half-width parentheses are different names to a bank
        assertEquals(List.of(PaymentBlock.NAME_MISMATCH),
                kinds(new PaymentBlocks.Facts(first("宁波甲(慈溪)公司"), null, "宁波甲（慈溪）公司", 3, null, 0), NOW));
    }

    @Test
    void aChangedAccountIsHeldUntilTheEndOfTheHoldsLastDayInBeijing() {
        // changed 2026-04-28 23:30 in Beijing (15:30 UTC): held 3 days, through 2026-05-01 24:00 Beijing
        PayeeAccount account = changed(Instant.parse("2026-04-28T15:30:00Z"));
        List<PaymentBlocks.Block> blocks = PaymentBlocks.of(facts(account), NOW);
        assertEquals(List.of(new PaymentBlocks.Block(PaymentBlock.ACCOUNT_ON_HOLD, List.of("2026-05-01"))), blocks);
        assertEquals(List.of(PaymentBlock.ACCOUNT_ON_HOLD), kinds(facts(account), Instant.parse("2026-05-01T15:59:59Z")));
        assertEquals(List.of(), kinds(facts(account), Instant.parse("2026-05-01T16:00:00Z")));
        // the call's own hold: 0 days ends at the end of the change's day
        assertEquals(List.of(), kinds(new PaymentBlocks.Facts(account, null, NAME, 0, null, 0), NOW));
        // released after finance called the company
        account.releaseHold("电话核实 0574-12345678", "finance", NOW);
        assertEquals(List.of(), kinds(facts(account), NOW));
        // an enterprise's first account is never held: nothing was swapped
        assertEquals(List.of(), kinds(facts(withId(new PayeeAccount(7, new BankAccount(NAME, "6222020200112233445", "中国工商银行"),
                "慈溪支行", null, "e", NOW), 102)), NOW));
    }

    @Test
    void anAccountChangedAfterTheBatchWasApprovedBlocksAtExport() {
        PayeeAccount now = first(NAME);
        assertEquals(List.of(new PaymentBlocks.Block(PaymentBlock.ACCOUNT_CHANGED, List.of("6222020200112233445"))),
                PaymentBlocks.of(new PaymentBlocks.Facts(now, 99L, NAME, 3, null, 0), NOW));
        assertEquals(List.of(), kinds(new PaymentBlocks.Facts(now, 100L, NAME, 3, null, 0), NOW));
    }

    @Test
    void theBlacklistBlocksWithItsEntry() {
        assertEquals(List.of(new PaymentBlocks.Block(PaymentBlock.BLACKLISTED, List.of("2026-01-01~2028-12-31 虚报数据"))),
                PaymentBlocks.of(new PaymentBlocks.Facts(first(NAME), null, NAME, 3, "2026-01-01~2028-12-31 虚报数据", 0), NOW));
    }

    @Test
    void anOpenRecoveryBlocksWithHowMany() {
        assertEquals(List.of(new PaymentBlocks.Block(PaymentBlock.OPEN_RECOVERY, List.of("2"))),
                PaymentBlocks.of(new PaymentBlocks.Facts(first(NAME), null, NAME, 3, null, 2), NOW));
    }

    @Test
    void everyBlockIsListedAtOnceInOneOrder() {
        assertEquals(List.of(PaymentBlock.NO_ACCOUNT, PaymentBlock.BLACKLISTED, PaymentBlock.OPEN_RECOVERY),
                kinds(new PaymentBlocks.Facts(null, null, NAME, 3, "黑名单", 1), NOW));
        PayeeAccount held = withId(new PayeeAccount(7, new BankAccount("别家公司", "6222020200199999999", "中国银行"),
                "慈溪支行", first(NAME), "e", NOW.minusSeconds(3600)), 103);
        assertEquals(List.of(PaymentBlock.ACCOUNT_CHANGED, PaymentBlock.NAME_MISMATCH, PaymentBlock.ACCOUNT_ON_HOLD,
                        PaymentBlock.BLACKLISTED, PaymentBlock.OPEN_RECOVERY),
                kinds(new PaymentBlocks.Facts(held, 100L, NAME, 3, "黑名单", 1), NOW));
    }

    static PayeeAccount withId(PayeeAccount account, long id) {
        try {
            Field field = BaseEntity.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(account, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return account;
    }
}
