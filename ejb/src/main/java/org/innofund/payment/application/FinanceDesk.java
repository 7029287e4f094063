package org.innofund.payment.application;

import org.innofund.shared.Money;

import java.io.Serializable;

/**
 * What waits for finance (计财科待办): payable items in no batch and their sum, batches approved and not exported,
 * exported batches with results to record, changed accounts still on hold, recoveries overdue.
 */
public record FinanceDesk(long payableItems, Money payableTotal, long toExport, long resultsToRecord, long accountsOnHold,
                          long overdueRecoveries) implements Serializable {

    public boolean nothingWaits() {
        return payableItems == 0 && toExport == 0 && resultsToRecord == 0 && accountsOnHold == 0 && overdueRecoveries == 0;
    }
}
