package org.innofund.evaluation.domain;

import java.math.BigDecimal;

/**
 * 评估结论 as the agency gives it, in a form, the API or a spreadsheet row. Which parts a stage needs is the
 * evaluation's rule: {@code recommendedAmount} (建议补助金额) at APPROVAL of a PRE_APPROVED project, at most the
 * requested subsidy; {@code verifiedFigures} (核定数据) at APPROVAL of the post-subsidy kinds; {@code auditedActualSpend}
 * (审定实际支出) at ACCEPTANCE. Amounts are yuan with at most 2 decimals; null where the stage does not ask.
 */
public record Conclusion(Verdict verdict, BigDecimal recommendedAmount, VerifiedFigures verifiedFigures,
                         BigDecimal auditedActualSpend) {

    /**
     * 核定数据: the figures the agency verified, with the names the declaration's R&D figures have, so that the rule
     * engine can read them in place of the declared ones where they differ. Null: not verified (the declared stands).
     */
    public record VerifiedFigures(BigDecimal expenseTax, BigDecimal expenseStat, BigDecimal expensePrior,
                                  BigDecimal revenue, Integer validInventionPatents, Integer inventionApplications,
                                  Integer rdStaff, Integer totalStaff) {
    }
}
