package org.innofund.audit.domain;

import org.innofund.shared.Lengths;
import org.innofund.shared.event.AuditOutcome;

/**
 * What is to be audited, before it gets its place in the chain. Texts are clipped to their columns on the way in, so
 * the chained entry holds (and hashes) exactly what every database reads back.
 */
public record AuditRecord(String username, Long organisationId, String organisationName, String action,
                          String target, AuditOutcome outcome, String detail, String clientAddress) {

    public AuditRecord {
        username = clip(username, Lengths.USERNAME);
        organisationName = clip(organisationName, Lengths.ORGANISATION_NAME);
        target = clip(target, Lengths.AUDIT_TARGET);
        detail = clip(detail, Lengths.AUDIT_DETAIL);
        clientAddress = clip(clientAddress, Lengths.CLIENT_ADDRESS);
    }

    /**
     * At most {@code max} UTF-16 units, never cutting a surrogate pair (a lone half would not survive the database);
     * an empty text is kept as null, as Oracle stores it, so the hash is over what every database reads back.
     */
    private static String clip(String s, int max) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
