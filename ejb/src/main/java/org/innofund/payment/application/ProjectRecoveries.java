package org.innofund.payment.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.payment.domain.LedgerTransaction;
import org.innofund.payment.domain.PaymentItem;
import org.innofund.payment.domain.PaymentItemState;
import org.innofund.payment.domain.Recovery;
import org.innofund.payment.domain.RecoveryEvents;
import org.innofund.payment.domain.RecoveryOrigin;
import org.innofund.program.domain.FundingCall;
import org.innofund.project.domain.ProjectEvents;
import org.innofund.project.domain.Project;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.DomainEvent;
import org.innofund.subsidy.application.PayableLines;
import org.innofund.subsidy.domain.SubsidyEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The recoveries the product raises itself, for a PRE_APPROVED project's advances (SUBSIDY-RULES.md kind 1): when the
 * project fails its acceptance, what the bank paid of its advance comes back (and an advance not yet paid is cancelled,
 * its commitment released); when an approved run finds the advances above what is due (balance negative), the line's
 * recovery. Each in the transaction of what caused it; a project's advances are asked back once (the unique key on the
 * recovery's project), so a run after a failed acceptance raises nothing more. Due as a reviewer's recovery is by
 * default ({@link Recovery#dueDate}); audited as raised by whoever caused it (the agency, the run's approver).
 */
@Stateless
@PermitAll
public class ProjectRecoveries {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private LedgerPostings postings;

    @EJB
    private Advances advances;

    @EJB
    private Recoveries recoveries;

    @Inject
    private PayableLines payableLines;

    @Inject
    private Event<DomainEvent> events;

    public void onAcceptanceFailed(@Observes ProjectEvents.AcceptanceFailed failed) {
        Project project = em.find(Project.class, failed.projectId());
        Optional<PaymentItem> advance = advances.of(project.getId());
        if (advance.isEmpty()) {
            return;
        }
        PaymentItem item = advance.get();
        em.refresh(item, LockModeType.PESSIMISTIC_WRITE); // items before the call's row, as a batch locks them
        FundingCall call = postings.lock(project.getCallId());
        Instant now = clock.instant();
        if (item.getState() == PaymentItemState.PAYABLE) {
            item.cancel(now);
            postings.post(List.of(LedgerTransaction.release(call.getId(), item.reference(), item.getAmount(),
                    failed.by().username(), now)));
        } else if (item.getState() == PaymentItemState.PAID && recoveryOf(project.getId()).isEmpty()) {
            String figure = MoneyFormat.figure(item.getAmount());
            raise(call, project.getEnterpriseId(), project.getId(), RecoveryOrigin.ACCEPTANCE_FAILED, item.getAmount(),
                    "项目验收不通过，追回已预拨资金 " + figure + " 元 / The project failed its acceptance: the advance of "
                            + figure + " yuan is recovered", failed.by(), now);
        } // in a batch: the bank's answer decides (unpaid, it is cancelled; paid, the next run's line asks it back)
    }

    /**
     * A run's lines that ask an advance back. A project asked already (a failed acceptance, an earlier run) must be
     * asked the same: a run that would change what is owed is refused (409 calculationRun.recoveryRaised), as a raised
     * recovery is not corrected here.
     */
    public void onRunApproved(@Observes SubsidyEvents.CalculationRunApproved approved) {
        Instant now = clock.instant();
        FundingCall call = null;
        for (PayableLines.ProjectLine line : payableLines.projectLines(approved.runId())) {
            Optional<Recovery> raised = recoveryOf(line.projectId());
            if (raised.isPresent()) {
                if (!raised.get().getAmount().equals(line.recovery())) {
                    throw BusinessException.conflict("calculationRun.recoveryRaised", line.projectId(),
                            MoneyFormat.figure(raised.get().getAmount()), MoneyFormat.figure(line.recovery()));
                }
                continue;
            }
            if (line.recovery().isZero()) {
                continue;
            }
            call = call == null ? postings.lock(approved.callId()) : call;
            String figure = MoneyFormat.figure(line.recovery());
            raise(call, line.enterpriseId(), line.projectId(), RecoveryOrigin.NEGATIVE_BALANCE, line.recovery(),
                    "验收结算的预拨资金超过应拨金额，追回 " + figure + " 元（核算第 " + (line.position() + 1) + " 行）"
                            + " / The advances exceed what the project is due: " + figure + " yuan is recovered (line "
                            + (line.position() + 1) + " of the run)", approved.by(), now);
        }
    }

    /**
     * Raises it, asking at most what may still be asked back from the enterprise in the call (a reviewer may have asked
     * some already, for an integrity violation): nothing when nothing is left.
     */
    private void raise(FundingCall call, long enterpriseId, long projectId, RecoveryOrigin origin, Money asked,
                       String reason, Actor by, Instant now) {
        Money left = recoveries.stillRecoverable(call.getId(), enterpriseId);
        Money amount = asked.isGreaterThan(left) ? left : asked;
        if (amount.isZero()) {
            return;
        }
        LocalDate due = Recovery.dueDate(null, LocalDate.ofInstant(now, Clocks.BUREAU_ZONE));
        Recovery recovery = new Recovery(call.getId(), enterpriseId, projectId, origin, amount, reason, due,
                by.username(), now);
        em.persist(recovery); // numbered now: the transaction names it
        postings.post(List.of(LedgerTransaction.recovery(call.getId(), recovery.reference(), amount, by.username(), now)));
        events.fire(new RecoveryEvents.RecoveryRaised(by, recovery.getId(), call.getId(), enterpriseId, origin, amount, due));
    }

    private Optional<Recovery> recoveryOf(long projectId) {
        return em.createQuery("select r from Recovery r where r.projectId = :p", Recovery.class)
                .setParameter("p", projectId).getResultStream().findFirst();
    }
}
