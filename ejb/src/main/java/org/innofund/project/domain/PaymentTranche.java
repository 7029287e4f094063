package org.innofund.project.domain;

import org.innofund.shared.Money;

import java.util.List;

/**
 * 拨付节点: when which part of the approved subsidy is paid. The call's rule parameters (RuleParameter) have no advance
 * share for PRE_APPROVED, and SUBSIDY-RULES.md pays after acceptance (due = approved amount times the grade's factor,
 * less advances): so the agreement has one tranche, the whole approved amount, after acceptance. The grade's factor
 * is applied when the subsidy is computed, not here.
 */
public record PaymentTranche(int number, Due due, Money amount) {

    public enum Due {
        /** 验收通过后拨付 */
        AFTER_ACCEPTANCE
    }

    public static List<PaymentTranche> of(Money approved) {
        return List.of(new PaymentTranche(1, Due.AFTER_ACCEPTANCE, approved));
    }
}
