package org.innofund.audit.domain;

import org.innofund.shared.event.AuditOutcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditEntryTest {

    private static final Instant T = Instant.parse("2025-05-20T01:00:00.123456789Z");
    private static final String PREV = "ab".repeat(32);

    private static AuditRecord base() {
        return new AuditRecord("li.na", 150L, "慈溪市科学技术局", "USER_DISABLE", "user:zhang.wei",
                AuditOutcome.SUCCESS, "说明", "192.168.1.20");
    }

    private static AuditEntry entry(AuditRecord record) {
        return new AuditEntry(7, T, record, PREV);
    }

    private static String hashOf(AuditRecord record) {
        return entry(record).getEntryHash();
    }

    @Test
    void theTimeIsKeptToTheMillisecond() {
        AuditEntry e = entry(base());
        assertEquals(Instant.parse("2025-05-20T01:00:00.123Z"), e.getOccurredAt());
        // what a database returns (milliseconds) hashes the same as what was written
        AuditEntry sameMillisecond = new AuditEntry(7, Instant.parse("2025-05-20T01:00:00.123999Z"), base(), PREV);
        assertEquals(e.getEntryHash(), sameMillisecond.getEntryHash());
        AuditEntry nextMillisecond = new AuditEntry(7, Instant.parse("2025-05-20T01:00:00.124Z"), base(), PREV);
        assertNotEquals(e.getEntryHash(), nextMillisecond.getEntryHash());
    }

    @Test
    void theStoredHashIsTheHashOfTheEntry() {
        AuditEntry e = entry(base());
        assertEquals(AuditChain.hash(e), e.getEntryHash());
        assertEquals(PREV, e.getPrevHash());
        assertEquals(7, e.getSeq());
    }

    /**
     * The stored chain must stay verifiable after upgrades, so the canonical form is pinned here: each field as
     * "length:value;" ("-1:;" for null) in the order seq, time, user, organisation id and name, action, target,
     * outcome, detail, client address, previous hash; SHA-256 over its UTF-8 bytes, lower-case hex.
     */
    @Test
    void theCanonicalFormIsStable() throws Exception {
        AuditEntry e = new AuditEntry(7, T, new AuditRecord("li.na", 150L, null, "LOGIN", "WEB",
                AuditOutcome.FAILURE, "x", "::1"), PREV);
        String canonical = "1:7;" + "24:2025-05-20T01:00:00.123Z;" + "5:li.na;" + "3:150;" + "-1:;" + "5:LOGIN;"
                + "3:WEB;" + "7:FAILURE;" + "1:x;" + "3:::1;" + "64:" + PREV + ";";
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, e.getEntryHash());
    }

    /** Oracle stores '' as NULL: an empty text is kept and hashed as null, so the chain verifies on what is read back. */
    @Test
    void nullAndEmptyHashAlike() {
        AuditRecord r = base();
        assertEquals(hashOf(withDetail(r, null)), hashOf(withDetail(r, "")));
        assertEquals(null, new AuditEntry(1, T, withDetail(r, ""), PREV).getDetail());
        assertEquals(
                hashOf(new AuditRecord(null, r.organisationId(), r.organisationName(), r.action(), r.target(),
                        r.outcome(), r.detail(), r.clientAddress())),
                hashOf(new AuditRecord("", r.organisationId(), r.organisationName(), r.action(), r.target(),
                        r.outcome(), r.detail(), r.clientAddress())));
        // a value that looks like the encoding of null is still not null
        assertNotEquals(hashOf(withDetail(r, null)), hashOf(withDetail(r, "-1:;")));
    }

    @Test
    void movingTextFromOneFieldToTheNextChangesTheHash() {
        AuditRecord r = base();
        AuditRecord a = new AuditRecord("ab", r.organisationId(), "c", r.action(), r.target(), r.outcome(),
                r.detail(), r.clientAddress());
        AuditRecord b = new AuditRecord("a", r.organisationId(), "bc", r.action(), r.target(), r.outcome(),
                r.detail(), r.clientAddress());
        assertNotEquals(hashOf(a), hashOf(b));
        AuditRecord c = new AuditRecord("a;", r.organisationId(), "b", r.action(), r.target(), r.outcome(),
                r.detail(), r.clientAddress());
        AuditRecord d = new AuditRecord("a", r.organisationId(), ";b", r.action(), r.target(), r.outcome(),
                r.detail(), r.clientAddress());
        assertNotEquals(hashOf(c), hashOf(d));
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        AuditRecord r = base();
        String original = hashOf(r);
        List<UnaryOperator<AuditRecord>> changes = List.of(
                x -> new AuditRecord("li.na2", x.organisationId(), x.organisationName(), x.action(), x.target(), x.outcome(), x.detail(), x.clientAddress()),
                x -> new AuditRecord(x.username(), 151L, x.organisationName(), x.action(), x.target(), x.outcome(), x.detail(), x.clientAddress()),
                x -> new AuditRecord(x.username(), null, x.organisationName(), x.action(), x.target(), x.outcome(), x.detail(), x.clientAddress()),
                x -> new AuditRecord(x.username(), x.organisationId(), "慈溪市科技局", x.action(), x.target(), x.outcome(), x.detail(), x.clientAddress()),
                x -> new AuditRecord(x.username(), x.organisationId(), x.organisationName(), "USER_ENABLE", x.target(), x.outcome(), x.detail(), x.clientAddress()),
                x -> new AuditRecord(x.username(), x.organisationId(), x.organisationName(), x.action(), "user:wang.fang", x.outcome(), x.detail(), x.clientAddress()),
                x -> new AuditRecord(x.username(), x.organisationId(), x.organisationName(), x.action(), x.target(), AuditOutcome.DENIED, x.detail(), x.clientAddress()),
                x -> new AuditRecord(x.username(), x.organisationId(), x.organisationName(), x.action(), x.target(), x.outcome(), "说明。", x.clientAddress()),
                x -> new AuditRecord(x.username(), x.organisationId(), x.organisationName(), x.action(), x.target(), x.outcome(), x.detail(), "192.168.1.21"));
        for (UnaryOperator<AuditRecord> change : changes) {
            assertNotEquals(original, hashOf(change.apply(r)), change.apply(r).toString());
        }
        assertNotEquals(original, new AuditEntry(8, T, r, PREV).getEntryHash());
        assertNotEquals(original, new AuditEntry(7, T, r, "cd".repeat(32)).getEntryHash());
    }

    @Test
    void overlongFieldsAreClippedToTheirColumns() {
        AuditRecord r = new AuditRecord("u".repeat(65), 1L, "名".repeat(201), "ACTION", "t".repeat(201),
                AuditOutcome.FAILURE, "细".repeat(1001), "a".repeat(65));
        AuditEntry e = entry(r);
        // the column lengths of V002__audit.sql
        assertEquals("u".repeat(64), e.getUsername());
        assertEquals("名".repeat(200), e.getOrganisationName());
        assertEquals("t".repeat(200), e.getTarget());
        assertEquals("细".repeat(1000), e.getDetail());
        assertEquals("a".repeat(64), e.getClientAddress());
        // and the hash is over what is stored, so the entry verifies
        assertEquals(AuditChain.hash(e), e.getEntryHash());
        AuditChain chain = new AuditChain();
        AuditEntry first = new AuditEntry(1, T, r, AuditChain.GENESIS_HASH);
        chain.accept(first);
        chain.finish(1, first.getEntryHash());
        assertTrue(chain.result().intact());
    }

    @Test
    void valuesAtTheColumnLengthAreKeptWhole() {
        AuditRecord r = new AuditRecord("u".repeat(64), 1L, "名".repeat(200), "ACTION", "t".repeat(200),
                AuditOutcome.FAILURE, "细".repeat(1000), "a".repeat(64));
        AuditEntry e = entry(r);
        assertEquals(r.username(), e.getUsername());
        assertEquals(r.organisationName(), e.getOrganisationName());
        assertEquals(r.target(), e.getTarget());
        assertEquals(r.detail(), e.getDetail());
        assertEquals(r.clientAddress(), e.getClientAddress());
    }

    @Test
    void clippingNeverSplitsACharacter() {
        // U+20BB7 (𠮷) is one character in two UTF-16 units; cut between them, the stored text would not be
        // valid Unicode: the database would store a replacement character and the entry would no longer verify
        String rare = new String(Character.toChars(0x20BB7));
        String detail = "细".repeat(999) + rare + "尾";
        String stored = entry(withDetail(base(), detail)).getDetail();
        assertEquals(999, stored.length(), "the character that does not fit whole is left out whole");
        assertTrue(stored.equals("细".repeat(999)), "only the text before the cut is kept");
        assertTrue(stored.equals(new String(stored.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)),
                "the stored text survives a UTF-8 round trip");

        String name = "名".repeat(199) + rare;
        assertEquals(201, name.length());
        String clippedName = entry(new AuditRecord("u", 1L, name, "A", null, AuditOutcome.SUCCESS, null, null))
                .getOrganisationName();
        assertTrue(clippedName.equals("名".repeat(199)), "cut inside the pair: " + clippedName.length() + " units kept");

        String fits = "名".repeat(198) + rare;
        assertEquals(200, fits.length());
        String keptWhole = entry(new AuditRecord("u", 1L, fits + "x", "A", null, AuditOutcome.SUCCESS, null, null))
                .getOrganisationName();
        assertTrue(keptWhole.equals(fits), "a pair ending exactly at the limit is kept: " + keptWhole.length());
    }

    @Test
    void nullFieldsStayNull() {
        AuditEntry e = entry(new AuditRecord(null, null, null, "STARTUP", null, AuditOutcome.SUCCESS, null, null));
        assertNull(e.getUsername());
        assertNull(e.getOrganisationId());
        assertNull(e.getOrganisationName());
        assertNull(e.getTarget());
        assertNull(e.getDetail());
        assertNull(e.getClientAddress());
        assertEquals(AuditChain.hash(e), e.getEntryHash());
    }

    private static AuditRecord withDetail(AuditRecord r, String detail) {
        return new AuditRecord(r.username(), r.organisationId(), r.organisationName(), r.action(), r.target(),
                r.outcome(), detail, r.clientAddress());
    }
}
