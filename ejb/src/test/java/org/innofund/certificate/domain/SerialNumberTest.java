package org.innofund.certificate.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SerialNumberTest {

    @Test
    void printedWithPrefixYearTypeAndSixDigits() {
        assertEquals("CXKJ-2026-BZ-000123", new SerialNumber("CXKJ", CertificateType.SUBSIDY_CONFIRMATION, 2026, 123).text());
        assertEquals("CXKJ-2026-LX-000001", new SerialNumber("CXKJ", CertificateType.APPROVAL_NOTICE, 2026, 1).text());
        assertEquals("CXKJ-2027-YS-999999", new SerialNumber("CXKJ", CertificateType.ACCEPTANCE_CERTIFICATE, 2027, 999_999).text());
        assertEquals("CXKJ-2026-BF-1000000", new SerialNumber("CXKJ", CertificateType.PAYMENT_NOTICE, 2026, 1_000_000).text());
    }

    @Test
    void noNumberZeroNoOddYearNoOddPrefix() {
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber("CXKJ", CertificateType.PAYMENT_NOTICE, 2026, 0));
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber("CXKJ", CertificateType.PAYMENT_NOTICE, 1999, 1));
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber("cx-1", CertificateType.PAYMENT_NOTICE, 2026, 1));
    }
}
