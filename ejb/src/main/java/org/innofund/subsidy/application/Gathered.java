package org.innofund.subsidy.application;

import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.CalculationContext;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.declaration.domain.kind.SharedServiceRules;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.CallSteps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a calculation over a call reads from the database, gathered once ({@link CandidateGathering}): the
 * candidates of every input source, who of them is blacklisted on the calculation date, what other calls of the year
 * approved for each (by USCC) and, for SHARED_SERVICE, for the enterprises of each actual controller (the controller
 * cap), and their registered names. {@link #calculate} is then pure, so a run calculates once and the policy sandbox
 * twice (the call's parameters and the changed ones) over the same gathering, by the same code.
 */
public record Gathered(SubsidyKind kind, int year, LocalDate today, List<InputSource.Candidate> candidates,
                       Set<String> blacklisted, Map<String, Money> approvedElsewhereThisYear,
                       Map<String, Money> controllersElsewhereThisYear, Map<Long, String> names) {

    public Gathered {
        candidates = List.copyOf(candidates);
        blacklisted = Set.copyOf(blacklisted);
        approvedElsewhereThisYear = Map.copyOf(approvedElsewhereThisYear);
        controllersElsewhereThisYear = Map.copyOf(controllersElsewhereThisYear);
        names = Map.copyOf(names);
    }

    /** Each candidate by its kind's rules, then the call-level steps with these parameters and this budget. */
    public CallSteps.Outcome calculate(RuleParameters parameters, Money budget) {
        KindRules rules = KindRules.of(kind);
        List<CallSteps.Entry> entries = new ArrayList<>(candidates.size());
        for (InputSource.Candidate c : candidates) {
            CalculationContext context = new CalculationContext(year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                    today, c.enterpriseId() > 0, blacklisted.contains(c.uscc()));
            Calculation result = rules.calculate(c.inputs(), parameters, context);
            entries.add(new CallSteps.Entry(c.enterpriseId(), c.uscc(), c.controller(), c.submittedAt(), result,
                    approvedElsewhereThisYear.getOrDefault(c.uscc(), Money.ZERO),
                    c.controller() == null ? Money.ZERO
                            : controllersElsewhereThisYear.getOrDefault(c.controller(), Money.ZERO),
                    c.inputs() instanceof KindInputs.SharedService vouchers
                            ? SharedServiceRules.capLeft(vouchers, parameters) : null));
        }
        return CallSteps.apply(entries, new CallSteps.Parameters(parameters.money(RuleParameter.ENTERPRISE_YEAR_CAP),
                kind == SubsidyKind.SHARED_SERVICE ? parameters.money(RuleParameter.CONTROLLER_CAP) : null, budget));
    }

    /** The candidate's registered name, or null while its enterprise is not registered. */
    public String name(InputSource.Candidate c) {
        return names.get(c.enterpriseId());
    }
}
