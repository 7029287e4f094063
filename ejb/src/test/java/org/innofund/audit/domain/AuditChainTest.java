package org.innofund.audit.domain;

import org.innofund.shared.event.AuditOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainTest {

    static final Instant T0 = Instant.parse("2025-05-20T01:00:00Z");

    /** The head as the migration creates it: number 0, the genesis hash. */
    static AuditChainHead genesisHead() {
        try {
            Constructor<AuditChainHead> constructor = AuditChainHead.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            AuditChainHead head = constructor.newInstance();
            set(head, "id", AuditChainHead.ID);
            set(head, "lastSeq", 0L);
            set(head, "lastHash", AuditChain.GENESIS_HASH);
            return head;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static void set(Object target, String fieldName, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(fieldName);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static AuditRecord record(int n) {
        return new AuditRecord("user" + n, 100L + n, "单位" + n, "ACTION_" + n, "target:" + n,
                n % 3 == 0 ? AuditOutcome.DENIED : AuditOutcome.SUCCESS, "detail " + n, "10.0.0." + n);
    }

    /** Appends {@code count} entries through the head, a minute apart. */
    static List<AuditEntry> chain(AuditChainHead head, int count) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            entries.add(head.append(record(n), T0.plus(Duration.ofMinutes(n))));
        }
        return entries;
    }

    /** What the verification does: every entry in order, then the head. */
    static AuditChain.Result verify(List<AuditEntry> entries, AuditChainHead head) {
        AuditChain chain = new AuditChain();
        for (AuditEntry e : entries) {
            chain.accept(e);
        }
        chain.finish(head.getLastSeq(), head.getLastHash());
        return chain.result();
    }

    private static void assertBroken(AuditChain.Result result, long seq, String problemKey) {
        assertFalse(result.intact());
        assertEquals(seq, result.firstBrokenSeq());
        assertEquals(problemKey, result.problemKey());
    }

    @Test
    void genesisHashIs64Zeros() {
        assertEquals("0000000000000000000000000000000000000000000000000000000000000000", AuditChain.GENESIS_HASH);
    }

    @Test
    void anEmptyChainWithTheGenesisHeadIsIntact() {
        AuditChain.Result result = verify(List.of(), genesisHead());
        assertTrue(result.intact());
        assertEquals(0, result.checkedEntries());
        assertNull(result.firstBrokenSeq());
        assertNull(result.problemKey());
    }

    @Test
    void theHeadNumbersAndLinksTheEntries() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 3);
        assertEquals(1, entries.get(0).getSeq());
        assertEquals(AuditChain.GENESIS_HASH, entries.get(0).getPrevHash());
        assertEquals(2, entries.get(1).getSeq());
        assertEquals(entries.get(0).getEntryHash(), entries.get(1).getPrevHash());
        assertEquals(entries.get(1).getEntryHash(), entries.get(2).getPrevHash());
        assertEquals(3, head.getLastSeq());
        assertEquals(entries.get(2).getEntryHash(), head.getLastHash());
        assertTrue(entries.get(2).getEntryHash().matches("[0-9a-f]{64}"));
    }

    @Test
    void anUntouchedChainIsIntact() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 6);
        AuditChain.Result result = verify(entries, head);
        assertTrue(result.intact());
        assertEquals(6, result.checkedEntries());
        assertNull(result.firstBrokenSeq());
        assertNull(result.problemKey());
    }

    @Test
    void aChangedDetailIsFound() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 5);
        set(entries.get(2), "detail", "nothing happened here");
        AuditChain.Result result = verify(entries, head);
        assertBroken(result, 3, "audit.verify.content");
        assertEquals(2, result.checkedEntries());
    }

    @Test
    void aChangedOutcomeIsFound() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 5);
        assertEquals(AuditOutcome.DENIED, entries.get(2).getOutcome());
        set(entries.get(2), "outcome", AuditOutcome.SUCCESS);
        assertBroken(verify(entries, head), 3, "audit.verify.content");
    }

    @Test
    void aChangedTimeIsFound() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 5);
        set(entries.get(1), "occurredAt", entries.get(1).getOccurredAt().plusMillis(1));
        assertBroken(verify(entries, head), 2, "audit.verify.content");
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedBreaksTheNextLink() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 5);
        AuditEntry forged = entries.get(2);
        set(forged, "username", "someone.else");
        set(forged, "entryHash", AuditChain.hash(forged));
        assertBroken(verify(entries, head), 4, "audit.verify.link");
    }

    @Test
    void aRewrittenTailIsCaughtByTheHead() {
        // an attacker who recomputes every hash from entry 3 on still cannot move the head
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 5);
        set(entries.get(2), "detail", "forged");
        String prev = entries.get(1).getEntryHash();
        for (AuditEntry e : entries.subList(2, 5)) {
            set(e, "prevHash", prev);
            set(e, "entryHash", AuditChain.hash(e));
            prev = e.getEntryHash();
        }
        assertBroken(verify(entries, head), 6, "audit.verify.tail");
    }

    @Test
    void aRemovedMiddleEntryIsAGap() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 5);
        entries.remove(2);
        AuditChain.Result result = verify(entries, head);
        assertBroken(result, 4, "audit.verify.gap");
        assertEquals(2, result.checkedEntries());
    }

    @Test
    void aMissingFirstEntryIsAGap() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 3);
        entries.remove(0);
        assertBroken(verify(entries, head), 2, "audit.verify.gap");
    }

    @Test
    void entriesOutOfOrderAreAGap() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 4);
        Collections.swap(entries, 1, 2);
        assertBroken(verify(entries, head), 3, "audit.verify.gap");
    }

    @Test
    void swappedPrevHashesBreakTheLink() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 5);
        String second = entries.get(1).getPrevHash();
        set(entries.get(1), "prevHash", entries.get(2).getPrevHash());
        set(entries.get(2), "prevHash", second);
        assertBroken(verify(entries, head), 2, "audit.verify.link");
    }

    @Test
    void theFirstEntryMustFollowGenesis() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 2);
        set(entries.get(0), "prevHash", "f".repeat(64));
        assertBroken(verify(entries, head), 1, "audit.verify.link");
    }

    @Test
    void aDroppedLastEntryIsFoundAtTheTail() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 5);
        entries.remove(4);
        AuditChain chain = new AuditChain();
        for (AuditEntry e : entries) {
            assertTrue(chain.accept(e), "entries 1-4 are intact by themselves");
        }
        assertFalse(chain.finish(head.getLastSeq(), head.getLastHash()));
        AuditChain.Result result = chain.result();
        assertBroken(result, 5, "audit.verify.tail");
        assertEquals(4, result.checkedEntries());
    }

    @Test
    void allEntriesDroppedIsFoundAtTheTail() {
        AuditChainHead head = genesisHead();
        chain(head, 3);
        assertBroken(verify(List.of(), head), 1, "audit.verify.tail");
    }

    @Test
    void anEntryBeyondTheHeadIsFoundAtTheTail() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = new ArrayList<>(chain(head, 3));
        AuditChainHead stale = genesisHead();
        chain(stale, 2);
        assertBroken(verify(entries, stale), 4, "audit.verify.tail");
    }

    @Test
    void onlyTheFirstBreakIsReported() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 6);
        set(entries.get(1), "detail", "first change");
        set(entries.get(4), "detail", "second change");
        AuditChain chain = new AuditChain();
        assertTrue(chain.accept(entries.get(0)));
        assertFalse(chain.accept(entries.get(1)));
        for (AuditEntry e : entries.subList(2, 6)) {
            assertFalse(chain.accept(e), "after a break nothing is accepted");
        }
        assertFalse(chain.finish(head.getLastSeq(), head.getLastHash()));
        AuditChain.Result result = chain.result();
        assertBroken(result, 2, "audit.verify.content");
        assertEquals(1, result.checkedEntries());
    }

    @Test
    void twoChainsOfTheSameRecordsAtDifferentTimesDiffer() {
        AuditChainHead a = genesisHead();
        AuditChainHead b = genesisHead();
        a.append(record(1), T0);
        b.append(record(1), T0.plusMillis(1));
        assertNotEquals(a.getLastHash(), b.getLastHash());
    }

    /**
     * Oracle stores '' as NULL: an entry written with empty texts comes back with nulls, and must still verify.
     * Every text field is tried, each empty on the way in and null on the way back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"username", "organisationName", "target", "detail", "clientAddress"})
    void anEmptyTextReadBackAsNullStillVerifies(String field) {
        AuditChainHead head = genesisHead();
        AuditRecord empty = new AuditRecord(field.equals("username") ? "" : "u", 7L,
                field.equals("organisationName") ? "" : "单位", "ACTION", field.equals("target") ? "" : "t",
                AuditOutcome.SUCCESS, field.equals("detail") ? "" : "d", field.equals("clientAddress") ? "" : "10.0.0.1");
        List<AuditEntry> entries = new ArrayList<>(List.of(head.append(empty, T0), head.append(record(2), T0.plusSeconds(1))));
        set(entries.get(0), field, null); // as Oracle reads it back
        AuditChain.Result result = verify(entries, head);
        assertTrue(result.intact(), field + ": " + result);
        assertEquals(2, result.checkedEntries());
    }

    /** Alike means only empty and null: a blank or a changed text still breaks the chain. */
    @Test
    void aBlankIsNotEmpty() {
        AuditChainHead head = genesisHead();
        List<AuditEntry> entries = chain(head, 3);
        set(entries.get(1), "detail", " ");
        assertBroken(verify(entries, head), 2, "audit.verify.content");
    }
}
