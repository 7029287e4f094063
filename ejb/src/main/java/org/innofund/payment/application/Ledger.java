package org.innofund.payment.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.domain.Role;
import org.innofund.payment.domain.Balances;
import org.innofund.payment.domain.LedgerAccount;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.program.domain.CallStatus;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.ProgramEvents;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 预算台账: every call's budget as double-entry accounts (see {@link LedgerAccount}), and what they say. Transactions
 * are recorded in the transaction of what they record, through {@link LedgerPostings} — a call's publication allocates
 * its budget here, the payment items of an approved run are committed by {@link PaymentItems} — each under the call's
 * row lock and refused if an account would leave its side. Balances are sums of the entries.
 */
@Stateless
public class Ledger {

    /** The most transactions one page may ask for. */
    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private LedgerPostings postings;

    /** 预算下达: a published call's budget becomes available (a call without budget has nothing to allocate). */
    @PermitAll
    public void allocate(@Observes ProgramEvents.CallPublished published) {
        postings.allocateOnce(postings.lock(published.callId()), published.by().username());
    }

    /** A call's budget as its ledger says. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.REVIEWER})
    public BudgetView budget(@NotNull Long callId) {
        FundingCall call = find(callId);
        return BudgetView.of(callId, call.getTitle(), call.getYear(), 1, postings.balances(List.of(callId)), postings.recovered(List.of(callId)));
    }

    /** 预算执行表: every published call's budget, the newest call first. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.REVIEWER})
    public List<BudgetView> budgets() {
        Map<Long, Map<LedgerAccount, Long>> sums = sumsByCall();
        Map<Long, Long> repaid = repaidByCall();
        return publishedCalls().stream().map(c -> BudgetView.of(c.getId(), c.getTitle(), c.getYear(), 1,
                Balances.of(sums.getOrDefault(c.getId(), Map.of())), Money.ofFen(repaid.getOrDefault(c.getId(), 0L))))
                .toList();
    }

    /** 按项目类别和年度: the published calls of each program and year, their ledgers summed, the newest year first. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.REVIEWER})
    public List<BudgetView> programYears() {
        Map<Long, Map<LedgerAccount, Long>> sums = sumsByCall();
        Map<Long, Long> repaid = repaidByCall();
        Map<String, List<FundingCall>> groups = new LinkedHashMap<>();
        publishedCalls().forEach(c -> groups.computeIfAbsent(c.getYear() + ":" + c.getProgram().getId(),
                k -> new ArrayList<>()).add(c));
        List<BudgetView> views = new ArrayList<>();
        for (List<FundingCall> calls : groups.values()) {
            Map<LedgerAccount, Long> total = new EnumMap<>(LedgerAccount.class);
            long totalRepaid = 0;
            for (FundingCall c : calls) {
                sums.getOrDefault(c.getId(), Map.of()).forEach((a, fen) -> total.merge(a, fen, Math::addExact));
                totalRepaid += repaid.getOrDefault(c.getId(), 0L);
            }
            FundingCall first = calls.get(0);
            views.add(BudgetView.of(null, first.getProgram().getName(), first.getYear(), calls.size(), Balances.of(total),
                    Money.ofFen(totalRepaid)));
        }
        return views;
    }

    private List<FundingCall> publishedCalls() {
        return em.createQuery("select c from FundingCall c join fetch c.program where c.status = :published"
                        + " order by c.year desc, c.id desc", FundingCall.class)
                .setParameter("published", CallStatus.PUBLISHED).getResultList();
    }

    /** Per call and account, the sum of the entries: one grouped scan of the entries' index. */
    private Map<Long, Map<LedgerAccount, Long>> sumsByCall() {
        Map<Long, Map<LedgerAccount, Long>> sums = new HashMap<>();
        for (Object row : em.createNativeQuery("select e.call_id, e.account, sum(e.amount_fen) from ledger_entry e"
                + " group by e.call_id, e.account").getResultList()) {
            Object[] r = (Object[]) row;
            sums.computeIfAbsent(((Number) r[0]).longValue(), id -> new EnumMap<>(LedgerAccount.class))
                    .put(LedgerAccount.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        return sums;
    }

    /** Per call, what was repaid (已追回). */
    private Map<Long, Long> repaidByCall() {
        Map<Long, Long> repaid = new HashMap<>();
        for (Object row : em.createNativeQuery("select e.call_id, sum(e.amount_fen) from ledger_entry e" + LedgerPostings.REPAID
                + " group by e.call_id").getResultList()) {
            Object[] r = (Object[]) row;
            repaid.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return repaid;
    }

    /** A program's published calls of one year, their ledgers summed. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.REVIEWER})
    public BudgetView programYear(@NotNull Long programId, int year) {
        List<FundingCall> calls = em.createQuery("select c from FundingCall c where c.program.id = :program"
                        + " and c.year = :year and c.status = :published", FundingCall.class)
                .setParameter("program", programId).setParameter("year", year)
                .setParameter("published", CallStatus.PUBLISHED).getResultList();
        if (calls.isEmpty()) {
            throw BusinessException.notFound("ledger.noCalls", programId, year);
        }
        List<Long> ids = calls.stream().map(FundingCall::getId).toList();
        return BudgetView.of(null, calls.get(0).getProgram().getName(), year, calls.size(), postings.balances(ids), postings.recovered(ids));
    }

    /** The transactions behind a figure: those of the call moving {@code account}, the newest first. */
    @RolesAllowed({Role.Names.FINANCE, Role.Names.APPROVER, Role.Names.REVIEWER})
    public List<LedgerTransactionView> transactions(@NotNull Long callId, @NotNull LedgerAccount account, @Min(0) int page,
                                                    @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        find(callId);
        long first = (long) page * size; // a page past the end is empty, never an overflow
        if (first > Integer.MAX_VALUE) {
            return List.of();
        }
        return em.createQuery("select t from LedgerTransaction t where t.callId = :call and exists (select 1 from"
                        + " LedgerTransaction u join u.entries e where u.id = t.id and e.account = :account)"
                        + " order by t.recordedAt desc, t.id desc", LedgerTransaction.class)
                .setParameter("call", callId).setParameter("account", account)
                .setFirstResult((int) first).setMaxResults(size).getResultStream().map(LedgerTransactionView::of).toList();
    }

    private FundingCall find(Long callId) {
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null) {
            throw BusinessException.notFound("call.notFound", callId);
        }
        return call;
    }
}
