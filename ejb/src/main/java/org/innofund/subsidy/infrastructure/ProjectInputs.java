package org.innofund.subsidy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.ProjectState;
import org.innofund.payment.domain.PaymentItemState;
import org.innofund.payment.domain.Tranche;
import org.innofund.shared.Money;
import org.innofund.subsidy.application.InputSource;
import org.innofund.subsidy.application.PayableLines;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * PRE_APPROVED (事前立项、事后补助): the call's projects that were not withdrawn, with the approved amount (立项金额,
 * from the approved list), the ACCEPTANCE grade and audited spend (null until accepted or failed: not computable), and
 * the advances paid P: what the bank paid of the project's ADVANCE items (an advance not yet paid is not P; the run's
 * approval cancels it, as the balance then pays all that is due). One query.
 */
@ApplicationScoped
public class ProjectInputs implements InputSource {

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<Candidate> candidates(FundingCall call) {
        if (call.getProgram().getSubsidyKind() != SubsidyKind.PRE_APPROVED) {
            return List.of();
        }
        return em.createQuery("select p.enterpriseId, o.uscc, p.createdAt, p.approvedAmount, p.acceptanceGrade,"
                        + " p.auditedSpend, p.id, (select sum(i.amount) from PaymentItem i where i.projectId = p.id"
                        + " and i.tranche = :advance and i.state = :paid)"
                        + " from Project p, Organisation o where o.id = p.enterpriseId"
                        + " and p.callId = :call and p.state <> :withdrawn order by p.createdAt, p.id", Object[].class)
                .setParameter("call", call.getId()).setParameter("withdrawn", ProjectState.WITHDRAWN)
                .setParameter("advance", Tranche.ADVANCE).setParameter("paid", PaymentItemState.PAID)
                .getResultStream().map(r -> new Candidate((Long) r[0], (String) r[1], null, (Instant) r[2],
                        new KindInputs.PreApproved(Amounts.money(r[3]), (Grade) r[4],
                                Amounts.money(r[5]), r[7] == null ? Money.ZERO : Amounts.money(r[7]), Map.of(
                                "approvedAmount", KindInputs.FigureSource.PROJECT,
                                "grade", KindInputs.FigureSource.PROJECT,
                                "auditedSpend", KindInputs.FigureSource.PROJECT,
                                "advancePaid", KindInputs.FigureSource.PAYMENT)),
                        PayableLines.PROJECT_ORIGIN + r[6]))
                .toList();
    }
}
