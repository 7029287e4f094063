package org.innofund.payment.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.payment.domain.Balances;
import org.innofund.payment.domain.LedgerAccount;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.payment.domain.LedgerTransactionKind;
import org.innofund.payment.infrastructure.LedgerTable;
import org.innofund.program.domain.FundingCall;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the payment context writes its ledger, in the caller's transaction: the call's row locked first (so that no
 * two writers of one call interleave), its balances read once, every new transaction checked against them in order
 * (refused, nothing written, if an account would leave its side), then all stored. Only inside a caller's
 * transaction (MANDATORY): the payment context's services, each of which checks who may do what it records. Written by
 * {@link LedgerTable}, in batches.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LedgerPostings {

    /** Joined to the entries {@code e}: those of repayments into AVAILABLE (已追回). */
    static final String REPAID = " join ledger_transaction t on t.id = e.transaction_id and t.kind = '"
            + LedgerTransactionKind.REPAYMENT.name() + "' and e.account = '" + LedgerAccount.AVAILABLE.name() + "'";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private LedgerTable table;

    /**
     * The call, its row locked for the rest of the transaction. What the caller changed is written first: locking an
     * entity already managed reads it again, and would lose changes not yet written (a call just published).
     */
    public FundingCall lock(long callId) {
        em.flush();
        FundingCall call = em.find(FundingCall.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (call == null) {
            throw BusinessException.notFound("call.notFound", callId);
        }
        return call;
    }

    /**
     * Records transactions of one call if none takes an account past its side. The call's row is locked before its
     * balances are read (a caller may have locked it already), so that two postings to one call never both pass on the
     * same balance: the guard that nothing is committed beyond the budget under any interleaving.
     */
    public void post(List<LedgerTransaction> transactions) {
        if (transactions.isEmpty()) {
            return;
        }
        long callId = transactions.get(0).getCallId();
        lock(callId);
        Balances balances = balances(List.of(callId));
        for (LedgerTransaction t : transactions) {
            if (t.getCallId() != callId) {
                throw new IllegalArgumentException("one call's transactions at a time");
            }
            balances = balances.after(t);
        }
        table.insert(transactions);
    }

    /**
     * Records the call's allocation unless it has one. Publication does it; a call that became PUBLISHED another way
     * (written into the database by hand or a fixture) is allocated here when the ledger first needs its budget.
     */
    public void allocateOnce(FundingCall call, String by) {
        boolean allocated = !em.createQuery("select t.id from LedgerTransaction t where t.callId = :call"
                        + " and t.kind = :allocation", Long.class).setParameter("call", call.getId())
                .setParameter("allocation", LedgerTransactionKind.ALLOCATION).setMaxResults(1).getResultList().isEmpty();
        if (!allocated && !call.getBudget().isZero()) {
            post(List.of(LedgerTransaction.allocation(call.getId(), call.getBudget(), by, clock.instant())));
        }
    }

    /**
     * The accounts' balances over these calls: a grouped sum over the entries alone, which their (call, account,
     * amount) index answers without reading the table.
     */
    public Balances balances(List<Long> callIds) {
        em.flush(); // a transaction recorded earlier in this one is counted
        Map<LedgerAccount, Long> sums = new EnumMap<>(LedgerAccount.class);
        for (Object[] row : entrySums("select e.account, sum(e.amount_fen) from ledger_entry e", callIds, "group by e.account")) {
            sums.put(LedgerAccount.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return Balances.of(sums);
    }

    /** 已追回: what was repaid of the recoveries of these calls (the REPAYMENT entries into AVAILABLE). */
    public Money recovered(List<Long> callIds) {
        List<Object[]> rows = entrySums("select 'x', sum(e.amount_fen) from ledger_entry e" + REPAID, callIds, "");
        Object sum = rows.isEmpty() ? null : rows.get(0)[1];
        return sum == null ? Money.ZERO : Money.ofFen(((Number) sum).longValue());
    }

    /** A native query over the entries {@code e} of these calls: {@code select} "where e.call_id in (?1, ...)" {@code tail}. */
    @SuppressWarnings("unchecked")
    private List<Object[]> entrySums(String select, List<Long> callIds, String tail) {
        StringBuilder sql = new StringBuilder(select).append(" where e.call_id in (");
        for (int i = 1; i <= callIds.size(); i++) {
            sql.append(i == 1 ? "?" : ", ?").append(i);
        }
        var query = em.createNativeQuery(sql.append(") ").append(tail).toString());
        for (int i = 0; i < callIds.size(); i++) {
            query.setParameter(i + 1, callIds.get(i));
        }
        return query.getResultList();
    }
}
