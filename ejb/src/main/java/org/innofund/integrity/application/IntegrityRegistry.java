package org.innofund.integrity.application;

import java.util.Set;
import java.util.HashSet;
import java.util.Collection;
import org.innofund.integrity.domain.IntegrityRecordAdded;
import org.innofund.integrity.domain.IntegrityRecordEnded;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Versions;
import jakarta.enterprise.event.Event;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.innofund.shared.Lengths;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.Uscc;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.shared.Clocks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/** The integrity blacklist: kept by the administrator (with the reviewers seeing it), consulted before declaring or paying. */
@Stateless
public class IntegrityRegistry {

    static final int CODES_PER_QUERY = 1000;

    /** An entry {@code r} holds on {@code :date}: within its period and not ended early (as {@code IntegrityRecord.inForceOn}). */
    private static final String IN_FORCE =
            "r.validFrom <= :date and r.validUntil >= :date and (r.endedOn is null or r.endedOn > :date)";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<DomainEvent> events;

    @EJB
    private CurrentUser currentUser;

    @RolesAllowed(Role.Names.ADMIN)
    public IntegrityEntry add(@NotNull IntegrityRecord.SubjectKind kind, @Size(max = Lengths.USCC) String uscc,
                               @Size(max = Lengths.ORGANISATION_NAME) String subjectName, @Size(max = Lengths.REASON) String reason,
                               LocalDate validFrom, LocalDate validUntil) {
        IntegrityRecord record = new IntegrityRecord(kind, Uscc.parse(uscc == null ? "" : uscc.toUpperCase(Locale.ROOT)),
                subjectName, reason, validFrom, validUntil, currentUser.require().getUsername(), clock.instant());
        em.persist(record);
        em.flush();
        events.fire(new IntegrityRecordAdded(currentUser.actor(), record.getId(), kind, record.getSubjectUscc(),
                validFrom, validUntil));
        return IntegrityEntry.of(record, today());
    }

    /**
     * Ends an entry early with a reason, as of the bureau's today: from today on it no longer blocks a declaration
     * or a payment. The entry and its original period stay in the list.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public IntegrityEntry endEarly(@NotNull Long id, Long version, @Size(max = Lengths.REASON) String reason) {
        IntegrityRecord record = em.find(IntegrityRecord.class, id);
        if (record == null) {
            throw BusinessException.notFound("integrity.notFound", String.valueOf(id));
        }
        Versions.requireCurrent(record.getVersion(), version);
        record.endEarly(clock, reason, currentUser.require().getUsername());
        Versions.flush(em);
        LocalDate endedOn = record.getEndedOn().orElseThrow();
        events.fire(new IntegrityRecordEnded(currentUser.actor(), record.getId(), record.getSubjectUscc(), endedOn,
                record.getEndReason()));
        return IntegrityEntry.of(record, endedOn);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.REVIEWER})
    public List<IntegrityEntry> list() {
        LocalDate today = today();
        return em.createQuery("select r from IntegrityRecord r order by r.validUntil desc, r.id desc", IntegrityRecord.class)
                .getResultList().stream().map(r -> IntegrityEntry.of(r, today)).toList();
    }

    /** Today in the bureau's calendar by the server's clock (which the tests can move), for the blacklist's page. */
    @PermitAll
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE));
    }

    /** The entry in force today for this enterprise or agency, if any, described for a refusal that names it. */
    @PermitAll
    public Optional<String> inForce(IntegrityRecord.SubjectKind kind, String uscc) {
        if (uscc == null) {
            return Optional.empty();
        }
        return em.createQuery("select r from IntegrityRecord r where r.subjectKind = :kind and r.subjectUscc = :uscc "
                        + "and " + IN_FORCE + " order by r.validUntil desc", IntegrityRecord.class)
                .setParameter("kind", kind).setParameter("uscc", uscc).setParameter("date", today())
                .setMaxResults(1).getResultStream().findFirst().map(IntegrityRecord::describe);
    }

    /**
     * Which of these enterprises or agencies have an entry in force today: one query per {@value #CODES_PER_QUERY}
     * codes (Oracle's limit for an IN list), for a whole page of a list at once.
     */
    @PermitAll
    public Set<String> inForceAmong(IntegrityRecord.SubjectKind kind, Collection<String> usccs) {
        LocalDate today = today();
        List<String> codes = List.copyOf(new HashSet<>(usccs));
        Set<String> found = new HashSet<>();
        for (int from = 0; from < codes.size(); from += CODES_PER_QUERY) {
            found.addAll(em.createQuery("select distinct r.subjectUscc from IntegrityRecord r where r.subjectKind = :kind "
                            + "and r.subjectUscc in :usccs and " + IN_FORCE, String.class)
                    .setParameter("kind", kind).setParameter("date", today)
                    .setParameter("usccs", codes.subList(from, Math.min(codes.size(), from + CODES_PER_QUERY)))
                    .getResultList());
        }
        return found;
    }
}
