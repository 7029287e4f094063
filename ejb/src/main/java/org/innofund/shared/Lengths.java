package org.innofund.shared;

/** Column lengths shared by {@code @Column(length)}, {@code @Size(max)} and the migration scripts. */
public final class Lengths {
    public static final int USERNAME = 64;
    public static final int PERSON_NAME = 100;
    public static final int ORGANISATION_NAME = 200;
    public static final int PHONE = 40;
    public static final int TITLE = 200;
    public static final int AUDIT_TARGET = 200;
    public static final int AUDIT_DETAIL = 1000;
    public static final int CLIENT_ADDRESS = 64;
    public static final int PASSWORD_MAX = 128;

    private Lengths() {
    }
}
