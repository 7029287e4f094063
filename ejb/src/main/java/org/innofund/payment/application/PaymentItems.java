package org.innofund.payment.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.domain.Role;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.payment.domain.PaymentItem;
import org.innofund.payment.domain.PaymentItemState;
import org.innofund.payment.domain.Tranche;
import org.innofund.program.domain.FundingCall;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.SubsidyEvents;
import org.innofund.subsidy.application.PayableLines;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 应付款项: an approved calculation run's lines with an amount become payable items, each committed in the call's
 * ledger, in the approval's own transaction (an approval is never without its items, nor items without their
 * commitment). The run it supersedes has its payable items cancelled and their commitments released first; if any of
 * its items is in a payment batch or paid, the approval is refused (paid twice otherwise). A PRE_APPROVED project's
 * advance is settled with its line ({@link #settleAdvance}).
 */
@Stateless
public class PaymentItems {

    /** The most items one page may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private LedgerPostings postings;

    @Inject
    private PayableLines payableLines;

    @EJB
    private Advances advances;

    @PermitAll
    public void fromRun(@Observes SubsidyEvents.CalculationRunApproved approved) {
        FundingCall call = postings.lock(approved.callId());
        String by = approved.by().username();
        Instant now = clock.instant();
        postings.allocateOnce(call, by);
        List<LedgerTransaction> postingsToMake = new ArrayList<>();
        if (approved.supersededRunId() != null) {
            // a run whose items went into a batch or were paid is not replaced: the new run would pay them again
            long started = em.createQuery("select count(i) from PaymentItem i where i.runId = :run and i.state in :started",
                            Long.class).setParameter("run", approved.supersededRunId())
                    .setParameter("started", List.of(PaymentItemState.IN_BATCH, PaymentItemState.PAID)).getSingleResult();
            if (started > 0) {
                throw BusinessException.conflict("calculationRun.paymentStarted", started);
            }
            for (PaymentItem item : items(approved.supersededRunId(), PaymentItemState.PAYABLE)) {
                item.cancel(now);
                postingsToMake.add(LedgerTransaction.release(call.getId(), item.reference(), item.getAmount(), by, now));
            }
        }
        Set<Integer> balances = new HashSet<>();
        for (PayableLines.ProjectLine l : payableLines.projectLines(approved.runId())) {
            Optional<PaymentItem> advance = advances.of(l.projectId());
            if (advance.isPresent() && settleAdvance(advance.get(), l.advancePaid(), by, now, postingsToMake)) {
                balances.add(l.position());
            }
        }
        for (PayableLines.Line l : payableLines.of(approved.runId())) {
            PaymentItem item = new PaymentItem(call.getId(), approved.runId(), l.position(),
                    balances.contains(l.position()) ? Tranche.BALANCE : Tranche.FULL, l.enterpriseId(), l.uscc(),
                    l.name(), l.amount(), now);
            em.persist(item); // numbered now: the commitment names it
            postingsToMake.add(LedgerTransaction.commitment(call.getId(), item.reference(), item.getAmount(), by, now));
        }
        postings.post(postingsToMake);
    }

    /**
     * A concluded project's advance at its run's approval, against the advances paid P its line counted. Paid and
     * counted: the line paid what is due less it (true: the line is the balance). Not paid: cancelled and released, as
     * the line pays all that is due (false). In a batch, or paid but not counted (its result recorded while the run
     * gathered its figures): the approval is refused, as paying the line would pay the advance twice; a new run
     * counts it.
     */
    private boolean settleAdvance(PaymentItem advance, Money counted, String by, Instant now,
                                  List<LedgerTransaction> postingsToMake) {
        switch (advance.getState()) {
            case PAYABLE -> {
                advance.cancel(now);
                postingsToMake.add(LedgerTransaction.release(advance.getCallId(), advance.reference(),
                        advance.getAmount(), by, now));
                return false;
            }
            case IN_BATCH -> throw BusinessException.conflict("calculationRun.advanceInBatch", advance.getProjectId());
            case PAID -> {
                if (!counted.equals(advance.getAmount())) {
                    throw BusinessException.conflict("calculationRun.advancePaidSince", advance.getProjectId());
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** A call's items in one state (or all), by the lines' order. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.REVIEWER})
    public List<PaymentItemView> ofCall(@NotNull Long callId, PaymentItemState state, @Min(0) int page,
                                        @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (em.find(FundingCall.class, callId) == null) { // as the ledger answers: an unknown call is not an empty one
            throw BusinessException.notFound("call.notFound", callId);
        }
        var query = em.createQuery("select i from PaymentItem i where i.callId = :call"
                        + (state == null ? "" : " and i.state = :state") + " order by i.runId desc, i.position, i.tranche",
                        PaymentItem.class).setParameter("call", callId);
        if (state != null) {
            query.setParameter("state", state);
        }
        long first = (long) page * size; // a page past the end is empty, never an overflow
        return first > Integer.MAX_VALUE ? List.of()
                : query.setFirstResult((int) first).setMaxResults(size).getResultStream().map(PaymentItemView::of).toList();
    }

    private List<PaymentItem> items(long runId, PaymentItemState state) {
        return em.createQuery("select i from PaymentItem i where i.runId = :run and i.state = :state", PaymentItem.class)
                .setParameter("run", runId).setParameter("state", state).getResultList();
    }
}
