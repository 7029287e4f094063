package org.innofund.subsidy.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.CalculationContext;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.program.domain.CallStatus;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.Money;
import org.innofund.shared.event.DomainEvent;
import org.innofund.subsidy.domain.ConfirmationRequest;
import org.innofund.subsidy.domain.ConfirmationState;
import org.innofund.subsidy.domain.ExemptEvents;
import org.innofund.subsidy.domain.ExemptImport;
import org.innofund.subsidy.domain.ExemptSheet;
import org.innofund.subsidy.domain.RequestSteps;
import org.innofund.subsidy.infrastructure.ExemptFiles;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 免申即享导入 (REVIEWER): the template of a call's spreadsheet, and an upload of the bureau's figures checked whole
 * and taken all or nothing (a dry run checks and computes only). Taking it asks every enterprise that qualifies (its
 * kind's calculation with the call's parameters: eligible and an amount above zero) to confirm.
 * <p>
 * A new import of the same call replaces it: the requests of earlier imports still unanswered become REPLACED, and
 * the new file's figures count. An enterprise that has already answered (confirmed or declined) keeps its answer and
 * is not asked again: the bureau cannot change figures an enterprise has accepted.
 */
@Stateless
@RolesAllowed(Role.Names.REVIEWER)
public class ExemptImports {

    @Inject
    private org.innofund.subsidy.infrastructure.HighTechNewPaid highTechNew;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private IntegrityRegistry integrity;

    @Inject
    private Clock clock;

    @Inject
    private Event<DomainEvent> events;

    /**
     * What an upload came to: data rows, enterprises in them, how many qualify and their total, whether it was taken,
     * how many earlier requests it replaced, and every problem (none when taken).
     */
    public record Report(int rows, int enterprises, int qualifying, Money total, boolean stored, int replaced,
                         List<ExemptSheet.Problem> problems) {
    }

    public byte[] template(long callId, boolean csv) {
        return ExemptFiles.template(importable(call(callId)), csv);
    }

    public Report importFile(long callId, InputStream content, boolean dryRun) {
        FundingCall call = call(callId);
        SubsidyKind kind = importable(call);
        requireOpen(call, clock.instant());
        ExemptFiles.Upload upload = ExemptFiles.read(content);
        ExemptSheet.Reading reading = ExemptSheet.check(kind, call.getYear(), upload.rows());
        if (!reading.problems().isEmpty()) {
            return new Report(reading.rows(), 0, 0, Money.ZERO, false, 0, reading.problems());
        }
        if (!dryRun) {
            // one import of a call at a time: the second waits and then replaces the first's requests
            em.lock(call, LockModeType.PESSIMISTIC_WRITE);
        }
        Set<String> answered = new HashSet<>(em.createQuery("select r.uscc from ConfirmationRequest r where r.callId = :call "
                        + "and r.state in :answered", String.class).setParameter("call", callId)
                .setParameter("answered", List.of(ConfirmationState.CONFIRMED, ConfirmationState.DECLINED)).getResultList());
        Set<String> blacklisted = integrity.inForceAmong(IntegrityRecord.SubjectKind.ENTERPRISE,
                reading.entries().stream().map(ExemptSheet.Entry::uscc).toList());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Clocks.BUREAU_ZONE);
        KindRules rules = KindRules.of(kind);
        Set<String> paidBefore = kind == SubsidyKind.REWARD
                ? highTechNew.paidBefore(call, reading.entries().stream().map(ExemptSheet.Entry::uscc).toList()) : Set.of();
        List<Qualified> qualified = new ArrayList<>();
        for (ExemptSheet.Entry e : reading.entries()) {
            if (answered.contains(e.uscc())) {
                continue;
            }
            // registered: a request is for an enterprise that registers to answer it (and is checked again in a run)
            CalculationContext context = new CalculationContext(call.getYear(), null, null, today, true,
                    blacklisted.contains(e.uscc()));
            // HIGH_TECH_NEW once ever: what earlier calls approved (the run asks again when it calculates)
            Calculation result = rules.calculate(e.figures().toInputs(kind, paidBefore.contains(e.uscc())),
                    call.getRuleParameters(), context);
            if (result.computable() && result.eligible() && !result.amount().isZero()) {
                qualified.add(new Qualified(e, result));
            }
        }
        Money total = Money.sum(qualified.stream().map(q -> q.result().amount()));
        if (dryRun) {
            return new Report(reading.rows(), reading.entries().size(), qualified.size(), total, false, 0, List.of());
        }
        int replaced = em.createQuery("update ConfirmationRequest r set r.state = :replaced, r.version = r.version + 1 "
                        + "where r.callId = :call and r.state = :pending")
                .setParameter("replaced", ConfirmationState.REPLACED).setParameter("pending", ConfirmationState.PENDING)
                .setParameter("call", callId).executeUpdate();
        ExemptImport taken = new ExemptImport(callId, upload.sha256(), reading.rows(), currentUser.require().getUsername(), now);
        em.persist(taken);
        em.flush();
        for (Qualified q : qualified) {
            em.persist(new ConfirmationRequest(callId, taken.getId(), q.entry().uscc(), q.entry().companyName(),
                    q.entry().row(), q.entry().figures(), q.result().amount(), new RequestSteps(q.result().steps()), now));
        }
        taken.requestsMade(qualified.size());
        events.fire(new ExemptEvents.FiguresImported(currentUser.actor(), taken.getId(), callId, reading.rows(),
                qualified.size(), replaced));
        return new Report(reading.rows(), reading.entries().size(), qualified.size(), total, true, replaced, List.of());
    }

    /** The call's requests of its current import and every answered one, newest import first, then by USCC. */
    public List<RequestView> requests(long callId) {
        FundingCall call = call(callId);
        importable(call);
        return em.createQuery("select r from ConfirmationRequest r where r.callId = :call and r.state <> :replaced "
                        + "order by r.importId desc, r.uscc", ConfirmationRequest.class)
                .setParameter("call", callId).setParameter("replaced", ConfirmationState.REPLACED).getResultList()
                .stream().map(r -> ConfirmationRequests.view(r, call, clock.instant())).toList();
    }

    private record Qualified(ExemptSheet.Entry entry, Calculation result) {
    }

    private FundingCall call(long callId) {
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null) {
            throw BusinessException.notFound("call.notFound", callId);
        }
        return call;
    }

    /** Only a published RD_INVESTMENT or REWARD call, before it closes, takes the bureau's figures. */
    private SubsidyKind importable(FundingCall call) {
        SubsidyKind kind = call.getProgram().getSubsidyKind();
        if (kind != SubsidyKind.RD_INVESTMENT && kind != SubsidyKind.REWARD) {
            throw BusinessException.invalid("exempt.kindNotImportable", kind);
        }
        if (call.getStatus() != CallStatus.PUBLISHED) {
            throw BusinessException.conflict("exempt.callNotPublished");
        }
        return kind;
    }

    /** Before the close only: what is imported after it could never be confirmed. */
    private static void requireOpen(FundingCall call, Instant now) {
        if (!now.isBefore(call.getClosesAt())) {
            throw BusinessException.conflict("exempt.callClosed");
        }
    }
}
