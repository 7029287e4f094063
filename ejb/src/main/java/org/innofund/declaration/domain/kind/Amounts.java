package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every amount of a declaration is money ({@link Money#isValid}), whichever section holds it, and each budget line is
 * complete: checked for every kind, at the point of its list the kind chooses.
 */
final class Amounts {

    private Amounts() {
    }

    static List<Problem> problems(DeclarationContent c) {
        List<Problem> problems = new ArrayList<>();
        for (BigDecimal a : of(c)) {
            if (a != null && !Money.isValid(a)) {
                problems.add(Problem.of("submit.money", a.toPlainString()));
            }
        }
        // each incomplete line by its number as the page shows it: a draft may keep them, the checklist names them
        for (int i = 0; i < c.budgetLines().size(); i++) {
            DeclarationContent.BudgetLineData l = c.budgetLines().get(i);
            if (l.category() == null || l.source() == null || l.amount() == null) {
                problems.add(Problem.of("submit.budgetLineIncomplete", i + 1));
            }
        }
        return problems;
    }

    /** A total is not compared with lines while an amount is not money: that amount is the problem reported. */
    static boolean areMoney(DeclarationContent c) {
        return of(c).stream().allMatch(a -> a == null || Money.isValid(a));
    }

    private static List<BigDecimal> of(DeclarationContent c) {
        List<BigDecimal> amounts = new ArrayList<>();
        amounts.add(c.totalBudget());
        c.budgetLines().forEach(l -> amounts.add(l.amount()));
        c.serviceRecords().forEach(s -> amounts.add(s.amount()));
        if (c.rdFigures() != null) {
            amounts.add(c.rdFigures().expenseTax());
            amounts.add(c.rdFigures().expenseStat());
            amounts.add(c.rdFigures().expensePrior());
            amounts.add(c.rdFigures().revenue());
        }
        return amounts;
    }
}
