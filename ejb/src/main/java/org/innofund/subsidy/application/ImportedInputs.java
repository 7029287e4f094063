package org.innofund.subsidy.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.subsidy.domain.ConfirmationRequest;
import org.innofund.subsidy.domain.ConfirmationState;

import java.util.List;

/**
 * 免申即享 as a run's input: the CONFIRMED requests of an RD_INVESTMENT or REWARD call, each with the figures the
 * bureau imported (sources IMPORTED) as the enterprise confirmed them. An enterprise that has since applied with its
 * own figures is left out: its declaration, verified by the agency, is the declarations' source's candidate
 * ({@link ConfirmationRequests#declaredInstead}). The origin is "confirmation:id".
 */
@Stateless
@LocalBean
@PermitAll
public class ImportedInputs implements InputSource {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ConfirmationRequests requests;

    @Override
    public List<Candidate> candidates(FundingCall call) {
        SubsidyKind kind = call.getProgram().getSubsidyKind();
        if (kind != SubsidyKind.RD_INVESTMENT && kind != SubsidyKind.REWARD) {
            return List.of();
        }
        return em.createQuery("select r from ConfirmationRequest r where r.callId = :call and r.state = :confirmed "
                        + "order by r.decidedAt, r.uscc", ConfirmationRequest.class)
                .setParameter("call", call.getId()).setParameter("confirmed", ConfirmationState.CONFIRMED)
                .getResultList().stream()
                .filter(r -> !requests.declaredInstead(call.getId(), r.getEnterpriseId()))
                // highTechNewPaidBefore: earlier calls' approvals are the run's to resolve (as for declarations)
                .map(r -> new Candidate(r.getEnterpriseId(), r.getUscc(), null, r.getDecidedAt(),
                        r.getFigures().toInputs(kind, false), "confirmation:" + r.getId()))
                .toList();
    }
}
