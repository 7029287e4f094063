package org.innofund.project.domain;

import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;

/** Candidates for the project context's unit tests. */
final class Candidates {

    static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

    private Candidates() {
    }

    /** A candidate with its score, submission (minutes after T0), requested and recommended amounts (null: none). */
    static ApprovalCandidate candidate(long declarationId, String score, int minutes, String requested, String recommended) {
        return new ApprovalCandidate(declarationId, 100 + declarationId, "企业" + declarationId, "项目" + declarationId,
                T0.plusSeconds(60L * minutes), Money.of(new BigDecimal(requested)), 1000 + declarationId,
                new BigDecimal(score), Grade.GOOD, Verdict.RECOMMEND,
                recommended == null ? null : Money.of(new BigDecimal(recommended)), 0, false);
    }

    static Money yuan(String amount) {
        return Money.of(new BigDecimal(amount));
    }
}
