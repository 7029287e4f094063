package org.innofund.certificate.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private static Certificate issued() {
        return new Certificate(new SerialNumber("CXKJ", CertificateType.SUBSIDY_CONFIRMATION, 2026, 7),
                "0123456789ABCDEFGHJK", 11L, null, 3L, "call:3:enterprise:11", "run:41", Money.ofFen(10_000_005),
                LocalDate.of(2026, 11, 30), "{}", NOW);
    }

    @Test
    void issuedValidWithItsSerialAndNoPdfYet() {
        Certificate c = issued();
        assertEquals(CertificateState.VALID, c.getState());
        assertEquals("CXKJ-2026-BZ-000007", c.getSerial());
        assertEquals(7, c.getSerialNo());
        assertFalse(c.isSigned());
    }

    @Test
    void signedOnceOnly() {
        Certificate c = issued();
        c.signed("ab".repeat(32), 31_000, NOW);
        assertTrue(c.isSigned());
        assertThrows(IllegalStateException.class, () -> c.signed("cd".repeat(32), 31_000, NOW));
        assertEquals("ab".repeat(32), c.getSha256());
    }

    @Test
    void supersededNamesItsSuccessorAndARevokedOneStaysRevoked() {
        Certificate c = issued();
        c.supersede(99L, NOW);
        assertEquals(CertificateState.SUPERSEDED, c.getState());
        assertEquals(99L, c.getSupersededBy());
        assertEquals(NOW, c.getEndedAt());

        Certificate r = issued();
        r.revoke("approver", "出具依据有误", NOW);
        r.supersede(100L, NOW.plusSeconds(60));
        assertEquals(CertificateState.REVOKED, r.getState());
        assertNull(r.getSupersededBy());
        assertEquals("出具依据有误", r.getRevokeReason());
    }

    @Test
    void revokedOnlyWhileValidAndWithAReason() {
        Certificate c = issued();
        assertEquals("certificate.revokeReasonRequired",
                assertThrows(BusinessException.class, () -> c.revoke("approver", "  ", NOW)).messageKey());
        assertEquals(CertificateState.VALID, c.getState());
        c.supersede(5L, NOW);
        assertEquals("certificate.notValid",
                assertThrows(BusinessException.class, () -> c.revoke("approver", "原因", NOW)).messageKey());
    }
}
