package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.Grade;
import org.innofund.shared.MessageKey;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** 事前立项、事后补助 (SUBSIDY-RULES.md, kind 1): a project with its period and budget, approved before it is paid. */
public final class PreApprovedRules implements KindRules {

    /** The longest project period, in years (both ends included). */
    public static final int MAX_PERIOD_YEARS = 5;

    /** The factor of each acceptance grade and the share of the audited spend that caps the amount. */
    public record Parameters(BigDecimal factorExcellent, BigDecimal factorGood, BigDecimal factorPass, BigDecimal factorFail,
                             BigDecimal maxShareOfSpend) {

        public static Parameters of(RuleParameters p) {
            return new Parameters(p.get(RuleParameter.FACTOR_EXCELLENT), p.get(RuleParameter.FACTOR_GOOD),
                    p.get(RuleParameter.FACTOR_PASS), p.get(RuleParameter.FACTOR_FAIL), p.get(RuleParameter.MAX_SHARE_OF_SPEND));
        }

        public BigDecimal factor(Grade grade) {
            return switch (grade) {
                case EXCELLENT -> factorExcellent;
                case GOOD -> factorGood;
                case PASS -> factorPass;
                case FAIL -> factorFail;
            };
        }
    }

    PreApprovedRules() {
    }

    @Override
    public SubsidyKind kind() {
        return SubsidyKind.PRE_APPROVED;
    }

    @Override
    public Set<FormSection> sections() {
        return Set.of(FormSection.PROJECT, FormSection.BUDGET);
    }

    /** The project's fields and budget in the form's order, then whether its amounts are money. */
    @Override
    public List<Problem> problems(DeclarationContent c, FundingCall call, String enterpriseUscc) {
        List<Problem> problems = new ArrayList<>();
        project(c, call.getYear(), problems);
        budget(c, call, problems);
        problems.addAll(Amounts.problems(c));
        return problems;
    }

    private static void project(DeclarationContent c, int callYear, List<Problem> problems) {
        if (c.field() == null) {
            problems.add(Problem.of("submit.field"));
        }
        if (c.periodStart() == null || c.periodEnd() == null) {
            problems.add(Problem.of("submit.period"));
        } else if (!c.periodEnd().isAfter(c.periodStart())) {
            problems.add(Problem.of("submit.periodOrder"));
        } else {
            if (c.periodStart().getYear() < callYear) {
                problems.add(Problem.of("submit.periodBeforeCallYear", c.periodStart().toString(), String.valueOf(callYear)));
            }
            // both dates count: 2025-07-01 ~ 2030-06-30 is five years, one day more is too long
            if (!c.periodEnd().isBefore(c.periodStart().plusYears(MAX_PERIOD_YEARS))) {
                problems.add(Problem.of("submit.periodTooLong", MAX_PERIOD_YEARS));
            }
        }
        if (c.summary() == null || c.summary().isBlank()) {
            problems.add(Problem.of("submit.summary"));
        }
        if (c.keyIndicators() == null || c.keyIndicators().isBlank()) {
            problems.add(Problem.of("submit.keyIndicators"));
        }
    }

    private static void budget(DeclarationContent c, FundingCall call, List<Problem> problems) {
        if (c.budgetLines().isEmpty()) {
            problems.add(Problem.of("submit.budgetLines"));
        }
        if (c.totalBudget() == null) {
            problems.add(Problem.of("submit.totalBudget"));
        } else if (c.totalBudget().signum() <= 0) {
            problems.add(Problem.of("submit.totalBudgetPositive"));
        } else if (Amounts.areMoney(c) && c.sumOfLines() != null && !c.totalMatchesLines()) {
            problems.add(Problem.of("submit.totalMismatch", MoneyFormat.figure(c.totalBudget()), MoneyFormat.figure(c.sumOfLines())));
        }
        Money requested = c.requestedSubsidy();
        if (c.sumOfLines() == null) {
            problems.add(Problem.of("submit.linesTooLarge"));
        } else if (call.getMaxRequest() != null && requested.isGreaterThan(call.getMaxRequest())) {
            problems.add(Problem.of("submit.requestAboveLimit", MoneyFormat.figure(requested), MoneyFormat.figure(call.getMaxRequest())));
        } else if (requested.isGreaterThan(call.getBudget())) {
            problems.add(Problem.of("submit.requestAboveBudget", MoneyFormat.figure(requested), MoneyFormat.figure(call.getBudget())));
        }
    }

    /** The figures in the order the explanation names their sources. */
    private static final List<String> FIGURES = List.of("approvedAmount", "grade", "auditedSpend", "advancePaid");

    /**
     * SUBSIDY-RULES.md kind 1: due = min(A × factor(G), maxShareOfSpend × S), each product HALF_UP to the fen; the
     * balance due − P is paid, or raised as a recovery (追回) when negative (amount 0 then). A FAIL grade is no failed
     * condition: its factor (0 by default) makes nothing due, and advances paid are recovered. Without an acceptance
     * grade the project is not computable. An enterprise failing step 1 gets 0 and no recovery is computed.
     */
    @Override
    public Calculation calculate(KindInputs inputs, RuleParameters parameters, CalculationContext context) {
        KindInputs.PreApproved in = (KindInputs.PreApproved) inputs;
        Parameters p = Parameters.of(parameters);
        Explanation x = new Explanation();
        x.sources(in.sources(), FIGURES);
        boolean standing = x.standing(context);
        if (in.grade() == null) {
            x.fail("PRE_APPROVED_NO_ACCEPTANCE");
            return x.notComputable(kind());
        }
        if (!standing) {
            return x.result(kind(), false, Money.ZERO, Money.ZERO);
        }
        BigDecimal factor = p.factor(in.grade());
        Money byGrade = in.approvedAmount().times(factor, RoundingMode.HALF_UP);
        x.add("pre.byGrade", new MessageKey("calc.grade." + in.grade().name()), factor.toPlainString(),
                Explanation.figure(in.approvedAmount()), Explanation.figure(byGrade));
        Money bySpend = in.auditedSpend().times(p.maxShareOfSpend(), RoundingMode.HALF_UP);
        x.add("pre.bySpend", Explanation.figure(in.auditedSpend()), Explanation.percent(p.maxShareOfSpend()),
                Explanation.figure(bySpend));
        Money due = byGrade.compareTo(bySpend) <= 0 ? byGrade : bySpend;
        x.add("pre.due", Explanation.figure(byGrade), Explanation.figure(bySpend), Explanation.figure(due));
        if (due.compareTo(in.advancePaid()) >= 0) {
            Money balance = due.minus(in.advancePaid());
            x.add("pre.balance", Explanation.figure(due), Explanation.figure(in.advancePaid()), Explanation.figure(balance));
            return x.result(kind(), true, balance, Money.ZERO);
        }
        Money recovery = in.advancePaid().minus(due);
        x.add("pre.recovery", Explanation.figure(due), Explanation.figure(in.advancePaid()), Explanation.figure(recovery));
        return x.result(kind(), true, Money.ZERO, recovery);
    }
}
