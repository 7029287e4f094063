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
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The call-level steps of SUBSIDY-RULES.md, in its order, over every enterprise's kind result: for SHARED_SERVICE the
 * actual controller's cap (a cap of the kind, step 2: served in order of submission time, then USCC), the enterprise's
 * yearly cap across the year's calls (step 4), and the call's budget (step 5: pro-rata rounded DOWN to the fen, the
 * factor and the leftover fen recorded). Pure; each step it takes is appended to the line's explanation.
 * <p>
 * Choices where the rules file leaves room: the controller cap counts the year's other SHARED_SERVICE calls' approved
 * amounts for the enterprises of the controller (as the registry records it now) as taken before this call's first
 * enterprise of it, then serves this call's; the yearly cap is consumed cumulatively by all the lines of one enterprise
 * (a PRE_APPROVED call may hold several of its projects; any kind is treated the same way), in order of submission time
 * (none last), then the entries' order; the factor is kept as B / demand to {@value #FACTOR_SCALE} decimals rounded
 * down, for the record only — each amount is {@code amount × B ÷ demand} rounded DOWN to the fen in one step, so no
 * amount ever rounds up and the total never exceeds B. A recovery (PRE_APPROVED) is not a payment: only the amounts
 * count in the demand.
 */
public final class CallSteps {

    private CallSteps() {
    }

