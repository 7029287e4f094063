package org.innofund.declaration.application;

import org.innofund.declaration.application.DeclarationService.SubmittedRevision;
import org.innofund.declaration.application.RevisionChanges.Change;
import org.innofund.declaration.application.RevisionChanges.Field;
import org.innofund.declaration.application.RevisionChanges.FieldChange;
import org.innofund.declaration.application.RevisionChanges.LineChange;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationContent.ServiceRecordData;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * 修改对比: what an enterprise changed between two submitted revisions, as the reviewer needs it after a return.
 * Amounts are compared as money (3000000 and 3000000.00 are the same), blank text as no text. Lines are matched by
 * what identifies them (a budget line by category and source, an achievement by kind and certificate, a service by
 * provider and invoice, a file by its requirement, an other material by its description too); matched lines that differ are CHANGED, files of a requirement with
 * another SHA-256 REPLACED. Only the files in force at each submission count (not withdrawn ones).
 */
public final class RevisionDiff {

    private RevisionDiff() {
    }

    public static RevisionChanges between(int from, SubmittedRevision before, int to, SubmittedRevision after) {
        DeclarationContent b = before.content();
        DeclarationContent a = after.content();
        List<FieldChange> fields = new ArrayList<>();
        for (Field f : Field.values()) {
            Object was = normalised(f.of(b));
            Object is = normalised(f.of(a));
            if (!same(was, is)) {
                fields.add(new FieldChange(f, (Serializable) was, (Serializable) is));
            }
        }
        return new RevisionChanges(from, to, fields,
                lines(b.budgetLines(), a.budgetLines(), l -> Arrays.asList(l.category(), l.source()),
                        (x, y) -> same(x.amount(), y.amount()), Change.CHANGED),
                lines(b.achievements(), a.achievements(), l -> Arrays.asList(l.achievement(), blankToNull(l.certificateNo())),
                        (x, y) -> Objects.equals(x.recognisedOn(), y.recognisedOn()), Change.CHANGED),
                lines(b.serviceRecords(), a.serviceRecords(),
                        l -> Arrays.asList(blankToNull(l.providerUscc()), blankToNull(l.invoiceNo())), RevisionDiff::sameService,
                        Change.CHANGED),
                lines(inForce(before), inForce(after), f -> Arrays.asList(f.requirement(), f.description()),
                        (x, y) -> Objects.equals(x.sha256(), y.sha256()), Change.REPLACED));
    }

    /**
     * Every line of both lists with its change, in the order of the later list, removed lines last. Lines with the
     * same key are first matched with an equal one (so removing one of two equal-keyed lines reads as removed, not as
     * the other one changed), then in order.
     */
    static <T, K> List<LineChange<T>> lines(List<T> before, List<T> after, Function<T, K> key, BiPredicate<T, T> same,
                                            Change whenDifferent) {
        Map<K, List<T>> unmatched = new LinkedHashMap<>();
        before.forEach(line -> unmatched.computeIfAbsent(key.apply(line), k -> new ArrayList<>()).add(line));
        List<T> beforeOf = new ArrayList<>(Collections.nCopies(after.size(), null));
        for (int i = 0; i < after.size(); i++) {
            T line = after.get(i);
            beforeOf.set(i, take(unmatched.get(key.apply(line)), old -> same.test(old, line)));
        }
        List<LineChange<T>> changes = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            T line = after.get(i);
            if (beforeOf.get(i) != null) {
                changes.add(new LineChange<>(Change.UNCHANGED, beforeOf.get(i), line));
                continue;
            }
            T old = take(unmatched.get(key.apply(line)), any -> true);
            changes.add(old == null ? new LineChange<>(Change.ADDED, null, line) : new LineChange<>(whenDifferent, old, line));
        }
        unmatched.values().forEach(rest -> rest.forEach(old -> changes.add(new LineChange<>(Change.REMOVED, old, null))));
        return changes;
    }

    private static <T> T take(List<T> candidates, Predicate<T> which) {
        if (candidates != null) {
            for (Iterator<T> it = candidates.iterator(); it.hasNext(); ) {
                T candidate = it.next();
                if (which.test(candidate)) {
                    it.remove();
                    return candidate;
                }
            }
        }
        return null;
    }

    private static List<AttachmentView> inForce(SubmittedRevision revision) {
        return revision.attachments() == null ? List.of() : revision.attachments().stream().filter(a -> !a.withdrawn()).toList();
    }

    private static boolean sameService(ServiceRecordData x, ServiceRecordData y) {
        return Objects.equals(blankToNull(x.providerName()), blankToNull(y.providerName()))
                && Objects.equals(x.invoiceDate(), y.invoiceDate()) && same(x.amount(), y.amount());
    }

    private static boolean same(Object x, Object y) {
        return x instanceof BigDecimal m && y instanceof BigDecimal n ? m.compareTo(n) == 0 : Objects.equals(x, y);
    }

    private static Object normalised(Object value) {
        return value instanceof String s ? blankToNull(s) : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
