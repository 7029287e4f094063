package org.innofund.payment.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.identity.domain.Organisation;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.payment.domain.PaymentItem;
import org.innofund.payment.domain.Tranche;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.AgreementEvents;
import org.innofund.project.domain.PaymentTranche;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectState;
import org.innofund.shared.Money;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 预拨: when an enterprise signs the task agreement of a PRE_APPROVED project whose call sets an advance share, the
 * advance (PaymentTranche.advance: the approved amount times the share, rounded down) becomes a payable item committed
 * in the call's ledger, in the signature's transaction: a signature is never without its advance, and an advance that
 * does not fit the budget refuses the signature (the ledger's message) rather than promise money that is not there.
 * Once per project (the unique key on the advance's project).
 */
@Stateless
@PermitAll
public class Advances {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private LedgerPostings postings;

    public void onSigned(@Observes AgreementEvents.AgreementConfirmed signed) {
        if (!signed.byEnterprise()) {
            return; // the reviewer's confirmation comes first; the enterprise's signature makes the contract
        }
        Project project = em.find(Project.class, signed.projectId());
        if (project == null || project.getKind() != SubsidyKind.PRE_APPROVED) {
            return;
        }
        FundingCall call = postings.lock(project.getCallId());
        Money advance = PaymentTranche.advance(project.getApprovedAmount(), call.getAdvanceShare());
        if (advance.isZero() || hasAdvance(project.getId())) {
            return;
        }
        String by = signed.by().username();
        Instant now = clock.instant();
        postings.allocateOnce(call, by);
        Organisation enterprise = em.find(Organisation.class, project.getEnterpriseId());
        PaymentItem item = PaymentItem.advance(call.getId(), project.getId(), enterprise.getId(),
                enterprise.getUscc().orElseThrow(), enterprise.getName(), advance, now);
        em.persist(item); // numbered now: the commitment names it
        postings.post(List.of(LedgerTransaction.commitment(call.getId(), item.reference(), advance, by, now)));
    }

    /** The project's advance (at most one), whatever its state. */
    public Optional<PaymentItem> of(long projectId) {
        return em.createQuery("select i from PaymentItem i where i.projectId = :p", PaymentItem.class)
                .setParameter("p", projectId).getResultStream().findFirst();
    }

    /**
     * Whether an item coming back from a batch unpaid is an advance no longer owed: its project failed its acceptance
     * while the advance was in the batch (the failure cancels only a payable advance). It is then cancelled, not made
     * payable again.
     */
    public boolean noLongerOwed(PaymentItem item) {
        return item.getTranche() == Tranche.ADVANCE
                && em.find(Project.class, item.getProjectId()).getState() == ProjectState.FAILED;
    }

    private boolean hasAdvance(long projectId) {
        return of(projectId).isPresent();
    }
}
