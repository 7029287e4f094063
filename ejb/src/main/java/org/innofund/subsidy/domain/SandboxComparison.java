package org.innofund.subsidy.domain;

import org.innofund.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * 政策沙盘的对比: the same enterprises calculated twice, with the call's parameters and budget (current) and with changed
 * ones (proposed) — the totals of each, every enterprise's two amounts with the difference and whether it gained or lost
 * eligibility, and the distribution of the amounts in the same buckets for both. Pure; nothing of it is stored.
 * <p>
 * The lines come most affected first (the largest difference either way, then the run's order), since who changes is
 * what a sandbox is for. The buckets: one for "nothing paid", then at most {@value #BUCKETS} of equal width — the
 * smallest of 1, 2 or 5 × 10ⁿ yuan that covers the largest amount of either side in {@value #BUCKETS} — each holding
 * the amounts above its lower bound up to its upper bound.
 */
public record SandboxComparison(Totals current, Totals proposed, List<Line> lines, List<Bucket> buckets,
                                Map<Change, Integer> counts) implements Serializable {

    /** Equal-width buckets after the "nothing paid" one, at most. */
    public static final int BUCKETS = 10;

    public SandboxComparison {
        lines = List.copyOf(lines);
        buckets = List.copyOf(buckets);
        counts = Map.copyOf(counts);
    }

    /** How an enterprise's result moves from the current parameters to the proposed ones. */
    public enum Change {
        /** Not eligible with the current parameters, eligible with the proposed. */
        GAINED,
        /** Eligible with the current parameters, not with the proposed. */
        LOST,
        /** Eligible both ways, paid more. */
        MORE,
        /** Eligible both ways, paid less. */
        LESS,
        SAME
    }

    /**
     * One side's totals against its budget: {@code demand} before pro-rata, {@code total} paid, {@code factor} and
     * {@code leftover} only when pro-rata applied, {@code eligible} how many enterprises are eligible.
     */
    public record Totals(Money budget, Money demand, Money total, BigDecimal factor, Money leftover, int eligible)
            implements Serializable {

        static Totals of(CallSteps.Outcome o, Money budget) {
            return new Totals(budget, o.demand(), o.total(), o.factor(), o.leftover(),
                    (int) o.lines().stream().filter(l -> l.calculation().eligible()).count());
        }
    }

    /** One enterprise, at its position in the run's order; {@code difference} = proposed − current (may be negative). */
    public record Line(int position, Long enterpriseId, String uscc, String name, boolean currentEligible,
                       boolean proposedEligible, Money currentAmount, Money proposedAmount, BigDecimal difference,
                       Change change) implements Serializable {
    }

    /** Amounts in (from, to], or exactly 0 for the first bucket (from = to = 0): how many on each side. */
    public record Bucket(Money from, Money to, int current, int proposed) implements Serializable {
    }

    /**
     * Compares two calculations of the same candidates, in the same order ({@code names} parallel to them, null for an
     * enterprise not registered: its USCC is shown).
     */
    public static SandboxComparison of(CallSteps.Outcome current, Money currentBudget, CallSteps.Outcome proposed,
                                       Money proposedBudget, List<String> names) {
        if (current.lines().size() != proposed.lines().size() || names.size() != current.lines().size()) {
            throw new IllegalArgumentException("the two calculations must be of the same candidates");
        }
        List<Line> lines = new ArrayList<>(current.lines().size());
        Map<Change, Integer> counts = new EnumMap<>(Change.class);
        for (Change c : Change.values()) {
            counts.put(c, 0);
        }
        for (int i = 0; i < current.lines().size(); i++) {
            CallSteps.Line a = current.lines().get(i);
            CallSteps.Line b = proposed.lines().get(i);
            CallSteps.Entry e = a.entry();
            boolean wasEligible = a.calculation().eligible();
            boolean isEligible = b.calculation().eligible();
            BigDecimal difference = b.amount().amount().subtract(a.amount().amount());
            Change change = change(wasEligible, isEligible, difference);
            counts.merge(change, 1, Integer::sum);
            lines.add(new Line(i, e.enterpriseId() > 0 ? e.enterpriseId() : null, e.uscc(),
                    names.get(i) == null ? e.uscc() : names.get(i), wasEligible, isEligible, a.amount(), b.amount(),
                    difference, change));
        }
        lines.sort(Comparator.comparing((Line l) -> l.difference().abs(), Comparator.reverseOrder())
                .thenComparingInt(Line::position));
        return new SandboxComparison(Totals.of(current, currentBudget), Totals.of(proposed, proposedBudget), lines,
                buckets(current, proposed), counts);
    }

    private static Change change(boolean wasEligible, boolean isEligible, BigDecimal difference) {
        if (wasEligible != isEligible) {
            return isEligible ? Change.GAINED : Change.LOST;
        }
        int sign = difference.signum();
        return sign > 0 ? Change.MORE : sign < 0 ? Change.LESS : Change.SAME;
    }

    private static List<Bucket> buckets(CallSteps.Outcome current, CallSteps.Outcome proposed) {
        Money largest = Money.ZERO;
        for (CallSteps.Line l : current.lines()) {
            largest = l.amount().isGreaterThan(largest) ? l.amount() : largest;
        }
        for (CallSteps.Line l : proposed.lines()) {
            largest = l.amount().isGreaterThan(largest) ? l.amount() : largest;
        }
        long width = width(largest.fen());
        int count = largest.isZero() ? 0 : (int) ((largest.fen() + width - 1) / width);
        int[] a = counts(current.lines(), width, count);
        int[] b = counts(proposed.lines(), width, count);
        return IntStream.rangeClosed(0, count).mapToObj(k -> k == 0
                ? new Bucket(Money.ZERO, Money.ZERO, a[0], b[0])
                : new Bucket(Money.ofFen((k - 1) * width), Money.ofFen(k * width), a[k], b[k])).toList();
    }

    /** The smallest 1, 2 or 5 × 10ⁿ fen (n ≥ 0) with {@value #BUCKETS} of it covering {@code largestFen}. */
    static long width(long largestFen) {
        long needed = Math.max(1, (largestFen + BUCKETS - 1) / BUCKETS);
        for (long power = 1; ; power *= 10) {
            for (long step : new long[]{1, 2, 5}) {
                if (step * power >= needed) {
                    return step * power;
                }
            }
        }
    }

    /** Index 0: nothing paid; k: amounts in ((k − 1) × width, k × width]. */
    private static int[] counts(Collection<CallSteps.Line> lines, long width, int count) {
        int[] n = new int[count + 1];
        for (CallSteps.Line l : lines) {
            long fen = l.amount().fen();
            n[fen == 0 ? 0 : (int) ((fen + width - 1) / width)]++;
        }
        return n;
    }

    /** The lines whose change is one of {@code changes} (all of them when empty), in the comparison's order. */
    public List<Line> linesWith(Collection<Change> changes) {
        return changes == null || changes.isEmpty() ? lines
                : lines.stream().filter(l -> changes.contains(l.change())).toList();
    }
}
