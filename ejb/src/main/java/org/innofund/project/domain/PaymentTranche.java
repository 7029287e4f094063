package org.innofund.project.domain;

import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * 拨付节点: when which part of the approved subsidy is paid. With the call's advance share (advanceShare, default 0) above
 * 0, an advance of the approved amount times the share (rounded down to the fen: never more than the share) is paid once
 * the task agreement is signed, and the rest after acceptance; without one, the whole approved amount after acceptance.
 * The amount after acceptance is at most what is shown: SUBSIDY-RULES.md computes it then (grade factor, share of the
 * audited spend, less the advance), and a negative balance is recovered.
 */
public record PaymentTranche(int number, Due due, Money amount) {

    public enum Due {
        /** 任务书签订后预拨 */
        AFTER_CONTRACT,
        /** 验收通过后拨付 */
        AFTER_ACCEPTANCE
    }

    public static List<PaymentTranche> of(Money approved, BigDecimal advanceShare) {
        Money advance = advance(approved, advanceShare);
        if (advance.isZero()) {
            return List.of(new PaymentTranche(1, Due.AFTER_ACCEPTANCE, approved));
        }
        if (advance.equals(approved)) { // a share of 1: all in advance, acceptance only settles (or recovers)
            return List.of(new PaymentTranche(1, Due.AFTER_CONTRACT, advance));
        }
        return List.of(new PaymentTranche(1, Due.AFTER_CONTRACT, advance),
                new PaymentTranche(2, Due.AFTER_ACCEPTANCE, approved.minus(advance)));
    }

    /** 预拨金额: the approved amount times the share, rounded down to the fen (0 without a share). */
    public static Money advance(Money approved, BigDecimal advanceShare) {
        if (advanceShare == null || advanceShare.signum() <= 0) {
            return Money.ZERO;
        }
        return Money.of(approved.amount().multiply(advanceShare).setScale(2, RoundingMode.DOWN));
    }
}
