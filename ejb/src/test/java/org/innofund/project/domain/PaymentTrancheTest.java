package org.innofund.project.domain;

import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tranches of an approved amount: without an advance share (the default 0) all after acceptance; with one, the
 * advance rounded down to the fen (never above the share) and the rest after acceptance, the two summing to the amount.
 */
class PaymentTrancheTest {

    @Test
    void withoutAnAdvanceShareEverythingIsPaidAfterAcceptance() {
        for (BigDecimal none : new BigDecimal[] {null, BigDecimal.ZERO, new BigDecimal("0.00")}) {
            assertEquals(List.of(new PaymentTranche(1, PaymentTranche.Due.AFTER_ACCEPTANCE, Money.parse("300000.00"))),
                    PaymentTranche.of(Money.parse("300000.00"), none));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "300000.00, 0.30, 90000.00, 210000.00",
            "100000.01, 0.30, 30000.00, 70000.01",   // 30,000.003 rounds down
            "100.00, 0.333, 33.30, 66.70",
            "0.03, 0.5, 0.01, 0.02",                 // 0.015 rounds down to a fen
            "1.00, 0.999, 0.99, 0.01",
            "5000000.00, 0.01, 50000.00, 4950000.00"})
    void anAdvanceIsTheShareRoundedDownAndTheRestComesAfterAcceptance(String approved, String share, String advance,
                                                                       String rest) {
        List<PaymentTranche> tranches = PaymentTranche.of(Money.parse(approved), new BigDecimal(share));
        assertEquals(List.of(new PaymentTranche(1, PaymentTranche.Due.AFTER_CONTRACT, Money.parse(advance)),
                new PaymentTranche(2, PaymentTranche.Due.AFTER_ACCEPTANCE, Money.parse(rest))), tranches);
        assertEquals(Money.parse(approved), tranches.get(0).amount().plus(tranches.get(1).amount()));
    }

    @Test
    void aShareTooSmallForAFenIsNoAdvanceAndAShareOfOneIsAllInAdvance() {
        assertEquals(List.of(new PaymentTranche(1, PaymentTranche.Due.AFTER_ACCEPTANCE, Money.parse("0.01"))),
                PaymentTranche.of(Money.parse("0.01"), new BigDecimal("0.5")));
        assertEquals(Money.ZERO, PaymentTranche.advance(Money.parse("0.01"), new BigDecimal("0.5")));
        assertEquals(List.of(new PaymentTranche(1, PaymentTranche.Due.AFTER_CONTRACT, Money.parse("300000.00"))),
                PaymentTranche.of(Money.parse("300000.00"), BigDecimal.ONE));
    }
}
