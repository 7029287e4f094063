package org.innofund.payment.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.OrganisationKind;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.identity.domain.Uscc;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.payment.domain.PaymentItemState;
import org.innofund.payment.domain.Recovery;
import org.innofund.payment.domain.RecoveryEvents;
import org.innofund.payment.domain.RecoveryOrigin;
import org.innofund.payment.domain.RecoveryRepayment;
import org.innofund.payment.domain.RecoveryState;
import org.innofund.program.domain.FundingCall;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.Lengths;
import org.innofund.shared.LikePatterns;
import org.innofund.shared.Money;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 追回: money asked back from an enterprise into a call's budget. A reviewer raises one for an integrity violation (at
 * most what the enterprise was paid in the call less what was asked back from it there already), which the ledger
 * records as PAID become RECEIVABLE; finance records its repayments (RECEIVABLE back to AVAILABLE) until it is settled;
 * an approver may release the block it puts on payments to the enterprise while the debt stands. The bureau reads every
 * recovery, an enterprise its own (another's is "not found", and the attempt audited).
 * <p>
 * Whatever moves money locks the call's row first ({@link LedgerPostings#lock}), as every writer of the call's ledger
 * does: two recoveries raised at once against one enterprise are checked one after the other.
 */
@Stateless
public class Recoveries {

    /** The most recoveries one page may ask for. */
    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private LedgerPostings postings;

    @Inject
    private Event<DomainEvent> events;

    /** 可追回: per call that paid the enterprise something, what it was paid, asked back, and what may still be asked. */
    @RolesAllowed(Role.Names.REVIEWER)
    public List<Recoverable> recoverable(@NotNull @Size(max = Lengths.USCC) String uscc) {
        Organisation enterprise = enterprise(uscc);
        List<Recoverable> calls = new ArrayList<>();
        for (Object row : em.createNativeQuery("select c.id, c.title, c.call_year, (" + PAID_SQL.replace("?1", "c.id")
                        + "), (" + ASKED_SQL.replace("?1", "c.id") + ") from funding_call c where exists (select 1 from"
                        + " payment_item i where i.call_id = c.id and i.enterprise_id = ?2 and i.state = ?3)"
                        + " order by c.call_year desc, c.id desc")
                .setParameter(2, enterprise.getId()).setParameter(3, PaymentItemState.PAID.name()).getResultList()) {
            Object[] r = (Object[]) row;
            Money paid = money(r[3]);
            Money asked = money(r[4]);
            calls.add(new Recoverable(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(), paid, asked,
                    asked.isGreaterThan(paid) ? Money.ZERO : paid.minus(asked)));
        }
        return calls;
    }

    /**
     * 发起追回 (失信): {@code amount} asked back from the enterprise of {@code uscc} in the call, for a reason, due on
     * {@code dueOn} (by default 30 days from the bureau's today; never in the past). Refused, nothing written, beyond
     * what the enterprise was paid there less what was asked back already; recorded in the ledger in the same
     * transaction.
     */
    @RolesAllowed(Role.Names.REVIEWER)
    public RecoveryDetail raise(@NotNull @Size(max = Lengths.USCC) String uscc, @NotNull Long callId, @NotNull Money amount,
                                @Size(max = Lengths.REASON) String reason, LocalDate dueOn) {
        Organisation enterprise = enterprise(uscc);
        FundingCall call = postings.lock(callId);
        LocalDate today = today();
        LocalDate due = Recovery.dueDate(dueOn, today);
        Recovery.requireRecoverable(amount, paid(callId, enterprise.getId()), askedBack(callId, enterprise.getId()));
        UserAccount reviewer = currentUser.require();
        Instant now = clock.instant();
        Recovery recovery = new Recovery(callId, enterprise.getId(), null, RecoveryOrigin.INTEGRITY, amount, reason, due,
                reviewer.getUsername(), now);
        em.persist(recovery); // numbered now: the ledger's transaction names it
        postings.post(List.of(LedgerTransaction.recovery(callId, recovery.reference(), amount, reviewer.getUsername(), now)));
        events.fire(new RecoveryEvents.RecoveryRaised(reviewer.actor(), recovery.getId(), callId, enterprise.getId(),
                recovery.getOrigin(), amount, due));
        return detail(recovery, call, enterprise, true);
    }

    /**
     * 登记还款: part or all of what is owed, received on a date (not after today) under the bank's reference, on the
     * version read. The same reference recorded again for this recovery with the same amount and date changes nothing
     * and says so (a resent form); with other figures it is refused. Settled when nothing is owed.
     */
    @RolesAllowed(Role.Names.FINANCE)
    public RepaymentOutcome repay(@NotNull Long id, Long version, @NotNull Money amount, LocalDate receivedOn,
                                  @Size(max = Lengths.DOCUMENT_NO) String bankReference) {
        Recovery recovery = find(id);
        FundingCall call = postings.lock(recovery.getCallId()); // the call first, as every ledger writer: no deadlock
        em.refresh(recovery, LockModeType.PESSIMISTIC_WRITE); // a second repayment waits for the first, then sees it
        String reference = RecoveryRepayment.normalise(bankReference);
        RecoveryRepayment earlier = em.createQuery("select p from RecoveryRepayment p where p.recoveryId = :recovery"
                        + " and p.bankReference = :reference", RecoveryRepayment.class)
                .setParameter("recovery", recovery.getId()).setParameter("reference", reference)
                .getResultStream().findFirst().orElse(null);
        Organisation enterprise = em.find(Organisation.class, recovery.getEnterpriseId());
        if (earlier != null) {
            if (!earlier.sameAs(amount, receivedOn)) {
                throw BusinessException.conflict("recovery.referenceRecordedOtherwise", reference,
                        earlier.getAmount().toString(), earlier.getReceivedOn().toString());
            }
            return new RepaymentOutcome(detail(recovery, call, enterprise, true), true);
        }
        Versions.requireCurrent(recovery.getVersion(), version);
        UserAccount finance = currentUser.require();
        Instant now = clock.instant();
        RecoveryRepayment repayment = new RecoveryRepayment(recovery.getId(), amount, receivedOn, reference,
                finance.getUsername(), now);
        recovery.repay(amount, now);
        em.persist(repayment);
        postings.post(List.of(LedgerTransaction.repayment(recovery.getCallId(), recovery.reference(), amount,
                finance.getUsername(), now)));
        Versions.flush(em);
        events.fire(new RecoveryEvents.RecoveryRepaid(finance.actor(), recovery.getId(), amount, reference,
                recovery.outstanding()));
        return new RepaymentOutcome(detail(recovery, call, enterprise, true), false);
    }

    /** 解除拨付限制: an open recovery no longer blocks payments to the enterprise; the debt stands. With a reason, once. */
    @RolesAllowed(Role.Names.APPROVER)
    public RecoveryDetail releaseBlock(@NotNull Long id, Long version, @Size(max = Lengths.REASON) String reason) {
        Recovery recovery = find(id);
        em.refresh(recovery, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireCurrent(recovery.getVersion(), version);
        UserAccount approver = currentUser.require();
        recovery.releaseBlock(reason, approver.getUsername(), clock.instant());
        Versions.flush(em);
        events.fire(new RecoveryEvents.RecoveryBlockReleased(approver.actor(), recovery.getId(),
                recovery.getBlockReleaseReason()));
        return detail(recovery, em.find(FundingCall.class, recovery.getCallId()),
                em.find(Organisation.class, recovery.getEnterpriseId()), true);
    }

    /**
     * The recoveries a filter finds, open ones first, the earliest due first: the bureau's all (by state; only the
     * overdue, OPEN and due before the bureau's today; an enterprise's name or USCC containing {@code enterprise}), an
     * enterprise's only its own (the enterprise filter is then its own).
     */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.REVIEWER, Role.Names.ENTERPRISE})
    public RecoveryPage list(RecoveryState state, boolean overdue, @Size(max = Lengths.ORGANISATION_NAME) String enterprise,
                             @Min(0) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        UserAccount user = currentUser.require();
        boolean bureau = isBureau(user);
        Long own = bureau ? null : user.getOrganisation().getId();
        boolean byText = bureau && enterprise != null && !enterprise.isBlank();
        LocalDate today = today();
        StringBuilder where = new StringBuilder(" from Recovery r, FundingCall c, Organisation o where c.id = r.callId"
                + " and o.id = r.enterpriseId");
        if (own != null) {
            where.append(" and r.enterpriseId = :own");
        }
        if (state != null) {
            where.append(" and r.state = :state");
        }
        if (overdue) {
            where.append(" and r.state = :open and r.dueOn < :today");
        }
        if (byText) {
            where.append(" and (lower(o.name) like :name" + LikePatterns.ESCAPE + " or o.uscc like :uscc"
                    + LikePatterns.ESCAPE + ")");
        }
        TypedQuery<Long> count = em.createQuery("select count(r)" + where, Long.class);
        // OPEN sorts before SETTLED: what is owed first, the earliest due first
        TypedQuery<Object[]> rows = em.createQuery("select r, c.title, o.uscc, o.name" + where
                + " order by r.state, r.dueOn, r.id desc", Object[].class);
        for (TypedQuery<?> q : List.of(count, rows)) {
            if (own != null) {
                q.setParameter("own", own);
            }
            if (state != null) {
                q.setParameter("state", state);
            }
            if (overdue) {
                q.setParameter("open", RecoveryState.OPEN).setParameter("today", today);
            }
            if (byText) {
                q.setParameter("name", LikePatterns.containingLower(enterprise));
                q.setParameter("uscc", LikePatterns.containingUpper(enterprise));
            }
        }
        long total = count.getSingleResult();
        long first = (long) page * size; // a page past the end is empty, never an overflow
        List<RecoveryView> items = first >= total ? List.of() : rows.setFirstResult((int) first).setMaxResults(size)
                .getResultStream().map(r -> RecoveryView.of((Recovery) r[0], (String) r[1], (String) r[2], (String) r[3],
                        today, bureau)).toList();
        return new RecoveryPage(items, page, size, total);
    }

    /** One recovery with its repayments: the bureau any, an enterprise its own. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.REVIEWER, Role.Names.ENTERPRISE})
    public RecoveryDetail get(@NotNull Long id) {
        UserAccount user = currentUser.require();
        Recovery recovery = em.find(Recovery.class, id);
        boolean bureau = isBureau(user);
        if (recovery == null || !(bureau || (user.hasRole(Role.ENTERPRISE)
                && user.getOrganisation().getId() == recovery.getEnterpriseId()))) {
            if (recovery != null) {
                events.fire(new RecoveryEvents.RecoveryAccessDenied(currentUser.actor(), id));
            }
            throw BusinessException.notFound("recovery.notFound", String.valueOf(id));
        }
        return detail(recovery, em.find(FundingCall.class, recovery.getCallId()),
                em.find(Organisation.class, recovery.getEnterpriseId()), bureau);
    }

    private RecoveryDetail detail(Recovery r, FundingCall call, Organisation enterprise, boolean bureau) {
        List<RepaymentView> repayments = em.createQuery("select p from RecoveryRepayment p where p.recoveryId = :recovery"
                        + " order by p.receivedOn, p.id", RecoveryRepayment.class).setParameter("recovery", r.getId())
                .getResultStream().map(p -> RepaymentView.of(p, bureau)).toList();
        return new RecoveryDetail(RecoveryView.of(r, call.getTitle(), enterprise.getUscc().orElse(null),
                enterprise.getName(), today(), bureau), repayments);
    }

    /** The enterprise registered under the code; a code that is not one says why, one nobody registered is refused. */
    private Organisation enterprise(String uscc) {
        String code = Uscc.parse(uscc.toUpperCase(Locale.ROOT)).value();
        return em.createQuery("select o from Organisation o where o.uscc = :uscc and o.kind = :enterprise",
                        Organisation.class).setParameter("uscc", code).setParameter("enterprise", OrganisationKind.ENTERPRISE)
                .getResultStream().findFirst()
                .orElseThrow(() -> BusinessException.invalid("recovery.enterpriseUnknown", code));
    }

    /** 已拨付 to the enterprise in the call: its PAID items. */
    private static final String PAID_SQL = "select coalesce(sum(i.amount), 0) from payment_item i where i.call_id = ?1"
            + " and i.enterprise_id = ?2 and i.state = ?3";

    /** 已追回 (asked back) from the enterprise in the call: its recoveries, settled or not. */
    private static final String ASKED_SQL = "select coalesce(sum(r.amount), 0) from recovery r where r.call_id = ?1"
            + " and r.enterprise_id = ?2";

    /**
     * What may still be asked back from the enterprise in the call (paid less asked back, never below 0), for the
     * recoveries the product raises itself (ProjectRecoveries), in the caller's transaction under the call's lock.
     */
    @PermitAll
    public Money stillRecoverable(long callId, long enterpriseId) {
        Money paid = paid(callId, enterpriseId);
        Money asked = askedBack(callId, enterpriseId);
        return asked.isGreaterThan(paid) ? Money.ZERO : paid.minus(asked);
    }

    private Money paid(long callId, long enterpriseId) {
        return money(em.createNativeQuery(PAID_SQL).setParameter(1, callId).setParameter(2, enterpriseId)
                .setParameter(3, PaymentItemState.PAID.name()).getSingleResult());
    }

    private Money askedBack(long callId, long enterpriseId) {
        return money(em.createNativeQuery(ASKED_SQL).setParameter(1, callId).setParameter(2, enterpriseId)
                .getSingleResult());
    }

    private static Money money(Object sum) {
        return Money.of(sum instanceof BigDecimal b ? b : new BigDecimal(sum.toString()));
    }

    private Recovery find(Long id) {
        Recovery recovery = em.find(Recovery.class, id);
        if (recovery == null) {
            throw BusinessException.notFound("recovery.notFound", String.valueOf(id));
        }
        return recovery;
    }

    private static boolean isBureau(UserAccount user) {
        return user.hasRole(Role.FINANCE) || user.hasRole(Role.APPROVER) || user.hasRole(Role.REVIEWER);
    }

    /** Today in the bureau's calendar by the server's clock (which the tests can move). */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE));
    }
}
