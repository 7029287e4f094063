package org.innofund.subsidy.application;

import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.ConfirmationState;
import org.innofund.subsidy.domain.ImportedFigures;

import java.time.Instant;
import java.util.List;

/**
 * A confirmation request (确认享受) as the enterprise and the bureau see it: the call, the amount and its explanation,
 * the figures it came from, its state as of now (EXPIRED once the call closed unanswered), and the version an answer
 * must carry. {@code bankName} and {@code accountNumber} only once confirmed.
 */
public record RequestView(long id, long version, long callId, String callTitle, SubsidyKind kind, Instant closesAt,
                          String uscc, String companyName, int sourceRow, Money amount, List<Calculation.Step> steps,
                          ImportedFigures figures, ConfirmationState state, String bankName, String accountNumber,
                          Instant decidedAt) {

    public boolean answerable() {
        return state == ConfirmationState.PENDING;
    }
}
