package org.innofund.subsidy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.RunState;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the approved runs of SHARED_SERVICE calls (创新券) gave, as kind 4's caps read it (SUBSIDY-RULES.md): per
 * enterprise and per actual controller within a year, across calls, and who used vouchers in an earlier year. A run's
 * line counts once its run is APPROVED (a superseded run was replaced by the one approved after it).
 */
@ApplicationScoped
public class VoucherApprovals {

    private static final int CODES_PER_QUERY = 1000;

    /** The lines of the approved runs of the other SHARED_SERVICE calls of a year. */
    private static final String OTHER_CALLS_OF_THE_YEAR = " l.runId = r.id and r.callId = c.id and r.state = :approved"
            + " and r.kind = :vouchers and c.year = :year and c.id <> :call";

    @PersistenceContext
    private EntityManager em;

    /** Per USCC, what the approved runs of the year's other SHARED_SERVICE calls gave it: one query. */
    public Map<String, Money> byEnterpriseThisYear(FundingCall call) {
        return sums(otherCallsOfTheYear("select l.uscc, sum(l.amount) from CalculationLine l, CalculationRun r,"
                + " FundingCall c where" + OTHER_CALLS_OF_THE_YEAR + " group by l.uscc", call));
    }

    /**
     * Per actual controller, as the controller registry records it now, what the approved runs of the year's other
     * SHARED_SERVICE calls gave its enterprises: one query.
     */
    public Map<String, Money> byControllerThisYear(FundingCall call) {
        return sums(otherCallsOfTheYear("select e.controller, sum(l.amount) from CalculationLine l, CalculationRun r,"
                + " FundingCall c, EnterpriseController e where" + OTHER_CALLS_OF_THE_YEAR + " and e.uscc = l.uscc"
                + " group by e.controller", call));
    }

    /**
     * Of these USCCs, those that have used vouchers before {@code year}: paid (more than 0) by an approved run of a
     * SHARED_SERVICE call of an earlier year. A thousand codes a query.
     */
    public Set<String> usedBefore(int year, Collection<String> usccs) {
        List<String> codes = List.copyOf(new HashSet<>(usccs));
        Set<String> used = new HashSet<>();
        for (int from = 0; from < codes.size(); from += CODES_PER_QUERY) {
            used.addAll(em.createQuery("select distinct l.uscc from CalculationLine l, CalculationRun r, FundingCall c"
                            + " where l.runId = r.id and r.callId = c.id and r.state = :approved and r.kind = :vouchers"
                            + " and c.year < :year and l.amount > :zero and l.uscc in :usccs", String.class)
                    .setParameter("approved", RunState.APPROVED).setParameter("vouchers", SubsidyKind.SHARED_SERVICE)
                    .setParameter("year", year).setParameter("zero", Money.ZERO)
                    .setParameter("usccs", codes.subList(from, Math.min(codes.size(), from + CODES_PER_QUERY)))
                    .getResultList());
        }
        return used;
    }

    private TypedQuery<Object[]> otherCallsOfTheYear(String jpql, FundingCall call) {
        return em.createQuery(jpql, Object[].class).setParameter("approved", RunState.APPROVED)
                .setParameter("vouchers", SubsidyKind.SHARED_SERVICE).setParameter("year", call.getYear())
                .setParameter("call", call.getId());
    }

    private static Map<String, Money> sums(TypedQuery<Object[]> query) {
        Map<String, Money> sums = new HashMap<>();
        query.getResultList().forEach(row -> sums.put((String) row[0], Amounts.money(row[1])));
        return sums;
    }
}
