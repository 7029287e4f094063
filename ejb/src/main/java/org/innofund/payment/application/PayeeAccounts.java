package org.innofund.payment.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.CallStatus;
import org.innofund.payment.domain.PayeeAccount;
import org.innofund.payment.domain.PayeeAccountEvents;
import org.innofund.program.domain.RuleParameter;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;
import org.innofund.subsidy.domain.BankAccount;
import org.innofund.subsidy.domain.ExemptEvents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 收款账户: an enterprise keeps the bank account it is paid to; its users read and change it (their own enterprise's
 * only: another's is not found, and the attempt audited). A change is a new account replacing the current one, made on
 * the account and version the user read; it is audited and told to the enterprise's users on their home page, and
 * payments to it wait for the call's days ({@code accountHoldDays}) unless finance, having called the company,
 * releases the hold. The enterprise's first account is not held: nothing was swapped.
 */
@Stateless
public class PayeeAccounts {

    /** How long a change is told on the enterprise's home page. */
    public static final Duration NOTICE_PERIOD = Duration.ofDays(30);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private Event<DomainEvent> events;

    /** The days a change holds payments where no call is in question: the parameter's default. */
    public static int defaultHoldDays() {
        return RuleParameter.ACCOUNT_HOLD_DAYS.defaultValue().intValue();
    }

    /**
     * The longest hold a published call sets (the default at least): a changed account may hold some call's payments
     * that long, so finance is shown it until then.
     */
    @PermitAll
    public int longestHoldDays() {
        return em.createQuery("select c from FundingCall c where c.status = :published", FundingCall.class)
                .setParameter("published", CallStatus.PUBLISHED).getResultStream()
                .mapToInt(FundingCall::getAccountHoldDays).reduce(defaultHoldDays(), Math::max);
    }

    /** The caller's enterprise's account, with every account it had. */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public MyPayeeAccount mine() {
        Organisation o = currentUser.require().getOrganisation();
        List<PayeeAccount> all = em.createQuery("select a from PayeeAccount a where a.enterpriseId = :e"
                + " order by a.changedAt desc, a.id desc", PayeeAccount.class).setParameter("e", o.getId()).getResultList();
        Map<String, String> names = displayNames(all.stream().map(PayeeAccount::getChangedBy).toList());
        Instant now = clock.instant();
        List<PayeeAccountView> views = all.stream().map(a -> PayeeAccountView.of(a, names.get(a.getChangedBy()),
                defaultHoldDays(), now)).toList();
        return new MyPayeeAccount(o.getId(), o.getName(),
                views.stream().filter(PayeeAccountView::current).findFirst().orElse(null), views, defaultHoldDays());
    }

    /** One account, current or past: its enterprise's users and finance read it; anyone else is answered 404. */
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.FINANCE})
    public PayeeAccountView account(@NotNull Long id) {
        UserAccount user = currentUser.require();
        PayeeAccount a = em.find(PayeeAccount.class, id);
        if (a == null || !(user.hasRole(Role.FINANCE) || owns(user, a))) {
            throw denied(id, a != null);
        }
        return view(a);
    }

    /**
     * 变更收款账户: the caller's enterprise's account from now on, made on the account it read ({@code replaces} and
     * {@code version}; 409 if it has changed since). Checked as a 免申即享 account is (the name the registered name,
     * 8 to 32 digits) plus a branch. The same account as the current one changes nothing.
     */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public PayeeAccountView change(@NotNull PayeeAccountChange change) {
        UserAccount user = currentUser.require();
        Organisation o = user.getOrganisation();
        PayeeAccount current = currentOf(o.getId()).orElse(null);
        if (change.replaces() != null) {
            PayeeAccount read = em.find(PayeeAccount.class, change.replaces());
            if (read == null || !owns(user, read)) {
                throw denied(change.replaces(), read != null);
            }
            if (current == null || !current.getId().equals(read.getId())) {
                throw BusinessException.conflict("request.conflict"); // replaced since it was read
            }
            Versions.requireCurrent(current.getVersion(), change.version());
        } else if (current != null) {
            throw BusinessException.conflict("request.conflict"); // set by someone else since the caller saw none
        }
        BankAccount account = BankAccount.of(change.accountName(), change.accountNumber(), change.bankName(), o.getName());
        String branch = change.branchName() == null ? "" : change.branchName().strip();
        if (branch.isEmpty() || branch.length() > Lengths.SHORT_NAME) {
            throw BusinessException.invalid("payeeAccount.branchName", Lengths.SHORT_NAME);
        }
        if (current != null && current.bankAccount().equals(account) && current.getBranchName().equals(branch)) {
            return view(current);
        }
        PayeeAccount next = new PayeeAccount(o.getId(), account, branch, current, user.getUsername(), clock.instant());
        Versions.flush(em); // the replaced account first: no longer current, at the version read
        em.persist(next);
        try {
            em.flush();
        } catch (PersistenceException e) { // another user set the enterprise's first account at the same moment
            throw BusinessException.conflict("request.conflict");
        }
        events.fire(new PayeeAccountEvents.AccountChanged(user.actor(), next.getId(), o.getId(),
                PayeeAccountEvents.lastDigits(next.getAccountNumber()), current == null));
        return view(next);
    }

    /**
     * 免申即享: an enterprise confirming a subsidy names the account to pay it to, checked as a payee account is; if it
     * has no payee account yet, that one becomes its first (not held: nothing was swapped). The confirmation asks for
     * the bank without a branch, so the bank's name as given stands for the branch too; the enterprise corrects it on
     * its account page (a change, held as any other). An enterprise with an account keeps it: a confirmation does not
     * change where money goes.
     */
    @PermitAll
    public void firstFromConfirmation(@Observes ExemptEvents.RequestConfirmed confirmed) {
        if (currentOf(confirmed.enterpriseId()).isPresent()) {
            return;
        }
        BankAccount account = confirmed.account();
        PayeeAccount first = new PayeeAccount(confirmed.enterpriseId(), account, account.bankName(), null,
                confirmed.by().username(), clock.instant());
        em.persist(first);
        em.flush(); // a first account set at the same moment by a user: the confirmation fails rather than pick one
        events.fire(new PayeeAccountEvents.AccountChanged(confirmed.by(), first.getId(), confirmed.enterpriseId(),
                PayeeAccountEvents.lastDigits(first.getAccountNumber()), true));
    }

    /** 近期变更: the caller's enterprise's accounts set in the last {@link #NOTICE_PERIOD}, the newest first. */
    @RolesAllowed(Role.Names.ENTERPRISE)
    public List<PayeeAccountNotice> recentChanges() {
        long enterpriseId = currentUser.require().getOrganisation().getId();
        Instant now = clock.instant();
        List<PayeeAccount> recent = em.createQuery("select a from PayeeAccount a where a.enterpriseId = :e"
                        + " and a.changedAt >= :since order by a.changedAt desc, a.id desc", PayeeAccount.class)
                .setParameter("e", enterpriseId).setParameter("since", now.minus(NOTICE_PERIOD)).getResultList();
        Map<Long, PayeeAccount> replaced = byId(recent.stream().map(PayeeAccount::getReplacesId).toList());
        Map<String, String> names = displayNames(recent.stream().map(PayeeAccount::getChangedBy).toList());
        return recent.stream().map(a -> {
            PayeeAccount old = a.getReplacesId() == null ? null : replaced.get(a.getReplacesId());
            return new PayeeAccountNotice(a.getId(), a.getChangedAt(), a.getChangedBy(), names.get(a.getChangedBy()),
                    a.getBankName(), PayeeAccountEvents.lastDigits(a.getAccountNumber()),
                    old == null ? null : old.getBankName(),
                    old == null ? null : PayeeAccountEvents.lastDigits(old.getAccountNumber()),
                    a.isCurrent() && a.onHold(defaultHoldDays(), now) ? a.holdEnds(defaultHoldDays()) : null);
        }).toList();
    }

    /**
     * 待核实: every enterprise's current account on hold now by the longest days a call sets, the longest-waiting first, with the
     * account it replaced.
     */
    @RolesAllowed(Role.Names.FINANCE)
    public List<PayeeHoldView> holds() {
        Instant now = clock.instant();
        int days = longestHoldDays();
        List<PayeeAccount> held = em.createQuery("select a from PayeeAccount a where a.currentOf is not null"
                        + " and a.replacesId is not null and a.holdReleasedAt is null and a.changedAt >= :since"
                        + " order by a.changedAt, a.id", PayeeAccount.class)
                .setParameter("since", now.minus(Duration.ofDays(days + 2L))).getResultList() // a day either side: the zone
                .stream().filter(a -> a.onHold(days, now)).toList();
        Map<Long, PayeeAccount> replaced = byId(held.stream().map(PayeeAccount::getReplacesId).toList());
        Map<String, String> names = displayNames(held.stream().map(PayeeAccount::getChangedBy).toList());
        Map<Long, Organisation> enterprises = new HashMap<>();
        return held.stream().map(a -> {
            PayeeAccount old = replaced.get(a.getReplacesId());
            Organisation e = enterprises.computeIfAbsent(a.getEnterpriseId(), id -> em.find(Organisation.class, id));
            return new PayeeHoldView(a.getId(), a.getVersion(), a.getEnterpriseId(), e.getName(), e.getUscc().orElse(null),
                    a.getAccountName(), a.getBankName(), a.getBranchName(),
                    PayeeAccountEvents.lastDigits(a.getAccountNumber()), old.getBankName(),
                    PayeeAccountEvents.lastDigits(old.getAccountNumber()), a.getChangedBy(),
                    names.get(a.getChangedBy()), a.getChangedAt(), a.holdEnds(days));
        }).toList();
    }

    /**
     * 解除冻结: finance called the company and confirmed the change; {@code note} says how. At the version read (409 if
     * changed since); an account not held (an enterprise's first, one released already, one replaced since) is 409.
     */
    @RolesAllowed(Role.Names.FINANCE)
    public PayeeAccountView releaseHold(@NotNull Long id, Long version, String note) {
        PayeeAccount a = em.find(PayeeAccount.class, id);
        if (a == null) {
            throw BusinessException.notFound("payeeAccount.notFound", id);
        }
        Versions.requireCurrent(a.getVersion(), version);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > Lengths.REASON) {
            throw BusinessException.invalid("payeeAccount.releaseNote", Lengths.REASON);
        }
        if (!a.isCurrent() || a.getReplacesId() == null || a.getHoldReleasedAt() != null) {
            throw BusinessException.conflict("payeeAccount.notHeld");
        }
        UserAccount user = currentUser.require();
        a.releaseHold(text, user.getUsername(), clock.instant());
        Versions.flush(em);
        events.fire(new PayeeAccountEvents.HoldReleased(user.actor(), a.getId(), a.getEnterpriseId(),
                PayeeAccountEvents.lastDigits(a.getAccountNumber()), text));
        return view(a);
    }

    /**
     * The enterprise's current account, if any, for the other parts of payment (a batch pays to it and holds an item
     * whose call's days have not passed since the change): internal, no caller's role in question.
     */
    @PermitAll
    public Optional<PayeeAccount> current(long enterpriseId) {
        return currentOf(enterpriseId);
    }

    private Optional<PayeeAccount> currentOf(long enterpriseId) {
        return em.createQuery("select a from PayeeAccount a where a.currentOf = :e", PayeeAccount.class)
                .setParameter("e", enterpriseId).getResultStream().findFirst();
    }

    private static boolean owns(UserAccount user, PayeeAccount a) {
        return user.hasRole(Role.ENTERPRISE) && user.getOrganisation().getId() == a.getEnterpriseId();
    }

    private BusinessException denied(Long id, boolean exists) {
        if (exists) {
            events.fire(new PayeeAccountEvents.AccessDenied(currentUser.actor(), id));
        }
        return BusinessException.notFound("payeeAccount.notFound", id);
    }

    private PayeeAccountView view(PayeeAccount a) {
        return PayeeAccountView.of(a, displayNames(List.of(a.getChangedBy())).get(a.getChangedBy()), defaultHoldDays(),
                clock.instant());
    }

    private Map<Long, PayeeAccount> byId(Collection<Long> ids) {
        Set<Long> wanted = new HashSet<>(ids);
        wanted.remove(null);
        Map<Long, PayeeAccount> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            em.createQuery("select a from PayeeAccount a where a.id in :ids", PayeeAccount.class)
                    .setParameter("ids", wanted).getResultList().forEach(a -> found.put(a.getId(), a));
        }
        return found;
    }

    private Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        Set<String> wanted = new HashSet<>(usernames);
        if (!wanted.isEmpty()) {
            em.createQuery("select u from UserAccount u where u.username in :names", UserAccount.class)
                    .setParameter("names", wanted).getResultList()
                    .forEach(u -> names.put(u.getUsername(), u.getDisplayName()));
        }
        return names;
    }
}
