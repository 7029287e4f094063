package org.innofund.subsidy.application;

import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;

import java.util.List;

/**
 * The public calculator's answer in the visitor's language: eligible or not with each failed condition, the amount
 * (0 when not eligible), for PRE_APPROVED the recovery, and the explanation's steps. {@code callTitle} the call whose
 * parameters were used, null for the kind's published defaults.
 */
public record CalculatorResult(SubsidyKind kind, String callTitle, boolean eligible, Money amount, Money recovery,
                               List<Reason> reasons, List<String> steps) {

    public record Reason(String code, String message) {
    }
}
