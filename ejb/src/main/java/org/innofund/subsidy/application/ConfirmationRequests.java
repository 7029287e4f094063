package org.innofund.subsidy.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.domain.Declaration;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.program.domain.FundingCall;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;
import org.innofund.subsidy.domain.BankAccount;
import org.innofund.subsidy.domain.ConfirmationRequest;
import org.innofund.subsidy.domain.ConfirmationState;
import org.innofund.subsidy.domain.ExemptEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * 确认享受 (ENTERPRISE): an enterprise's confirmation requests, found by its USCC when it reads them (so one that
 * registers after the import sees its request then), and its answer. Another enterprise's request is "not found" and
 * the attempt audited, as with declarations.
 * <p>
 * An enterprise that applied in the same call with its own figures (a declaration submitted and not rejected) is
 * calculated from its declaration, which the agency verifies: that wins over the imported figures, and its
 * confirmation is refused with a message saying so.
 */
@Stateless
@RolesAllowed(Role.Names.ENTERPRISE)
public class ConfirmationRequests {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private Clock clock;

    @Inject
    private Event<DomainEvent> events;

    /** The caller's requests, unanswered first, newest first; replaced ones are gone. */
    public List<RequestView> mine() {
        Organisation org = currentUser.require().getOrganisation();
        Instant now = clock.instant();
        return em.createQuery("select r from ConfirmationRequest r where r.uscc = :uscc and r.state <> :replaced "
                        + "order by r.createdAt desc, r.id desc", ConfirmationRequest.class)
                .setParameter("uscc", org.getUscc().orElse("")).setParameter("replaced", ConfirmationState.REPLACED)
                .getResultList().stream().map(r -> view(r, em.find(FundingCall.class, r.getCallId()), now))
                .sorted(java.util.Comparator.comparing((RequestView v) -> !v.answerable())).toList();
    }

    public RequestView get(Long id) {
        ConfirmationRequest r = owned(id);
        return view(r, em.find(FundingCall.class, r.getCallId()), clock.instant());
    }

    /** 确认享受 with the account the amount is paid to, on the version read. */
    public RequestView confirm(Long id, Long version, String accountName, String accountNumber, String bankName) {
        ConfirmationRequest r = ownedForChange(id);
        Versions.requireCurrent(r.getVersion(), version);
        UserAccount user = currentUser.require();
        FundingCall call = em.find(FundingCall.class, r.getCallId());
        Instant now = clock.instant();
        r.requireAnswerable(now, call.getClosesAt());
        requireUndeclared(r, call, user.getOrganisation(), now);
        BankAccount account = BankAccount.of(accountName, accountNumber, bankName, user.getOrganisation().getName());
        r.confirm(account, user.getOrganisation().getId(), user.getUsername(), now, call.getClosesAt());
        Versions.flush(em);
        events.fire(new ExemptEvents.RequestConfirmed(user.actor(), r.getId(), r.getAmount().toString(),
                user.getOrganisation().getId(), account));
        return view(r, call, now);
    }

    /** 放弃: the enterprise does not take the amount (it may still apply itself while the call is open). */
    public RequestView decline(Long id, Long version) {
        ConfirmationRequest r = ownedForChange(id);
        Versions.requireCurrent(r.getVersion(), version);
        UserAccount user = currentUser.require();
        FundingCall call = em.find(FundingCall.class, r.getCallId());
        Instant now = clock.instant();
        r.decline(user.getOrganisation().getId(), user.getUsername(), now, call.getClosesAt());
        Versions.flush(em);
        events.fire(new ExemptEvents.RequestDeclined(user.actor(), r.getId()));
        return view(r, call, now);
    }

    /**
     * Whether an enterprise's own declaration in the call wins over its imported figures: submitted at least once
     * and not rejected (a withdrawn one may be resubmitted while the call is open).
     */
    @PermitAll
    public boolean declaredInstead(long callId, long enterpriseId) {
        return !em.createQuery("select d.id from Declaration d where d.call.id = :call and d.enterprise.id = :org "
                        + "and d.revision > 0 and d.state <> :rejected", Long.class)
                .setParameter("call", callId).setParameter("org", enterpriseId)
                .setParameter("rejected", DeclarationState.REJECTED).setMaxResults(1).getResultList().isEmpty();
    }

    private void requireUndeclared(ConfirmationRequest r, FundingCall call, Organisation org, Instant now) {
        if (declaredInstead(call.getId(), org.getId())) {
            throw BusinessException.conflict("exempt.declaredInstead");
        }
    }

    private ConfirmationRequest owned(Long id) {
        UserAccount user = currentUser.require();
        ConfirmationRequest r = id == null ? null : em.find(ConfirmationRequest.class, id);
        if (r != null && r.getState() != ConfirmationState.REPLACED && user.getOrganisation() != null
                && user.getOrganisation().getUscc().filter(r.getUscc()::equals).isPresent()) {
            return r;
        }
        if (r != null) {
            events.fire(new ExemptEvents.RequestAccessDenied(currentUser.actor(), r.getId()));
        }
        throw BusinessException.notFound("exempt.requestNotFound", id);
    }

    /**
     * Locked and read afresh: a second answer waits for the first, then sees it. The call's row is locked first, as an
     * import locks it before it reads which enterprises answered and replaces the unanswered requests: an answer and an
     * import of the same call run one after the other, so an import never makes a new request for an enterprise whose
     * confirmation it did not see (two confirmations of one USCC), and an answer never confirms a request just replaced.
     */
    private ConfirmationRequest ownedForChange(Long id) {
        ConfirmationRequest r = owned(id);
        em.find(FundingCall.class, r.getCallId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        return r;
    }

    static RequestView view(ConfirmationRequest r, FundingCall call, Instant now) {
        return new RequestView(r.getId(), r.getVersion(), call.getId(), call.getTitle(), call.getProgram().getSubsidyKind(),
                call.getClosesAt(), r.getUscc(), r.getCompanyName(), r.getSourceRow(), r.getAmount(),
                r.getExplanation().steps(), r.getFigures(), r.stateAt(now, call.getClosesAt()), r.getBankName(),
                r.getAccountNumber(), r.getDecidedAt());
    }
}
