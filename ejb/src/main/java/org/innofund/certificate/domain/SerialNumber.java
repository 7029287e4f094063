package org.innofund.certificate.domain;

import java.util.Objects;

/**
 * 编号: a document's number in its type's run of the year, printed {@code <prefix>-<year>-<type code>-<six digits>}
 * (e.g. {@code CXKJ-2026-BZ-000123}; a year past 999,999 documents of a type prints more digits rather than wrapping).
 */
public record SerialNumber(String prefix, CertificateType type, int year, int number) {

    public SerialNumber {
        Objects.requireNonNull(prefix);
        Objects.requireNonNull(type);
        if (!prefix.matches("[A-Z]{2,8}")) {
            throw new IllegalArgumentException("a serial number's prefix is 2 to 8 capital letters: " + prefix);
        }
        if (year < 2000 || year > 9999 || number < 1) {
            throw new IllegalArgumentException("no serial number " + number + " in " + year);
        }
    }

    public String text() {
        return String.format("%s-%04d-%s-%06d", prefix, year, type.code(), number);
    }

    @Override
    public String toString() {
        return text();
    }
}
