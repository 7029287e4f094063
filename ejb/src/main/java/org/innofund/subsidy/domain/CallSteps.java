package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.Explanation;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The call-level steps of SUBSIDY-RULES.md, in its order, over every enterprise's kind result: the enterprise's yearly
 * cap across the year's calls (step 4), for SHARED_SERVICE the actual controller's cap (served in order of submission
 * time, then USCC), and the call's budget (step 5: pro-rata rounded DOWN to the fen, the factor and the leftover fen
 * recorded). Pure; each step it takes is appended to the line's explanation.
 * <p>
 * Choices where the rules file leaves room: the yearly cap comes before the controller cap, so that a controller's
 * cap is shared out among amounts that can really be paid; the controller cap counts within the call (the entries
 * carry no other call's amounts per controller); the factor is kept as B / demand to {@value #FACTOR_SCALE} decimals
 * rounded down, for the record only — each amount is {@code amount × B ÷ demand} rounded DOWN to the fen in one step,
 * so no amount ever rounds up and the total never exceeds B. A recovery (PRE_APPROVED) is not a payment: only the
 * amounts count in the demand.
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

    /** The decimals the recorded factor B / demand keeps (rounded down); amounts are not computed from it. */
    public static final int FACTOR_SCALE = 10;

    /** Entries of one controller are served in order of submission time (none last), then USCC. */
    private static final Comparator<Entry> SERVED_FIRST = Comparator
            .comparing(Entry::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Entry::uscc);

    public static Outcome apply(List<Entry> entries, Parameters parameters) {
        int n = entries.size();
        Money[] amounts = new Money[n];
        List<List<Calculation.Step>> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            steps.add(new ArrayList<>());
            amounts[i] = yearCap(entries.get(i), parameters.enterpriseYearCap(), steps.get(i));
        }
        if (parameters.controllerCap() != null) {
            controllerCap(entries, parameters.controllerCap(), amounts, steps);
        }
        Money demand = Money.sum(IntStream.range(0, n).mapToObj(i -> amounts[i]));
        BigDecimal factor = null;
        Money leftover = null;
        Money budget = parameters.budget();
        if (demand.isGreaterThan(budget)) {
            factor = budget.amount().divide(demand.amount(), FACTOR_SCALE, RoundingMode.DOWN);
            for (int i = 0; i < n; i++) {
                if (!amounts[i].isZero()) {
                    Money reduced = Money.of(amounts[i].amount().multiply(budget.amount())
                            .divide(demand.amount(), Money.FRACTION_DIGITS, RoundingMode.DOWN));
                    steps.get(i).add(Explanation.step("call.proRata", Explanation.figure(demand), Explanation.figure(budget),
                            factor.toPlainString(), Explanation.figure(amounts[i]), Explanation.figure(reduced)));
                    amounts[i] = reduced;
                }
            }
        }
        Money total = Money.sum(IntStream.range(0, n).mapToObj(i -> amounts[i]));
        if (factor != null) {
            leftover = budget.minus(total);
        }
        List<Line> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Calculation k = entries.get(i).kindResult();
            List<Calculation.Step> all = new ArrayList<>(k.steps());
            all.addAll(steps.get(i));
            lines.add(new Line(entries.get(i), amounts[i],
                    new Calculation(k.kind(), k.computable(), k.eligible(), amounts[i], k.recovery(), k.reasons(), all)));
        }
        return new Outcome(lines, demand, factor, total, leftover);
    }

    /** Step 4: what is left of the enterprise's yearly cap after the year's other calls, never below 0. */
    private static Money yearCap(Entry e, Money cap, List<Calculation.Step> steps) {
        Money amount = e.kindResult().amount();
        Money elsewhere = e.approvedElsewhereThisYear();
        Money left = elsewhere.compareTo(cap) >= 0 ? Money.ZERO : cap.minus(elsewhere);
        if (!amount.isGreaterThan(left)) {
            return amount;
        }
        steps.add(Explanation.step("call.yearCap", Explanation.figure(cap), Explanation.figure(elsewhere),
                Explanation.figure(left), Explanation.figure(amount), Explanation.figure(left)));
        return left;
    }

    /** SHARED_SERVICE: the enterprises of one actual controller share its cap, the earliest submission served first. */
    private static void controllerCap(List<Entry> entries, Money cap, Money[] amounts, List<List<Calculation.Step>> steps) {
        Map<String, List<Integer>> byController = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).controller() != null) {
                byController.computeIfAbsent(entries.get(i).controller(), c -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : byController.values()) {
            group.sort(Comparator.comparing(entries::get, SERVED_FIRST));
            Money used = Money.ZERO;
            for (int i : group) {
                Money left = used.compareTo(cap) >= 0 ? Money.ZERO : cap.minus(used);
                if (amounts[i].isGreaterThan(left)) {
                    steps.get(i).add(Explanation.step("call.controllerCap", Explanation.figure(cap), Explanation.figure(used),
                            Explanation.figure(left), Explanation.figure(amounts[i]), Explanation.figure(left)));
                    amounts[i] = left;
                }
                used = used.plus(amounts[i]);
            }
        }
    }
}
