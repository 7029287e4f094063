package org.innofund.it;

import jakarta.transaction.UserTransaction;
import org.innofund.payment.application.LedgerPostings;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.shared.Money;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the recovery tests start from, until payment batches record real payments: an approved run's payable items of
 * some enterprises made PAID, as the bank's result will make them, in one transaction with their PAYMENT ledger
 * transactions, posted through {@link LedgerPostings} (its lock and its guard); and a registered user moved into a
 * seeded enterprise, so that a test can act as that enterprise.
 */
final class PaidItems {

    private PaidItems() {
    }

    /** Pays the enterprise's payable items of the call; the total paid. */
    static BigDecimal pay(DataSource dataSource, UserTransaction transaction, LedgerPostings postings, long callId,
                          long enterpriseId) throws Exception {
        transaction.begin();
        try (Connection c = dataSource.getConnection()) {
            List<LedgerTransaction> payments = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            try (PreparedStatement ps = c.prepareStatement("select id, amount from payment_item where call_id = ? and"
                    + " enterprise_id = ? and state = 'PAYABLE'")) {
                ps.setLong(1, callId);
                ps.setLong(2, enterpriseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        payments.add(LedgerTransaction.payment(callId, "item:" + rs.getLong(1), Money.of(rs.getBigDecimal(2)),
                                "recovery-fixture", Instant.now()));
                        total = total.add(rs.getBigDecimal(2));
                    }
                }
            }
            if (payments.isEmpty()) {
                throw new IllegalStateException("nothing payable of enterprise " + enterpriseId + " in call " + callId);
            }
            try (PreparedStatement ps = c.prepareStatement("update payment_item set state = 'PAID' where call_id = ? and"
                    + " enterprise_id = ? and state = 'PAYABLE'")) {
                ps.setLong(1, callId);
                ps.setLong(2, enterpriseId);
                ps.executeUpdate();
            }
            postings.post(payments);
            transaction.commit();
            return total;
        } catch (Exception | Error e) {
            transaction.rollback();
            throw e;
        }
    }

    /** The seeded enterprises of a {@link SandboxCalls} call, in their order. */
    static List<Long> enterprises(DataSource dataSource, long callId) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select enterprise_id from declaration where call_id = ? order by submitted_at, id")) {
            ps.setLong(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The enterprise's credit code. */
    static String uscc(DataSource dataSource, long enterpriseId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select uscc from organisation where id = ?")) {
            ps.setLong(1, enterpriseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Moves a registered user into the enterprise (the user then acts for it). */
    static void attach(DataSource dataSource, String username, long enterpriseId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update user_account set organisation_id = ? where username = ?")) {
            ps.setLong(1, enterpriseId);
            ps.setString(2, username);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no user " + username);
            }
        }
    }
}
