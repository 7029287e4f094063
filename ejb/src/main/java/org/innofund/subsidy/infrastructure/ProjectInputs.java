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
import org.innofund.shared.Money;
import org.innofund.subsidy.application.InputSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PRE_APPROVED (事前立项、事后补助): the call's projects that were not withdrawn, with the approved amount (立项金额,
 * from the approved list), the ACCEPTANCE grade and audited spend (null until accepted or failed: not computable), and
 * advances paid 0: no payment is recorded in the product yet (the line's explanation says so, {@link #withNoAdvancesNoted}).
 * One query.
 */
@ApplicationScoped
public class ProjectInputs implements InputSource {

    private static final String NO_ADVANCES = "advancePaid";

    /** The step a run's PRE_APPROVED line adds while payments are not recorded: P is 0 for that reason. */
    public static Calculation withNoAdvancesNoted(Calculation c) {
        List<Calculation.Step> steps = new ArrayList<>(c.steps());
        steps.add(new Calculation.Step("已拨付预付资金 P 按 0.00 计：系统尚无拨付记录",
                "Advances paid P taken as 0.00: no payment is recorded in the system yet"));
        return new Calculation(c.kind(), c.computable(), c.eligible(), c.amount(), c.recovery(), c.reasons(), steps);
    }

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<Candidate> candidates(FundingCall call) {
        if (call.getProgram().getSubsidyKind() != SubsidyKind.PRE_APPROVED) {
            return List.of();
        }
        return em.createQuery("select p.enterpriseId, o.uscc, p.createdAt, p.approvedAmount, p.acceptanceGrade,"
                        + " p.auditedSpend, p.id from Project p, Organisation o where o.id = p.enterpriseId"
                        + " and p.callId = :call and p.state <> :withdrawn order by p.createdAt, p.id", Object[].class)
                .setParameter("call", call.getId()).setParameter("withdrawn", ProjectState.WITHDRAWN)
                .getResultStream().map(r -> new Candidate((Long) r[0], (String) r[1], null, (Instant) r[2],
                        new KindInputs.PreApproved(Amounts.money(r[3]), (Grade) r[4],
                                Amounts.money(r[5]), Money.ZERO, Map.of(
                                "approvedAmount", KindInputs.FigureSource.PROJECT,
                                "grade", KindInputs.FigureSource.PROJECT,
                                "auditedSpend", KindInputs.FigureSource.PROJECT,
                                NO_ADVANCES, KindInputs.FigureSource.PROJECT)),
                        "project:" + r[6]))
                .toList();
    }
}
