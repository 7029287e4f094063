package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfirmationRequestTest {

    static final Instant CLOSES = Instant.parse("2026-06-30T16:00:00Z");
    static final BankAccount ACCOUNT = BankAccount.of("甲公司", "6222021234567890", "工商银行", "甲公司");

    static ConfirmationRequest request() {
        return new ConfirmationRequest(1, 2, ExemptSheetTest.A, "甲公司", 2,
                ImportedFigures.rd(Money.parse("1"), null, Money.ZERO, Money.ZERO, 0, 0, 0, 1),
                Money.parse("300000.00"), new RequestSteps(List.of(new Calculation.Step("步骤", "step"))),
                Instant.parse("2026-05-01T00:00:00Z"));
    }

    @Test
    void lapsesAtTheCallsCloseNotBefore() {
        ConfirmationRequest r = request();
        assertEquals(ConfirmationState.PENDING, r.stateAt(CLOSES.minusMillis(1), CLOSES));
        assertEquals(ConfirmationState.EXPIRED, r.stateAt(CLOSES, CLOSES));
        assertEquals(ConfirmationState.PENDING, r.getState(), "EXPIRED is how it reads, never stored");
    }

    @Test
    void confirmsOnceWithTheAccount() {
        ConfirmationRequest r = request();
        r.confirm(ACCOUNT, 7, "ent", CLOSES.minusSeconds(60), CLOSES);
        assertEquals(ConfirmationState.CONFIRMED, r.getState());
        assertEquals(7L, r.getEnterpriseId());
        assertEquals("6222021234567890", r.getAccountNumber());
        BusinessException twice = assertThrows(BusinessException.class,
                () -> r.confirm(ACCOUNT, 7, "ent", CLOSES.minusSeconds(30), CLOSES));
        assertEquals("exempt.alreadyAnswered", twice.messageKey());
        assertEquals(BusinessException.Kind.CONFLICT, twice.kind());
        assertThrows(BusinessException.class, () -> r.decline(7, "ent", CLOSES.minusSeconds(30), CLOSES));
        assertEquals(ConfirmationState.CONFIRMED, r.stateAt(CLOSES.plusSeconds(1), CLOSES), "a confirmed request never lapses");
    }

    @Test
    void refusesAnAnswerAfterTheClose() {
        ConfirmationRequest r = request();
        assertEquals("exempt.callClosed", assertThrows(BusinessException.class,
                () -> r.confirm(ACCOUNT, 7, "ent", CLOSES, CLOSES)).messageKey());
        assertEquals(ConfirmationState.PENDING, r.getState());
        assertEquals(null, r.getAccountNumber());
    }

    @Test
    void declines() {
        ConfirmationRequest r = request();
        r.decline(7, "ent", CLOSES.minusSeconds(1), CLOSES);
        assertEquals(ConfirmationState.DECLINED, r.getState());
        assertEquals("exempt.alreadyAnswered", assertThrows(BusinessException.class,
                () -> r.confirm(ACCOUNT, 7, "ent", CLOSES.minusSeconds(1), CLOSES)).messageKey());
    }
}
