package org.innofund.declaration.application;

import org.innofund.identity.domain.UserAccount;
import org.innofund.declaration.domain.DeclarationEvents;
import jakarta.enterprise.event.Event;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.NotNull;
import org.innofund.declaration.domain.Declaration;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.shared.LikePatterns;
import org.innofund.shared.Versions;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * 形式审查: the reviewer's queue and decisions. Each decision names the version the reviewer saw; if another
 * reviewer decided in between, this one is refused with "changed by someone else, reload", never applied silently.
 */
@Stateless
@RolesAllowed(Role.Names.REVIEWER)
public class FormalReview {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private DeclarationAccess access;

    @EJB
    private IntegrityRegistry integrity;

    @Inject
    private Event<DomainEvent> events;

    @EJB
    private DeclarationService declarations;

    /** What the bureau's queue never shows: a draft, and a submission its enterprise took back (until resubmitted). */
    public static final Set<DeclarationState> NOT_IN_THE_QUEUE = Set.of(DeclarationState.DRAFT, DeclarationState.WITHDRAWN);

    /**
     * Declarations past the draft stage, filtered by call, state and enterprise name; oldest submission first. A
     * withdrawn one is not shown: the enterprise took it back, and it returns when resubmitted.
     */
    public List<DeclarationSummary> queue(Long callId, DeclarationState state, String enterprise) {
        StringBuilder jpql = new StringBuilder("select d from Declaration d where d.state not in :hidden");
        if (callId != null) {
            jpql.append(" and d.call.id = :call");
        }
        if (state != null) {
            jpql.append(" and d.state = :state");
        }
        if (enterprise != null && !enterprise.isBlank()) {
            jpql.append(" and (lower(d.enterprise.name) like :enterprise" + LikePatterns.ESCAPE
                    + " or d.enterprise.uscc like :uscc" + LikePatterns.ESCAPE + ")");
        }
        jpql.append(" order by d.submittedAt, d.id");
        TypedQuery<Declaration> q = em.createQuery(jpql.toString(), Declaration.class).setParameter("hidden", NOT_IN_THE_QUEUE);
        if (callId != null) {
            q.setParameter("call", callId);
        }
        if (state != null) {
            q.setParameter("state", state);
        }
        if (enterprise != null && !enterprise.isBlank()) {
            q.setParameter("enterprise", LikePatterns.containingLower(enterprise));
            q.setParameter("uscc", LikePatterns.containingUpper(enterprise));
        }
        return DeclarationSummary.page(q.setMaxResults(2000).getResultList(),
                usccs -> integrity.inForceAmong(IntegrityRecord.SubjectKind.ENTERPRISE, usccs));
    }

    /** What the reviewer decides on; what the reviewer may not read (a draft, for one) is not found. */
    public ReviewSheet sheet(@NotNull Long id) {
        DeclarationDetail declaration = declarations.get(id);
        return new ReviewSheet(declaration, BudgetTable.of(declaration.content()));
    }

    /** 受理 */
    public DeclarationSummary accept(@NotNull Long id, Long expectedVersion) {
        Declaration d = decide(id, expectedVersion);
        UserAccount reviewer = currentUser.require();
        d.accept(reviewer.getUsername(), clock.instant());
        return done(d, new DeclarationEvents.DeclarationAccepted(reviewer.actor(), id));
    }

    /** 退回修改 */
    public DeclarationSummary returnForRevision(@NotNull Long id, Long expectedVersion, String reason) {
        Declaration d = decide(id, expectedVersion);
        UserAccount reviewer = currentUser.require();
        d.returnForRevision(reason, reviewer.getUsername(), clock.instant());
        return done(d, new DeclarationEvents.DeclarationReturned(reviewer.actor(), id, reason));
    }

    /** 不予受理 */
    public DeclarationSummary reject(@NotNull Long id, Long expectedVersion, String reason) {
        Declaration d = decide(id, expectedVersion);
        UserAccount reviewer = currentUser.require();
        d.reject(reason, reviewer.getUsername(), clock.instant());
        return done(d, new DeclarationEvents.DeclarationRejected(reviewer.actor(), id, reason));
    }

    private Declaration decide(Long id, Long expectedVersion) {
        Declaration d = access.readable(id);
        Versions.requireCurrent(d.getVersion(), expectedVersion);
        return d;
    }

    private DeclarationSummary done(Declaration d, DomainEvent event) {
        Versions.flush(em);
        events.fire(event);
        return DeclarationSummary.of(d, false);
    }
}
