package org.innofund.payment.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.Role;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.payment.application.EnterpriseMoneyView.Block;
import org.innofund.payment.application.EnterpriseMoneyView.BlockKind;
import org.innofund.payment.application.EnterpriseMoneyView.CallMoney;
import org.innofund.payment.application.EnterpriseMoneyView.Item;
import org.innofund.payment.application.EnterpriseMoneyView.RecoveryLine;
import org.innofund.payment.domain.PayeeAccount;
import org.innofund.payment.domain.PaymentBatchLine;
import org.innofund.payment.domain.PaymentItem;
import org.innofund.payment.domain.PaymentItemState;
import org.innofund.payment.domain.PaymentResult;
import org.innofund.payment.domain.Recovery;
import org.innofund.program.domain.FundingCall;
import org.innofund.shared.Money;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 资金拨付 (ENTERPRISE): the caller's own enterprise's money, per call and year, read from the payment items, the bank's
 * results, the recoveries, its payee account and the blacklist; nobody else's, whatever is asked.
 */
@Stateless
@RolesAllowed(Role.Names.ENTERPRISE)
public class EnterpriseMoney {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private PayeeAccounts payeeAccounts;

    @EJB
    private IntegrityRegistry integrity;

    public EnterpriseMoneyView mine() {
        Organisation o = currentUser.require().getOrganisation();
        long enterpriseId = o.getId();
        Instant now = clock.instant();
        List<PaymentItem> items = em.createQuery("select i from PaymentItem i where i.enterpriseId = :e and i.state <> :cancelled"
                        + " order by i.callId, i.runId, i.position, i.tranche", PaymentItem.class)
                .setParameter("e", enterpriseId).setParameter("cancelled", PaymentItemState.CANCELLED).getResultList();
        List<Recovery> recoveries = em.createQuery("select r from Recovery r where r.enterpriseId = :e order by r.id",
                Recovery.class).setParameter("e", enterpriseId).getResultList();
        Map<Long, PaymentBatchLine> paidLines = paidLines(items);

        PayeeAccount account = payeeAccounts.current(enterpriseId).orElse(null);
        List<Block> blocks = new ArrayList<>();
        if (account == null) {
            blocks.add(new Block(BlockKind.NO_ACCOUNT, null, null));
        } else if (!account.getAccountName().equals(o.getName())) {
            blocks.add(new Block(BlockKind.ACCOUNT_NAME, null, account.getAccountName()));
        }
        recoveries.stream().filter(Recovery::blocksPayments)
                .forEach(r -> blocks.add(new Block(BlockKind.RECOVERY, null, r.getReason())));
        integrity.inForce(IntegrityRecord.SubjectKind.ENTERPRISE, o.getUscc().orElse(null))
                .ifPresent(d -> blocks.add(new Block(BlockKind.BLACKLIST, null, d)));

        Set<Long> callIds = new LinkedHashSet<>();
        items.forEach(i -> callIds.add(i.getCallId()));
        recoveries.forEach(r -> callIds.add(r.getCallId()));
        List<CallMoney> calls = new ArrayList<>();
        for (long callId : callIds) {
            FundingCall call = em.find(FundingCall.class, callId);
            List<PaymentItem> mine = items.stream().filter(i -> i.getCallId() == callId).toList();
            List<Recovery> asked = recoveries.stream().filter(r -> r.getCallId() == callId).toList();
            Money pending = sum(mine.stream().filter(i -> i.getState() == PaymentItemState.PAYABLE
                    || i.getState() == PaymentItemState.IN_BATCH).map(PaymentItem::getAmount));
            List<Block> holds = new ArrayList<>();
            if (!pending.isZero()) {
                holds.addAll(blocks);
                if (account != null && account.onHold(call.getAccountHoldDays(), now)) {
                    holds.add(new Block(BlockKind.ACCOUNT_HOLD, account.holdEnds(call.getAccountHoldDays()), null));
                }
            }
            calls.add(new CallMoney(callId, call.getTitle(), call.getYear(), sum(mine.stream().map(PaymentItem::getAmount)),
                    sum(mine.stream().filter(i -> i.getState() == PaymentItemState.PAID).map(PaymentItem::getAmount)),
                    pending, holds.isEmpty() ? Money.ZERO : pending,
                    sum(asked.stream().map(Recovery::getAmount)), sum(asked.stream().map(Recovery::getRepaid)), holds,
                    mine.stream().map(i -> item(i, paidLines.get(i.getId()))).toList(),
                    asked.stream().map(r -> new RecoveryLine(r.getId(), r.getAmount(), r.getRepaid(), r.getReason(),
                            r.getDueOn(), r.getState())).toList()));
        }
        calls.sort(Comparator.comparingInt(CallMoney::year).reversed().thenComparing(CallMoney::callId, Comparator.reverseOrder()));
        return new EnterpriseMoneyView(calls, blocks);
    }

    /** The bank's line that paid each paid item (one at most: the unique key on paid_item_id). */
    private Map<Long, PaymentBatchLine> paidLines(List<PaymentItem> items) {
        List<Long> paid = items.stream().filter(i -> i.getState() == PaymentItemState.PAID).map(PaymentItem::getId).toList();
        Map<Long, PaymentBatchLine> lines = new HashMap<>();
        for (int from = 0; from < paid.size(); from += 500) { // an IN list's worth at a time (Oracle takes 1,000)
            em.createQuery("select l from PaymentBatchLine l where l.result = :paid and l.itemId in :ids",
                            PaymentBatchLine.class).setParameter("paid", PaymentResult.PAID)
                    .setParameter("ids", paid.subList(from, Math.min(paid.size(), from + 500))).getResultList()
                    .forEach(l -> lines.put(l.getItemId(), l));
        }
        return lines;
    }

    private static Item item(PaymentItem i, PaymentBatchLine paid) {
        return new Item(i.getId(), i.getTranche(), i.getAmount(), i.getState(), i.getCreatedAt(),
                paid == null ? null : paid.getBankReference(), paid == null ? null : paid.getPaidOn());
    }

    private static Money sum(Stream<Money> amounts) {
        return Money.sum(amounts);
    }
}
