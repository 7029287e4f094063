package org.innofund.certificate.application;

import org.innofund.certificate.domain.CertificateContent.Fact;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A document to issue, as the decision's context states it: whom it concerns, which decision in which version, and
 * what it says. The serial number, the verification code and the enterprise's name as registered are added at issue.
 *
 * @param subject        the decision ("project:12", "call:3:enterprise:7")
 * @param subjectVersion the exact version of it this document states ("run:41"); a new version supersedes
 */
public record CertificateDraft(CertificateType type, long enterpriseId, Long projectId, long callId, String subject,
                               String subjectVersion, Money amount, LocalDate decidedOn, String statement,
                               List<Fact> facts, List<String> steps) {
}
