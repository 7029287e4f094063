package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The call-level steps of SUBSIDY-RULES.md, in its order, over every enterprise's kind result: the enterprise's yearly
 * cap across the year's calls (step 4), for SHARED_SERVICE the actual controller's cap (served in order of submission
 * time, then USCC), and the call's budget (step 5: pro-rata rounded DOWN to the fen, the factor and the leftover fen
 * recorded). Pure; each step it takes is appended to the line's explanation.
 */
public final class CallSteps {

    private CallSteps() {
    }

    /**
     * One enterprise's kind result with what the call-level steps need: {@code approvedElsewhereThisYear} the sum other
     * calls of the same year have already approved for it; {@code controller} null if not recorded.
     */
    public record Entry(long enterpriseId, String uscc, String controller, Instant submittedAt, Calculation kindResult,
                        Money approvedElsewhereThisYear) {
    }

    /** {@code controllerCap} null unless the call is SHARED_SERVICE; {@code budget} the call's budget B. */
    public record Parameters(Money enterpriseYearCap, Money controllerCap, Money budget) {
    }

    /** An enterprise's final amount, and its kind result with the call-level steps appended. */
    public record Line(Entry entry, Money amount, Calculation calculation) {
    }

    /**
     * The lines in the entries' order; {@code demand} the sum before step 5; {@code factor} B / demand when pro-rata
     * applied (else null); {@code total} the sum paid, never above B; {@code leftover} B − total when pro-rata applied.
     */
    public record Outcome(List<Line> lines, Money demand, BigDecimal factor, Money total, Money leftover) {
    }

    public static Outcome apply(List<Entry> entries, Parameters parameters) {
        throw new UnsupportedOperationException("the rule engine's call-level steps (ISSUE-12, branch i12-core)");
    }
}
