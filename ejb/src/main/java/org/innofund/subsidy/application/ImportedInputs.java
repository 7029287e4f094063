package org.innofund.subsidy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.ProjectState;
import org.innofund.subsidy.domain.ConfirmationState;
import org.innofund.subsidy.domain.ImportedFigures;
import org.innofund.subsidy.infrastructure.HighTechNewPaid;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 免申即享 as a run's input: the CONFIRMED requests of an RD_INVESTMENT or REWARD call, each with the figures the
 * bureau imported (sources IMPORTED) as the enterprise confirmed them, one per USCC (the first confirmed). An
 * enterprise whose own declaration made the call's publicized list is left out: that declaration, verified by the
 * agency, is the declarations' source's candidate — the same rule both sides, so that an enterprise is counted once and
 * not lost (a declaration withdrawn or not approved leaves its confirmation standing). HIGH_TECH_NEW is marked paid
 * before as for declarations. The origin is "confirmation:id".
 * <p>
 * A CDI bean like the other sources: an EJB with a no-interface view would not be an {@code InputSource} to CDI, and a
 * run would never see the confirmations.
 */
@ApplicationScoped
public class ImportedInputs implements InputSource {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private HighTechNewPaid highTechNew;

    @Override
    public List<Candidate> candidates(FundingCall call) {
        SubsidyKind kind = call.getProgram().getSubsidyKind();
        if (kind != SubsidyKind.RD_INVESTMENT && kind != SubsidyKind.REWARD) {
            return List.of();
        }
        // what a candidate needs, not the entities: their explanations (read and parsed) and ten thousand managed
        // entities checked for changes at the commit were most of the gathering's time (BENCHMARKS.md, issue 12)
        List<Confirmed> confirmed = em.createQuery("select r.id, r.enterpriseId, r.uscc, r.decidedAt, r.figures"
                        + " from ConfirmationRequest r where r.callId = :call and r.state = :confirmed"
                        + " order by r.decidedAt, r.id", Object[].class)
                .setParameter("call", call.getId()).setParameter("confirmed", ConfirmationState.CONFIRMED)
                .getResultStream().map(row -> new Confirmed((Long) row[0], (Long) row[1], (String) row[2],
                        (Instant) row[3], (ImportedFigures) row[4])).toList();
        if (confirmed.isEmpty()) {
            return List.of();
        }
        Set<String> declared = new HashSet<>(em.createQuery("select e.uscc from Project p, Declaration d join d.enterprise e"
                        + " where p.declarationId = d.id and p.callId = :call and p.state = :publicized", String.class)
                .setParameter("call", call.getId()).setParameter("publicized", ProjectState.PUBLICIZED).getResultList());
        Set<String> paidBefore = kind == SubsidyKind.REWARD
                ? highTechNew.paidBefore(call, confirmed.stream().map(Confirmed::uscc).toList()) : Set.of();
        Set<String> seen = new HashSet<>();
        return confirmed.stream()
                .filter(r -> !declared.contains(r.uscc()) && seen.add(r.uscc()))
                .map(r -> new Candidate(r.enterpriseId(), r.uscc(), null, r.decidedAt(),
                        r.figures().toInputs(kind, paidBefore.contains(r.uscc())), "confirmation:" + r.id()))
                .toList();
    }

    /** A confirmed request as a run reads it. */
    private record Confirmed(long id, long enterpriseId, String uscc, Instant decidedAt, ImportedFigures figures) {
    }
}
