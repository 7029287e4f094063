package org.innofund.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's rules: each entry's hash is SHA-256 over its own fields and the previous entry's hash,
 * and numbers run 1, 2, 3... without a gap. Verification walks entries in order and names the first that
 * breaks either rule.
 */
public final class AuditChain {

    public static final String GENESIS_HASH = "0".repeat(64);

    private long expectedSeq = 1;
    private String expectedPrevHash = GENESIS_HASH;
    private long checked;
    private Long firstBrokenSeq;
    private String problem;

    /** SHA-256 over the entry's fields, each length-prefixed so that no two contents encode alike. */
    public static String hash(AuditEntry e) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(e.getSeq()));
        field(canonical, e.getOccurredAt().toString());
        field(canonical, e.getUsername());
        field(canonical, e.getOrganisationId() == null ? null : e.getOrganisationId().toString());
        field(canonical, e.getOrganisationName());
        field(canonical, e.getAction());
        field(canonical, e.getTarget());
        field(canonical, e.getOutcome().name());
        field(canonical, e.getDetail());
        field(canonical, e.getClientAddress());
        field(canonical, e.getPrevHash());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:;");
        } else {
            sb.append(value.length()).append(':').append(value).append(';');
        }
    }

    /** Checks the next entry in sequence order; returns false once the chain is broken. */
    public boolean accept(AuditEntry e) {
        if (firstBrokenSeq != null) {
            return false;
        }
        if (e.getSeq() != expectedSeq) {
            return broken(e.getSeq(), "audit.verify.gap");
        }
        if (!e.getPrevHash().equals(expectedPrevHash)) {
            return broken(e.getSeq(), "audit.verify.link");
        }
        if (!hash(e).equals(e.getEntryHash())) {
            return broken(e.getSeq(), "audit.verify.content");
        }
        checked++;
        expectedSeq++;
        expectedPrevHash = e.getEntryHash();
        return true;
    }

    /** Checks that the chain ends where the head says it ends (no entry removed from its tail). */
    public boolean finish(long headSeq, String headHash) {
        if (firstBrokenSeq != null) {
            return false;
        }
        if (expectedSeq - 1 != headSeq || !expectedPrevHash.equals(headHash)) {
            return broken(expectedSeq, "audit.verify.tail");
        }
        return true;
    }

    private boolean broken(long seq, String problemKey) {
        firstBrokenSeq = seq;
        problem = problemKey;
        return false;
    }

    public Result result() {
        return new Result(firstBrokenSeq == null, checked, firstBrokenSeq, problem);
    }

    /** {@code firstBrokenSeq} and {@code problemKey} are null when the chain is intact. */
    public record Result(boolean intact, long checkedEntries, Long firstBrokenSeq, String problemKey) {
    }
}
