package org.innofund.certificate.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.util.Objects;

/** The signed PDF of a certificate, written once (a table of its own so that lists of certificates never load it). */
@Entity
@Table(name = "certificate_file")
public class CertificateFile {

    @Id
    @Column(name = "certificate_id")
    private Long certificateId;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(nullable = false, updatable = false)
    private byte[] content;

    protected CertificateFile() {
    }

    public CertificateFile(long certificateId, byte[] content) {
        this.certificateId = certificateId;
        this.content = Objects.requireNonNull(content);
    }

    public byte[] getContent() {
        return content;
    }
}
