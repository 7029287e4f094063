package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;

import java.util.List;
import java.util.Set;

/**
 * What a subsidy kind asks of a declaration (SUBSIDY-RULES.md): the form sections it shows, its typed parameters (a
 * nested {@code Parameters} record read from the call's rule parameters) and the checks it adds at submission. The
 * rule engine adds each kind's calculation here.
 */
public sealed interface KindRules permits PreApprovedRules, RdInvestmentRules, RewardRules, SharedServiceRules {

    /** One instance of each, stateless. */
    List<KindRules> ALL = List.of(new PreApprovedRules(), new RdInvestmentRules(), new RewardRules(), new SharedServiceRules());

    static KindRules of(SubsidyKind kind) {
        return ALL.stream().filter(r -> r.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rules for " + kind));
    }

    SubsidyKind kind();

    Set<FormSection> sections();

    default boolean shows(FormSection section) {
        return sections().contains(section);
    }

    /**
     * The problems of the kind's own sections and conditions, in the order the kind reports them, every amount of the
     * content checked as money ({@link Amounts}) among them; the common ones (blacklist, name, attachments) are
     * {@link SubmissionCheck}'s.
     */
    List<Problem> problems(DeclarationContent c, FundingCall call, String enterpriseUscc);

    /**
     * The kind's calculation (SUBSIDY-RULES.md steps 1 to 3 for one enterprise): pure, from inputs, the call's
     * parameters and the context to a result with its explanation. The inputs must be this kind's.
     */
    Calculation calculate(KindInputs inputs, RuleParameters parameters, CalculationContext context);
}
