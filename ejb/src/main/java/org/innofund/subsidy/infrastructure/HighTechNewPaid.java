package org.innofund.subsidy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.subsidy.domain.CalculationLine;
import org.innofund.subsidy.domain.RunState;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 首次认定国家高新技术企业 is rewarded once per enterprise, ever (SUBSIDY-RULES.md, kind 3): who has had it, whatever
 * source brought the enterprise to a REWARD call (its declaration or the bureau's import).
 */
@ApplicationScoped
public class HighTechNewPaid {

    private static final int IDS_PER_QUERY = 1000;

    @PersistenceContext
    private EntityManager em;

    /**
     * The enterprises with an eligible line claiming HIGH_TECH_NEW, not already paid before it, in an APPROVED REWARD
     * run of another call: that reward is paid once per enterprise, ever.
     */
    public Set<String> paidBefore(FundingCall call, java.util.Collection<String> usccs) {
        List<String> codes = List.copyOf(new HashSet<>(usccs));
        Set<String> paid = new HashSet<>();
        for (int from = 0; from < codes.size(); from += IDS_PER_QUERY) {
            em.createQuery("select l from CalculationLine l, CalculationRun r where l.runId = r.id"
                            + " and r.state = :approved and r.kind = :reward and r.callId <> :call and l.eligible = :yes"
                            + " and l.uscc in :usccs", CalculationLine.class)
                    .setParameter("approved", RunState.APPROVED).setParameter("reward", SubsidyKind.REWARD)
                    .setParameter("call", call.getId()).setParameter("yes", true)
                    .setParameter("usccs", codes.subList(from, Math.min(codes.size(), from + IDS_PER_QUERY)))
                    .getResultStream().filter(HighTechNewPaid::paysHighTechNew)
                    .forEach(l -> paid.add(l.getUscc()));
        }
        return paid;
    }

    private static boolean paysHighTechNew(CalculationLine line) {
        KindInputs.Reward inputs = (KindInputs.Reward) line.inputs(SubsidyKind.REWARD);
        return !inputs.highTechNewPaidBefore() && inputs.achievements().stream()
                .anyMatch(a -> a.type() == Achievement.HIGH_TECH_NEW);
    }
}
