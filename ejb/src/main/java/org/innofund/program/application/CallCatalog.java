package org.innofund.program.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.program.domain.CallStatus;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.FundingCall;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Published calls, for anyone, logged in or not. */
@Stateless
@PermitAll
public class CallCatalog {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** A published call, for anyone; a draft is not found. */
    public CallDetail publishedCall(Long id) {
        return CallDetail.of(published(id), clock.instant()).withoutStaffNames();
    }

    /** When an evaluation at the stage assigned now is due, if the published call sets it ({@link FundingCall#evaluationDueOn}). */
    public Optional<LocalDate> evaluationDueOn(Long callId, EvaluationStage stage) {
        return published(callId).evaluationDueOn(stage, clock.instant());
    }

    private FundingCall published(Long id) {
        FundingCall call = id == null ? null : em.find(FundingCall.class, id);
        if (call == null || call.getStatus() != CallStatus.PUBLISHED) {
            throw org.innofund.shared.BusinessException.notFound("call.notFound", id);
        }
        return call;
    }

    /** Published calls that have not closed yet, the soonest deadline first. */
    public List<CallSummary> currentCalls() {
        Instant now = clock.instant();
        return em.createQuery("select c from FundingCall c where c.status = :published and c.closesAt > :now "
                        + "order by c.closesAt, c.id", FundingCall.class)
                .setParameter("published", CallStatus.PUBLISHED).setParameter("now", now)
                .getResultList().stream().map(c -> CallSummary.of(c, now)).toList();
    }
}
