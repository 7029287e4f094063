package org.innofund.certificate.domain;

/** Where an issued document stands, as the public verification tells it. */
public enum CertificateState {
    /** 有效 */
    VALID,
    /** 已被取代: a later version of the same decision issued a new document (or withdrew what this one stated). */
    SUPERSEDED,
    /** 已撤销: the bureau revoked it, with a reason. */
    REVOKED
}
