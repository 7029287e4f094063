package org.innofund.certificate.application;

import java.io.Serializable;

/**
 * What an uploaded PDF is: {@code issued} whether its bytes are exactly those of a document the bureau issued (its
 * SHA-256 is one of theirs: then {@code document} tells which and its state), and {@code signatureIntact} whether it
 * carries the bureau's signature over all of its bytes (false for a changed byte, an appended update, another signer).
 */
public record UploadVerification(boolean pdf, boolean issued, boolean signatureIntact, String sha256,
                                 Verification document) implements Serializable {
}
