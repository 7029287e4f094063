package org.innofund.declaration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An R&D service bought from a provider, claimed in a SHARED_SERVICE (innovation voucher) declaration. */
@Embeddable
public class ServiceRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "provider_name", length = 200)
    private String providerName;

    @Column(name = "provider_uscc", length = 18)
    private String providerUscc;

    @Column(name = "invoice_no", length = 64)
    private String invoiceNo;

    @Column(name = "invoice_date")
    private LocalDate invoiceDate;

    @Column(precision = 16, scale = 2)
    private BigDecimal amount;

    protected ServiceRecord() {
    }

    public ServiceRecord(String providerName, String providerUscc, String invoiceNo, LocalDate invoiceDate, BigDecimal amount) {
        this.providerName = providerName == null ? null : providerName.strip();
        this.providerUscc = providerUscc == null ? null : providerUscc.strip();
        this.invoiceNo = invoiceNo == null ? null : invoiceNo.strip();
        this.invoiceDate = invoiceDate;
        this.amount = amount;
    }

    public String getProviderName() {
        return providerName;
    }

    public String getProviderUscc() {
        return providerUscc;
    }

    public String getInvoiceNo() {
        return invoiceNo;
    }

    public LocalDate getInvoiceDate() {
        return invoiceDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
