package org.innofund.payment.application;

import org.innofund.payment.domain.LedgerAccount;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.payment.domain.LedgerTransactionKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** One transaction of a call's ledger with its movement of each account in yuan (debit positive). */
public record LedgerTransactionView(long id, LedgerTransactionKind kind, String reference, String reason,
                                    Long reversesId, String recordedBy, Instant recordedAt,
                                    Map<LedgerAccount, BigDecimal> amounts) {

    static LedgerTransactionView of(LedgerTransaction t) {
        Map<LedgerAccount, BigDecimal> amounts = new EnumMap<>(LedgerAccount.class);
        t.effect().forEach((account, fen) -> amounts.put(account, BigDecimal.valueOf(fen, 2)));
        return new LedgerTransactionView(t.getId(), t.getKind(), t.getReference(), t.getReason(), t.getReversesId(),
                t.getRecordedBy(), t.getRecordedAt(), amounts);
    }
}
