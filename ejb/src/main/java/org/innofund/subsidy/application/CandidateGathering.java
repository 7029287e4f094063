package org.innofund.subsidy.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Clocks;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.RunState;
import org.innofund.subsidy.infrastructure.Amounts;
import org.innofund.subsidy.infrastructure.VoucherApprovals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers what a calculation over a call reads (a run, the policy sandbox): the candidates of every
 * {@link InputSource} bean, the blacklist on the clock's date, the year's approvals in other calls (for SHARED_SERVICE also
 * per actual controller) and the names — a few queries in bulk, none per enterprise. Runs in the caller's transaction;
 * the caller checks the role.
 */
@ApplicationScoped
public class CandidateGathering {

    /** Ids per IN list (Oracle's limit is 1,000). */
    private static final int IDS_PER_QUERY = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private IntegrityRegistry integrity;

    @Inject
    @Any
    private Instance<InputSource> sources;

    @Inject
    private VoucherApprovals vouchers;

    /** The call's rule parameters; the kind's defaults for a call stored before it had any. */
    public static RuleParameters parametersOf(FundingCall call) {
        return call.getRuleParameters() == null ? RuleParameters.defaults(call.getProgram().getSubsidyKind())
                : call.getRuleParameters();
    }

    public Gathered gather(FundingCall call) {
        List<InputSource.Candidate> candidates = new ArrayList<>();
        for (InputSource source : sources) {
            candidates.addAll(source.candidates(call));
        }
        Set<String> blacklisted = integrity.inForceAmong(IntegrityRecord.SubjectKind.ENTERPRISE,
                candidates.stream().map(InputSource.Candidate::uscc).toList());
        SubsidyKind kind = call.getProgram().getSubsidyKind();
        return new Gathered(kind, call.getYear(), LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE)), candidates,
                blacklisted, approvedElsewhereThisYear(call),
                kind == SubsidyKind.SHARED_SERVICE ? vouchers.byControllerThisYear(call) : Map.of(), names(candidates));
    }

    /** Per USCC, what the APPROVED runs of the other calls of the call's year gave (step 4's yearly cap): one query. */
    private Map<String, Money> approvedElsewhereThisYear(FundingCall call) {
        Map<String, Money> sums = new HashMap<>();
        em.createQuery("select l.uscc, sum(l.amount) from CalculationLine l, CalculationRun r, FundingCall c"
                        + " where l.runId = r.id and r.callId = c.id and r.state = :approved and c.year = :year"
                        + " and c.id <> :call group by l.uscc", Object[].class)
                .setParameter("approved", RunState.APPROVED).setParameter("year", call.getYear())
                .setParameter("call", call.getId()).getResultList()
                .forEach(r -> sums.put((String) r[0], Amounts.money(r[1])));
        return sums;
    }

    /**
     * The registered names of the candidates' enterprises, a thousand ids a query. The ids are written into the SQL,
     * not bound: H2 checks each row found against a bound IN list value by value (10,000 candidates cost half a second
     * of a sandbox's 1.2 s), against constants through a hash set (BENCHMARKS.md, issue 12); numbers only, and an
     * Oracle parse of a few such statements a run is nothing.
     */
    private Map<Long, String> names(List<InputSource.Candidate> candidates) {
        List<Long> ids = candidates.stream().map(InputSource.Candidate::enterpriseId).filter(id -> id > 0).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            em.createQuery("select o.id, o.name from Organisation o where o.id in :ids", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .setHint("eclipselink.jdbc.bind-parameters", "false")
                    .getResultList().forEach(r -> names.put((Long) r[0], (String) r[1]));
        }
        return names;
    }
}
