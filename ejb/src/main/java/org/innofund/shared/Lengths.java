package org.innofund.shared;

/** Column lengths shared by {@code @Column(length)}, {@code @Size(max)} and the migration scripts. */
public final class Lengths {
    public static final int USERNAME = 64;
    public static final int PERSON_NAME = 100;
    public static final int ORGANISATION_NAME = 200;
    public static final int PHONE = 40;
    public static final int ADDRESS = 200;
    public static final int TITLE = 200;
    public static final int AUDIT_TARGET = 200;
    public static final int AUDIT_DETAIL = 1000;
    public static final int CLIENT_ADDRESS = 64;
    public static final int PASSWORD_MAX = 128;
    /** VARCHAR2(18): a unified social credit code. */
    public static final int USCC = 18;
    /** Names of a department, an attachment requirement, a scoring indicator: VARCHAR2(100). */
    public static final int SHORT_NAME = 100;
    /** Certificate and invoice numbers: VARCHAR2(64). */
    public static final int DOCUMENT_NO = 64;
    /** Reasons of a decision or a blacklist entry: VARCHAR2(1000). */
    public static final int REASON = 1000;
    /** Free text stored as CLOB (summary, key indicators, a call's guide): what the page's text areas take. */
    public static final int LONG_TEXT = 20_000;

    private Lengths() {
    }
}
