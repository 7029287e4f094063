package org.innofund.project.domain;

import org.innofund.shared.FieldProblem;
import org.innofund.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a task agreement must say before the reviewer sees it, all problems at once (like SubmissionCheck): goals, at
 * least one measurable target, a budget whose subsidy part is the approved amount exactly (to the fen), a period, and
 * milestones inside it, in order, at least one of them the midterm. Field names are the API's ("budget", "milestones[1].dueOn").
 */
public final class AgreementCheck {

    private AgreementCheck() {
    }

    public static List<FieldProblem> problems(AgreementContent c, Money approved) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.goals() == null || c.goals().isBlank()) {
            problems.add(FieldProblem.of("goals", "agreement.goalsRequired"));
        }
        targets(c, problems);
        budget(c, approved, problems);
        boolean period = period(c, problems);
        milestones(c, period, problems);
        return problems;
    }

    private static void targets(AgreementContent c, List<FieldProblem> problems) {
        if (c.targets().isEmpty()) {
            problems.add(FieldProblem.of("targets", "agreement.targetsRequired"));
        }
        for (int i = 0; i < c.targets().size(); i++) {
            AgreementContent.Target t = c.targets().get(i);
            if (t.name() == null || t.name().isBlank() || t.value() == null || t.unit() == null || t.unit().isBlank()) {
                problems.add(FieldProblem.of("targets[" + (i + 1) + "]", "agreement.targetIncomplete", i + 1));
            }
        }
    }

    private static void budget(AgreementContent c, Money approved, List<FieldProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.budget().size(); i++) {
            AgreementContent.BudgetItem b = c.budget().get(i);
            String field = "budget[" + (i + 1) + "]";
            if (b.category() == null || b.source() == null || !Money.isValid(b.amount())) {
                problems.add(FieldProblem.of(field, "agreement.budgetLineIncomplete", i + 1));
            } else if (!seen.add(b.category() + ":" + b.source())) {
                problems.add(FieldProblem.of(field, "agreement.budgetLineTwice", i + 1));
            }
        }
        Money subsidy = c.subsidy();
        if (subsidy != null && !subsidy.equals(approved)) {
            problems.add(FieldProblem.of("budget", "agreement.subsidyNotApproved", subsidy, approved));
        }
    }

    private static boolean period(AgreementContent c, List<FieldProblem> problems) {
        if (c.periodStart() == null || c.periodEnd() == null) {
            problems.add(FieldProblem.of("period", "agreement.periodRequired"));
            return false;
        }
        if (!c.periodEnd().isAfter(c.periodStart())) {
            problems.add(FieldProblem.of("period", "agreement.periodBackwards"));
            return false;
        }
        return true;
    }

    private static void milestones(AgreementContent c, boolean period, List<FieldProblem> problems) {
        if (c.milestones().stream().noneMatch(AgreementContent.Milestone::midterm)) {
            problems.add(FieldProblem.of("milestones", "agreement.midtermRequired"));
        }
        LocalDate previous = null;
        for (int i = 0; i < c.milestones().size(); i++) {
            AgreementContent.Milestone m = c.milestones().get(i);
            String field = "milestones[" + (i + 1) + "]";
            if (m.title() == null || m.title().isBlank() || m.dueOn() == null) {
                problems.add(FieldProblem.of(field, "agreement.milestoneIncomplete", i + 1));
                continue;
            }
            if (period && (!m.dueOn().isAfter(c.periodStart()) || m.dueOn().isAfter(c.periodEnd()))) {
                problems.add(FieldProblem.of(field + ".dueOn", "agreement.milestoneOutsidePeriod", i + 1));
            } else if (previous != null && !m.dueOn().isAfter(previous)) {
                problems.add(FieldProblem.of(field + ".dueOn", "agreement.milestonesOutOfOrder", i + 1));
            }
            previous = m.dueOn();
        }
    }
}
