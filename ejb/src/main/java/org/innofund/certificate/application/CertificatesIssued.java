package org.innofund.certificate.application;

import java.util.List;

/** Documents issued in the transaction that fires this: their PDFs are made once it has committed. */
public record CertificatesIssued(List<Long> ids) {
}
