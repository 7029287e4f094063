package org.innofund.project.domain;

import org.innofund.declaration.domain.FundingSource;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a proposal is the change its kind says and nothing more, and still a complete agreement (AgreementCheck: the
 * subsidy part stays the approved amount to the fen). All problems at once.
 */
public final class ChangeCheck {

    private ChangeCheck() {
    }

    public static List<FieldProblem> problems(ChangeKind kind, AgreementContent signed, AgreementContent proposed,
                                              Money approved) {
        List<FieldProblem> problems = new ArrayList<>(AgreementCheck.problems(proposed, approved));
        if (kind == null) {
            problems.add(FieldProblem.of("kind", "change.kindRequired"));
            return problems;
        }
        if (signed.equals(proposed)) {
            problems.add(FieldProblem.of("proposed", "change.nothingChanged"));
            return problems;
        }
        boolean goalsKept = Objects.equals(signed.goals(), proposed.goals());
        boolean targetsKept = signed.targets().equals(proposed.targets());
        boolean budgetKept = signed.budget().equals(proposed.budget());
        boolean scheduleKept = signed.samePeriod(proposed) && signed.milestones().equals(proposed.milestones());
        switch (kind) {
            case PERIOD_EXTENDED -> {
                if (!goalsKept || !targetsKept || !budgetKept) {
                    problems.add(FieldProblem.of("proposed", "change.beyondKind", kind));
                }
                if (!Objects.equals(signed.periodStart(), proposed.periodStart()) || proposed.periodEnd() == null
                        || !proposed.periodEnd().isAfter(signed.periodEnd())) {
                    problems.add(FieldProblem.of("period", "change.periodNotExtended", signed.periodEnd()));
                }
                problems.addAll(extensionMilestoneProblems(signed, proposed));
            }
            case BUDGET_MOVED -> {
                if (!goalsKept || !targetsKept || !scheduleKept) {
                    problems.add(FieldProblem.of("proposed", "change.beyondKind", kind));
                }
                for (FundingSource source : FundingSource.values()) {
                    Money before = signed.sourceTotal(source);
                    Money after = proposed.sourceTotal(source);
                    if (after != null && !after.equals(before)) {
                        problems.add(FieldProblem.of("budget", "change.sourceTotalChanged", source, after, before));
                    }
                }
            }
            case TARGET_CHANGED -> {
                if (!goalsKept || !budgetKept || !scheduleKept) {
                    problems.add(FieldProblem.of("proposed", "change.beyondKind", kind));
                }
            }
        }
        return problems;
    }

    /**
     * An extension gives more time after the end, not a new schedule: the signed milestones stay, in their order, with
     * their titles and kinds; one may only move into the added time (after the signed end), and any added one lies
     * there too. What was due within the signed period stays due when it was.
     */
    private static List<FieldProblem> extensionMilestoneProblems(AgreementContent signed, AgreementContent proposed) {
        List<FieldProblem> problems = new ArrayList<>();
        List<AgreementContent.Milestone> before = signed.milestones();
        List<AgreementContent.Milestone> after = proposed.milestones();
        if (after.size() < before.size()) {
            problems.add(FieldProblem.of("milestones", "change.milestonesKept"));
            return problems;
        }
        for (int i = 0; i < after.size(); i++) {
            AgreementContent.Milestone m = after.get(i);
            AgreementContent.Milestone was = i < before.size() ? before.get(i) : null;
            if (was != null && (!Objects.equals(was.title(), m.title()) || was.midterm() != m.midterm())) {
                problems.add(FieldProblem.of("milestones", "change.milestonesKept"));
                return problems;
            }
            boolean inAddedTime = m.dueOn() != null && m.dueOn().isAfter(signed.periodEnd());
            if (!inAddedTime && (was == null || !Objects.equals(was.dueOn(), m.dueOn()))) {
                problems.add(FieldProblem.of("milestones[" + (i + 1) + "].dueOn", "change.milestoneNotMovable", i + 1,
                        signed.periodEnd()));
            }
        }
        return problems;
    }
}