    /**
     * One enterprise's kind result with what the call-level steps need: {@code approvedElsewhereThisYear} the sum other
     * calls of the same year have already approved for it (null: none); {@code controller} null if not recorded;
     * {@code controllerElsewhereThisYear} the sum the year's other calls of the kind (SHARED_SERVICE) approved for the
     * enterprises of its controller (null: none); {@code uscc} and {@code submittedAt} may be null (served last).
     */
    public record Entry(long enterpriseId, String uscc, String controller, Instant submittedAt, Calculation kindResult,
                        Money approvedElsewhereThisYear, Money controllerElsewhereThisYear, Money voucherCapLeft) {

        /** Not a SHARED_SERVICE line: no voucher cap to share. */
        public Entry(long enterpriseId, String uscc, String controller, Instant submittedAt, Calculation kindResult,
                     Money approvedElsewhereThisYear, Money controllerElsewhereThisYear) {
            this(enterpriseId, uscc, controller, submittedAt, kindResult, approvedElsewhereThisYear,
                    controllerElsewhereThisYear, null);
        }
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

    /** Served first: the earliest submission (none last), then USCC (none last); a stable sort keeps the entries' order. */
    private static final Comparator<Entry> SERVED_FIRST = Comparator
            .comparing(Entry::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Entry::uscc, Comparator.nullsLast(Comparator.naturalOrder()));

    public static Outcome apply(List<Entry> entries, Parameters parameters) {
        int n = entries.size();
        Money[] amounts = new Money[n];
        List<List<Calculation.Step>> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            steps.add(new ArrayList<>());
            amounts[i] = entries.get(i).kindResult().amount();
        }
        // the rules file's order: the kind's own caps (step 2: an enterprise's vouchers, then its controller's) before
        // the yearly cap (step 4)
        voucherCap(entries, amounts, steps);
        if (parameters.controllerCap() != null) {
            controllerCap(entries, parameters.controllerCap(), amounts, steps);
        }
        yearCap(entries, parameters.enterpriseYearCap(), amounts, steps);
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

    /**
     * Step 4: the lines of one enterprise, served first to last, share what is left of its yearly cap after the year's
     * other calls (never below 0). Its lines should carry the same figure for the other calls; the largest is taken.
     */
    private static void yearCap(List<Entry> entries, Money cap, Money[] amounts, List<List<Calculation.Step>> steps) {
        for (List<Integer> lines : groups(entries, Entry::enterpriseId)) {
            Money elsewhere = largest(lines, entries, Entry::approvedElsewhereThisYear);
            share(lines, cap, elsewhere, amounts, steps, (taken, left, amount) -> taken.equals(elsewhere)
                    ? Explanation.step("call.yearCap", Explanation.figure(cap), Explanation.figure(elsewhere),
                            Explanation.figure(left), Explanation.figure(amount), Explanation.figure(left))
                    : Explanation.step("call.yearCapWithEarlier", Explanation.figure(cap), Explanation.figure(elsewhere),
                            Explanation.figure(taken.minus(elsewhere)), Explanation.figure(left), Explanation.figure(amount),
                            Explanation.figure(left)));
        }
    }

    /**
     * SHARED_SERVICE: a call that takes several declarations of one enterprise gives them together at most what is left
     * of its voucher cap this year ({@link Entry#voucherCapLeft}, each line already within it alone), the earliest
     * submission served first. Lines without it (other kinds) are not touched.
     */
    private static void voucherCap(List<Entry> entries, Money[] amounts, List<List<Calculation.Step>> steps) {
        for (List<Integer> lines : groups(entries, e -> e.voucherCapLeft() == null ? null : e.enterpriseId())) {
            if (lines.size() > 1) {
                Money cap = entries.get(lines.get(0)).voucherCapLeft();
                share(lines, cap, Money.ZERO, amounts, steps, (taken, left, amount) -> Explanation.step(
                        "call.voucherCapShared", Explanation.figure(cap), Explanation.figure(taken),
                        Explanation.figure(left), Explanation.figure(amount), Explanation.figure(left)));
            }
        }
    }

    /**
     * SHARED_SERVICE: the enterprises of one actual controller share what is left of its cap after the year's other
     * calls, the earliest submission served first. Its entries should carry the same figure for the other calls; the
     * largest is taken.
     */
    private static void controllerCap(List<Entry> entries, Money cap, Money[] amounts, List<List<Calculation.Step>> steps) {
        for (List<Integer> group : groups(entries, Entry::controller)) {
            Money elsewhere = largest(group, entries, Entry::controllerElsewhereThisYear);
            share(group, cap, elsewhere, amounts, steps, (taken, left, amount) -> elsewhere.isZero()
                    ? Explanation.step("call.controllerCap", Explanation.figure(cap), Explanation.figure(taken),
                            Explanation.figure(left), Explanation.figure(amount), Explanation.figure(left))
                    : Explanation.step("call.controllerCapWithElsewhere", Explanation.figure(cap),
                            Explanation.figure(elsewhere), Explanation.figure(taken.minus(elsewhere)),
                            Explanation.figure(left), Explanation.figure(amount), Explanation.figure(left)));
        }
    }

    /** The largest of a figure the entries of a group should all carry alike (none: 0). */
    private static Money largest(List<Integer> group, List<Entry> entries, Function<Entry, Money> figure) {
        return group.stream().map(i -> figure.apply(entries.get(i))).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(Money.ZERO);
    }

    /** The step of a cap that binds, from what was taken before, what was left and the amount cut to it. */
    private interface CapStep {
        Calculation.Step of(Money taken, Money left, Money amount);
    }

    /**
     * A cap shared by the lines of {@code group} in its order, {@code taken} already before the first: each line gets
     * at most what is left (never below 0), and what it gets is taken for the next.
     */
    private static void share(List<Integer> group, Money cap, Money taken, Money[] amounts, List<List<Calculation.Step>> steps,
                              CapStep step) {
        for (int i : group) {
            Money left = taken.compareTo(cap) >= 0 ? Money.ZERO : cap.minus(taken);
            if (amounts[i].isGreaterThan(left)) {
                steps.get(i).add(step.of(taken, left, amounts[i]));
                amounts[i] = left;
            }
            taken = taken.plus(amounts[i]);
        }
    }

    /** The entries' indexes grouped by {@code key} (null: in no group), each group in serving order. */
    private static <K> List<List<Integer>> groups(List<Entry> entries, Function<Entry, K> key) {
        Map<K, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            K k = key.apply(entries.get(i));
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        List<List<Integer>> ordered = new ArrayList<>(groups.values());
        ordered.forEach(g -> g.sort(Comparator.comparing(entries::get, SERVED_FIRST)));
        return ordered;
    }
}
