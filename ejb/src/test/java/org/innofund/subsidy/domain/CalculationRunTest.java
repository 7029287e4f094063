package org.innofund.subsidy.domain;

import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CalculationRunTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    private static CalculationRun run(BigDecimal factor) {
        CallSteps.Outcome outcome = new CallSteps.Outcome(List.of(), Money.parse("150.00"), factor,
                Money.parse("99.99"), factor == null ? null : Money.parse("0.01"));
        return new CalculationRun(10L, 1, SubsidyKind.RD_INVESTMENT, RuleParameters.defaults(SubsidyKind.RD_INVESTMENT),
                Money.parse("100.00"), outcome, "reviewer", T0);
    }

    @Test
    void aRunStartsAsAPreviewWithWhatItReadAndTheFactorRoundedDown() {
        CalculationRun r = run(new BigDecimal("0.66666666666666666667"));
        assertEquals(RunState.PREVIEW, r.getState());
        assertEquals(new BigDecimal("0.6666666666"), r.getFactor());
        assertEquals(RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).asMap(), r.parameters().asMap());
        assertEquals(Money.parse("150.00"), r.getDemand());
        assertEquals(Money.parse("0.01"), r.getLeftover());
        assertNull(run(null).getFactor());
    }

    @Test
    void whoeverRanItCannotApproveIt() {
        CalculationRun r = run(null);
        BusinessException e = assertThrows(BusinessException.class, () -> r.approve("reviewer", T0.plusSeconds(60)));
        assertEquals("calculationRun.approverIsStarter", e.messageKey());
        assertEquals(BusinessException.Kind.FORBIDDEN, e.kind());
        assertEquals(RunState.PREVIEW, r.getState());
    }

    @Test
    void anApproverFreezesItOnceAndALaterApprovalSupersedesIt() {
        CalculationRun r = run(null);
        r.approve("approver", T0.plusSeconds(60));
        assertEquals(RunState.APPROVED, r.getState());
        assertEquals("approver", r.getApprovedBy());
        assertEquals(T0.plusSeconds(60), r.getApprovedAt());
        BusinessException again = assertThrows(BusinessException.class, () -> r.approve("approver2", T0));
        assertEquals("calculationRun.notPreview", again.messageKey());
        r.supersede();
        assertEquals(RunState.SUPERSEDED, r.getState());
        assertEquals("approver", r.getApprovedBy());
        assertThrows(IllegalStateException.class, r::supersede);
        assertThrows(IllegalStateException.class, () -> run(null).supersede());
    }
}
