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

import org.innofund.declaration.domain.FundingSource;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
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
     * <p>
     * Three queries whatever the number of rows: the columns of the list (not the declarations, whose eager budget
     * lines, achievements, service records and call would cost several queries per row), the requested amounts summed
     * per declaration, and the blacklist once for all the enterprises.
     */
    public List<DeclarationSummary> queue(Long callId, DeclarationState state, String enterprise) {
        StringBuilder where = new StringBuilder(" where d.state not in :hidden");
        if (callId != null) {
            where.append(" and c.id = :call");
        }
        if (state != null) {
            where.append(" and d.state = :state");
        }
        boolean byEnterprise = enterprise != null && !enterprise.isBlank();
        if (byEnterprise) {
            where.append(" and (lower(e.name) like :enterprise" + LikePatterns.ESCAPE
                    + " or e.uscc like :uscc" + LikePatterns.ESCAPE + ")");
        }
        String from = " from Declaration d join d.call c join c.program p join d.enterprise e";
        TypedQuery<Object[]> rows = filtered(em.createQuery("select d.id, c.id, c.title, p.subsidyKind, e.id, e.name, e.uscc,"
                + " d.projectName, d.state, d.revision, d.submittedAt, d.lastReason, d.version, d.receiptNumber, c.closesAt"
                + from + where + " order by d.submittedAt, d.id", Object[].class), callId, state, enterprise);
        TypedQuery<Object[]> requested = filtered(em.createQuery("select d.id, sum(l.amount)" + from + " join d.budgetLines l"
                + where + " and l.source = :subsidy and l.amount >= 0 group by d.id", Object[].class), callId, state, enterprise)
                .setParameter("subsidy", FundingSource.SUBSIDY);
        Map<Long, BigDecimal> requestedById = requested.getResultList().stream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (BigDecimal) r[1]));
        List<DeclarationSummary> page = rows.setMaxResults(2000).getResultList().stream().map(r -> new DeclarationSummary(
                (Long) r[0], (Long) r[1], (String) r[2], (SubsidyKind) r[3], (Long) r[4], (String) r[5], (String) r[6],
                (String) r[7], (DeclarationState) r[8], (Integer) r[9], (Instant) r[10], (String) r[11], (Long) r[12], false,
                (String) r[13], requested(requestedById.getOrDefault((Long) r[0], BigDecimal.ZERO)), (Instant) r[14]))
                .toList();
        return DeclarationSummary.markBlacklisted(page, usccs -> integrity.inForceAmong(IntegrityRecord.SubjectKind.ENTERPRISE, usccs));
    }

    /** As DeclarationContent.requestedSubsidy sums them: a sum beyond what money holds shows no figure. */
    private static Money requested(BigDecimal sum) {
        return Money.isValid(sum) ? Money.of(sum) : null;
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> q, Long callId, DeclarationState state, String enterprise) {
        q.setParameter("hidden", NOT_IN_THE_QUEUE);
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
        return q;
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
