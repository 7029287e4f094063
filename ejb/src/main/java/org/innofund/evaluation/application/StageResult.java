package org.innofund.evaluation.application;

import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a declaration's newest submitted evaluation at a stage concluded, for the bureau's decisions (the approval
 * list ranks by it): the version's id, its total, grade, verdict, recommended amount (null where the stage or kind asks
 * none), when it was submitted, and how many of its experts' sheets were flagged for dispersion (评分离散).
 */
public record StageResult(Long evaluationId, Long assignmentId, Long declarationId, BigDecimal total, Grade grade,
                          Verdict verdict, Money recommendedAmount, Instant submittedAt, int dispersedSheets)
        implements Serializable {
}
