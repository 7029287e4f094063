package org.innofund.certificate.application;

import org.innofund.certificate.domain.CertificateState;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the public verification tells about a document: what it is, for whom, the amount and date it states, whether
 * it still stands (and why not: the serial of the document that superseded it, or the reason it was revoked), and the
 * SHA-256 of its PDF (to compare with a copy).
 */
public record Verification(CertificateType type, String serial, String enterpriseName, String enterpriseUscc,
                           Money amount, LocalDate decidedOn, CertificateState state, String supersededBySerial,
                           String revokeReason, Instant endedAt, String sha256) implements Serializable {
}
