package org.innofund.certificate.domain;

/**
 * The documents the bureau issues on its decisions (证书与通知书), each with its own run of serial numbers per year:
 * {@code <prefix>-<year>-<code>-<six digits>}, e.g. {@code CXKJ-2026-BZ-000123}.
 */
public enum CertificateType {
    /** 立项通知书: a project approved after its public notice. */
    APPROVAL_NOTICE("LX", "立项通知书"),
    /** 验收证书: a project that passed its acceptance, with the grade. */
    ACCEPTANCE_CERTIFICATE("YS", "验收证书"),
    /** 后补助确认书: the amount an approved calculation run grants an enterprise in a call. */
    SUBSIDY_CONFIRMATION("BZ", "后补助确认书"),
    /** 拨付通知书: a payment the bank reported as paid. */
    PAYMENT_NOTICE("BF", "拨付通知书");

    private final String code;
    private final String title;

    CertificateType(String code, String title) {
        this.code = code;
        this.title = title;
    }

    /** The two letters in the serial number. */
    public String code() {
        return code;
    }

    /** The document's title as printed (Chinese: the documents are Chinese only). */
    public String title() {
        return title;
    }
}
