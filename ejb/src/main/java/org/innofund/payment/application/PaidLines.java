package org.innofund.payment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.payment.domain.PaymentResult;
import org.innofund.payment.domain.Tranche;
import org.innofund.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * What a batch paid, as the certificate context reads it when the bank's results are recorded (in that transaction):
 * every item the bank paid, with the account it went to (bank and the account number's last four digits only).
 */
@ApplicationScoped
public class PaidLines {

    /** One paid item of a batch. */
    public record Paid(long itemId, long batchId, long callId, long enterpriseId, Long projectId, Tranche tranche,
                       Money amount, String bankReference, LocalDate paidOn, String bankName, String accountTail) {
    }

    @PersistenceContext
    private EntityManager em;

    public List<Paid> paidIn(long batchId) {
        return em.createQuery("select l, i, a from PaymentBatchLine l, PaymentItem i, PayeeAccount a where l.batchId = :b"
                        + " and l.result = :paid and i.id = l.itemId and a.id = l.payeeAccountId order by l.position",
                        Object[].class).setParameter("b", batchId).setParameter("paid", PaymentResult.PAID)
                .getResultStream().map(r -> {
                    var line = (org.innofund.payment.domain.PaymentBatchLine) r[0];
                    var item = (org.innofund.payment.domain.PaymentItem) r[1];
                    var account = (org.innofund.payment.domain.PayeeAccount) r[2];
                    String number = account.getAccountNumber();
                    return new Paid(item.getId(), batchId, item.getCallId(), item.getEnterpriseId(), item.getProjectId(),
                            item.getTranche(), line.getAmount(), line.getBankReference(), line.getPaidOn(),
                            account.getBankName(), number.substring(Math.max(0, number.length() - 4)));
                }).toList();
    }
}
