package org.innofund.declaration.domain.kind;

import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;

import java.util.List;

/**
 * 核定结果: one enterprise's result under its kind's rules (SUBSIDY-RULES.md) — whether it is computable at all (a
 * PRE_APPROVED project without acceptance is not), eligible or not with every failed condition, the amount (0 when
 * not eligible), for PRE_APPROVED the recovery (追回) when advances exceed what is due, and the explanation as ordered
 * steps. Pure data: what a calculation line stores and what the public calculator answers.
 */
public record Calculation(SubsidyKind kind, boolean computable, boolean eligible, Money amount, Money recovery,
                          List<Reason> reasons, List<Step> steps) {

    public Calculation {
        reasons = List.copyOf(reasons);
        steps = List.copyOf(steps);
    }

    /** A failed condition: a stable code ("RD_INTENSITY") and its message in Chinese and English. */
    public record Reason(String code, String zh, String en) {
    }

    /** One step of the explanation, in Chinese and English. */
    public record Step(String zh, String en) {
    }
}
