package org.innofund.certificate.domain;

import org.innofund.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one document prints, fixed when it is issued (so that it is rendered from this and nothing else): the
 * renderer lays it out, it decides nothing.
 *
 * @param serialNo         e.g. {@code CXKJ-2026-BZ-000123}
 * @param issuer           the bureau's name, printed as the issuer above the date
 * @param statement        the decision in one or two sentences (e.g. "经评审和公示，准予立项。")
 * @param facts            the facts of the decision as label and value, in order (项目名称, 申报批次, 年度, ...)
 * @param steps            the explanation's steps of a subsidy confirmation, in order; empty for the other types
 * @param amount           the amount the document states, printed in figures and in capital numerals; null if none
 * @param date             the date of the decision
 * @param verificationCode as printed (grouped), what the public verification page asks for
 * @param verificationUrl  what the QR code holds: the public verification page with the code
 */
public record CertificateContent(CertificateType type, String serialNo, String issuer, String enterpriseName,
                                 String enterpriseUscc, String statement, List<Fact> facts, List<String> steps,
                                 Money amount, LocalDate date, String verificationCode, String verificationUrl) {

    public CertificateContent {
        Objects.requireNonNull(type);
        Objects.requireNonNull(serialNo);
        Objects.requireNonNull(date);
        facts = List.copyOf(facts);
        steps = List.copyOf(steps);
    }

    /** One printed line of facts: a label and its value. */
    public record Fact(String label, String value) {
    }
}
