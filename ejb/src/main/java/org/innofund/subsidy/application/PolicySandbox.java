package org.innofund.subsidy.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.domain.Role;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameters;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.CallSteps;
import org.innofund.subsidy.domain.SandboxComparison;
import org.innofund.subsidy.infrastructure.SandboxWorkbook;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * 政策沙盘: what a call's calculation would give with changed parameters or budget, beside what it gives with the call's
 * own — the candidates gathered once, as a run gathers them, calculated twice by the run's code. Nothing is stored,
 * the call is not changed.
 */
@Stateless
public class PolicySandbox {

    /** How a changed budget is listed among the changed parameters. */
    public static final String BUDGET = "budget";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CandidateGathering gathering;

    /**
     * {@code changes} by stored parameter name (each must be one of the call's, inside its range); {@code budget} null
     * keeps the call's budget, else it must be an amount of money.
     */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public SandboxComparison compare(@NotNull Long callId, Map<String, BigDecimal> changes, BigDecimal budget) {
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null) {
            throw BusinessException.notFound("call.notFound", callId);
        }
        RuleParameters current = CandidateGathering.parametersOf(call);
        RuleParameters proposed = current;
        if (changes != null) {
            for (Map.Entry<String, BigDecimal> change : changes.entrySet()) {
                if (change.getValue() == null) {
                    throw BusinessException.invalid("sandbox.valueMissing", change.getKey());
                }
                proposed = proposed.with(change.getKey(), change.getValue());
            }
        }
        Money proposedBudget = budget == null ? call.getBudget() : Money.of(budget);
        Gathered gathered = gathering.gather(call);
        CallSteps.Outcome before = gathered.calculate(current, call.getBudget());
        CallSteps.Outcome after = gathered.calculate(proposed, proposedBudget);
        return SandboxComparison.of(before, call.getBudget(), after, proposedBudget,
                gathered.candidates().stream().map(gathered::name).toList());
    }

    /** The same comparison as an XLSX workbook in the reader's language (every enterprise, streamed while written). */
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.APPROVER})
    public byte[] export(@NotNull Long callId, Map<String, BigDecimal> changes, BigDecimal budget, Locale locale) {
        SandboxComparison comparison = compare(callId, changes, budget);
        Map<String, BigDecimal> asked = new TreeMap<>(changes == null ? Map.of() : changes);
        if (budget != null) {
            asked.put(BUDGET, budget);
        }
        return SandboxWorkbook.write(comparison, asked, locale);
    }
}
