package org.innofund.payment.application;

import org.innofund.payment.domain.PaymentItemState;
import org.innofund.payment.domain.RecoveryState;
import org.innofund.payment.domain.Tranche;
import org.innofund.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 资金拨付 as an enterprise sees its own money: per call (its project of that call) and year, what was approved, paid,
 * is pending, asked back and recovered; and what holds its pending payments, each with its reason.
 */
public record EnterpriseMoneyView(List<CallMoney> calls, List<Block> blocks) {

    /**
     * One call's money for the enterprise: {@code approved} its items not cancelled, {@code paid} those the bank paid,
     * {@code pending} those payable or in a batch, of which {@code onHold} waits for a {@link Block} (the
     * enterprise's, or this call's hold on a changed account); {@code askedBack} its recoveries' amounts, of which
     * {@code recovered} repaid.
     */
    public record CallMoney(long callId, String title, int year, Money approved, Money paid, Money pending,
                            Money onHold, Money askedBack, Money recovered, List<Block> holds, List<Item> items,
                            List<RecoveryLine> recoveries) {
    }

    /** A payment item: paid ones with the bank's reference and date. */
    public record Item(long id, Tranche tranche, Money amount, PaymentItemState state, Instant approvedAt,
                       String bankReference, LocalDate paidOn) {
    }

    /** A recovery (追回) of the call. */
    public record RecoveryLine(long id, Money amount, Money repaid, String reason, LocalDate dueOn, RecoveryState state) {
    }

    /** Why pending payments wait: {@code until} when it ends by itself (a hold), {@code detail} what it is. */
    public record Block(BlockKind kind, Instant until, String detail) {
    }

    /** The reasons a payment waits. */
    public enum BlockKind {
        /** 未登记收款账户 */
        NO_ACCOUNT,
        /** 账户名称与登记名称不一致 */
        ACCOUNT_NAME,
        /** 账户变更冻结期 */
        ACCOUNT_HOLD,
        /** 有未结追回 */
        RECOVERY,
        /** 列入失信名单 */
        BLACKLIST
    }
}
