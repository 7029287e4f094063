package org.innofund.declaration.application;

import org.innofund.declaration.domain.DeclarationEvents;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.domain.Declaration;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.BusinessException;

import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may see and change which declaration, checked on every read and write: an enterprise only its own
 * organisation's; the bureau's reviewers and approvers a declaration only from its first submission on, and then as
 * last submitted (a draft, and the half-done revision of a returned declaration, are the enterprise's own work); an
 * evaluation agency, as last submitted too, only what the evaluation context grants it ({@link AgencyReadGrant}).
 * Anything else is answered "not found" (so nobody learns that another company's declaration or a draft exists)
 * and audited as a denied access.
 */
@Stateless
@PermitAll
public class DeclarationAccess {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private Event<DomainEvent> events;

    @Inject
    private Instance<AgencyReadGrant> agencyGrants;

    public Declaration readable(Long id) {
        UserAccount user = currentUser.require();
        Declaration d = id == null ? null : em.find(Declaration.class, id);
        if (d != null && (isOwner(user, d) || (d.getRevision() > 0 && (isBureau(user) || isGrantedAgency(user, d))))) {
            return d;
        }
        throw denied(id, d != null);
    }

    /** The caller's own organisation's declaration, for the enterprise to change. */
    public Declaration ownedForWrite(Long id) {
        UserAccount user = currentUser.require();
        Declaration d = id == null ? null : em.find(Declaration.class, id);
        if (d != null && isOwner(user, d)) {
            return d;
        }
        throw denied(id, d != null);
    }

    /**
     * Like {@link #ownedForWrite}, and locked until the transaction ends, read afresh: a submission and an attachment
     * change take this same lock, so one waits for the other and then sees its result (never both on the state
     * each read before the other wrote).
     */
    public Declaration ownedForChange(Long id) {
        Declaration d = ownedForWrite(id);
        em.refresh(d, LockModeType.PESSIMISTIC_WRITE);
        return d;
    }

    /** Whether the caller sees the declaration as it stands (its enterprise) or as last submitted (the bureau). */
    public boolean seesLiveDeclaration(Declaration d) {
        return isOwner(currentUser.require(), d);
    }

    /** The declaration as last submitted; only for a declaration submitted at least once. */
    public DeclarationService.SubmittedRevision lastSubmitted(Declaration d) {
        return submitted(d, d.getRevision()).revision();
    }

    /** One submitted revision as archived at its submission, with its time; "not found" if there is no such revision. */
    public ArchivedRevision submitted(Declaration d, int revision) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select submitted_at, content from declaration_revision "
                        + "where declaration_id = ? and revision = ?")
                .setParameter(1, d.getId()).setParameter(2, revision).getResultList();
        if (rows.isEmpty()) {
            throw revision == d.getRevision() ? BusinessException.notFound("declaration.notFound", d.getId())
                    : BusinessException.notFound("declaration.revisionNotFound", d.getId(), revision);
        }
        return new ArchivedRevision(revision, utc(rows.get(0)[0]),
                JSONB.fromJson(text(rows.get(0)[1]), DeclarationService.SubmittedRevision.class));
    }

    /**
     * Many declarations as last submitted, for the bureau or an agency (a bulk evaluation upload reads hundreds): the
     * rule of {@link #readable} and {@link #lastSubmitted} in a few queries rather than several per declaration. An id
     * the caller may not read is left out, and audited as a denied access when the declaration exists.
     */
    public Map<Long, SubmittedDeclaration> readableAsSubmitted(Collection<Long> ids) {
        UserAccount user = currentUser.require();
        List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, Declaration> found = new HashMap<>();
        for (List<Long> chunk : chunks(wanted)) {
            // the element collections are eager: read for the whole chunk at once, not one query per declaration each
            em.createQuery("select d from Declaration d where d.id in :ids", Declaration.class).setParameter("ids", chunk)
                    .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "d.budgetLines")
                    .setHint("eclipselink.batch", "d.achievements").setHint("eclipselink.batch", "d.serviceRecords")
                    .setHint("eclipselink.batch", "d.enterprise").setHint("eclipselink.batch", "d.call")
                    .getResultList().forEach(d -> found.put(d.getId(), d));
        }
        Set<Long> granted = user.hasRole(Role.AGENCY) ? agencyGrants.stream()
                .flatMap(g -> g.readableAmong(user.getOrganisation().getId(), found.keySet()).stream())
                .collect(Collectors.toSet()) : Set.of();
        List<Declaration> readable = new ArrayList<>();
        for (Long id : wanted) {
            Declaration d = found.get(id);
            if (d != null && d.getRevision() > 0 && (isBureau(user) || granted.contains(id))) {
                readable.add(d);
            } else if (d != null) {
                events.fire(new DeclarationEvents.DeclarationAccessDenied(currentUser.actor(), id));
            }
        }
        Map<Long, SubmittedDeclaration> submitted = new LinkedHashMap<>();
        for (List<Declaration> chunk : chunks(readable)) {
            Map<Long, Declaration> byId = chunk.stream().collect(Collectors.toMap(Declaration::getId, d -> d));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jakarta.persistence.Query query = em.createNativeQuery("select r.declaration_id, r.content"
                    + " from declaration_revision r join declaration d on d.id = r.declaration_id"
                    + " and d.revision = r.revision where r.declaration_id in (" + marks + ")");
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i).getId());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            for (Object[] row : rows) {
                Declaration d = byId.get(((Number) row[0]).longValue());
                submitted.put(d.getId(), new SubmittedDeclaration(d,
                        JSONB.fromJson(text(row[1]), DeclarationService.SubmittedRevision.class)));
            }
        }
        return submitted;
    }

    /** A declaration with its last submitted revision. */
    public record SubmittedDeclaration(Declaration declaration, DeclarationService.SubmittedRevision revision) {
    }

    /** An IN list's worth at a time (Oracle takes at most 1,000). */
    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    /** A submitted revision and when it was submitted. */
    public record ArchivedRevision(int number, Instant submittedAt, DeclarationService.SubmittedRevision revision) {
    }

    /** Every submitted revision as archived, oldest first. */
    public List<ArchivedRevision> archivedRevisions(Declaration d) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select revision, submitted_at, content from declaration_revision "
                + "where declaration_id = ? order by revision").setParameter(1, d.getId()).getResultList();
        return rows.stream().map(row -> new ArchivedRevision(((Number) row[0]).intValue(), utc(row[1]),
                JSONB.fromJson(text(row[2]), DeclarationService.SubmittedRevision.class))).toList();
    }

    /** The stored JSON of every submitted revision, oldest first. */
    public Map<Integer, String> submittedRevisions(Declaration d) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select revision, content from declaration_revision "
                + "where declaration_id = ? order by revision").setParameter(1, d.getId()).getResultList();
        Map<Integer, String> revisions = new LinkedHashMap<>();
        for (Object[] row : rows) {
            revisions.put(((Number) row[0]).intValue(), text(row[1]));
        }
        return revisions;
    }

    /** submitted_at is stored as UTC without a zone (DeclarationService.submit). */
    private static Instant utc(Object timestamp) {
        LocalDateTime local = timestamp instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) timestamp;
        return local.toInstant(ZoneOffset.UTC);
    }

    private static String text(Object content) {
        if (content instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(content);
    }

    private static boolean isOwner(UserAccount user, Declaration d) {
        return user.hasRole(Role.ENTERPRISE) && d.belongsTo(user.getOrganisation().getId());
    }

    private boolean isGrantedAgency(UserAccount user, Declaration d) {
        return user.hasRole(Role.AGENCY)
                && agencyGrants.stream().anyMatch(g -> g.mayRead(user.getOrganisation().getId(), d.getId()));
    }

    private static boolean isBureau(UserAccount user) {
        return user.hasRole(Role.REVIEWER) || user.hasRole(Role.APPROVER);
    }

    private BusinessException denied(Long id, boolean exists) {
        if (exists) {
            events.fire(new DeclarationEvents.DeclarationAccessDenied(currentUser.actor(), id));
        }
        return BusinessException.notFound("declaration.notFound", id);
    }
}
