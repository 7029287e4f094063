package org.innofund.subsidy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.innofund.subsidy.domain.CalculationLine;
import org.innofund.subsidy.infrastructure.Amounts;

import java.util.List;

/**
 * What an approved run owes, as the payment context reads it when the approval's event reaches it (in the approval's
 * transaction; the caller has checked nothing, the event is the authority): every line with an amount, with the
 * enterprise's registered name, in the run's order. A line with an amount always has a registered enterprise (an
 * unregistered one is not eligible).
 */
@ApplicationScoped
public class PayableLines {

    /** One line with an amount: its position in the run, the enterprise and the amount. */
    public record Line(int position, long enterpriseId, String uscc, String name, Money amount) {
    }

    /**
     * A PRE_APPROVED line whose project's acceptance is concluded (computable): its project, what it pays and what it
     * asks back (追回, when the advances paid exceed what is due), and the advances paid P it counted.
     */
    public record ProjectLine(int position, long projectId, long enterpriseId, Money amount, Money recovery,
                              Money advancePaid) {
    }

    /** A line that grants an amount, as its subsidy confirmation states it: the explanation's steps in Chinese. */
    public record Granted(int position, long enterpriseId, Long projectId, Money amount, List<String> steps) {
    }

    /** The origin of a PRE_APPROVED line: "project:" and the project's id. */
    public static final String PROJECT_ORIGIN = "project:";

    @PersistenceContext
    private EntityManager em;

    public List<Line> of(long runId) {
        return em.createQuery("select l.position, l.enterpriseId, l.uscc, o.name, l.amount"
                        + " from CalculationLine l, Organisation o where l.runId = :run and o.id = l.enterpriseId"
                        + " and l.amount > :zero order by l.position", Object[].class)
                .setParameter("run", runId).setParameter("zero", Money.ZERO).getResultStream()
                .map(r -> new Line((Integer) r[0], (Long) r[1], (String) r[2], (String) r[3], Amounts.money(r[4])))
                .toList();
    }

    /** The run's lines that grant an amount (to a registered enterprise), in the run's order. */
    public List<Granted> granted(long runId) {
        return em.createQuery("select l from CalculationLine l where l.runId = :run and l.amount > :zero"
                        + " and l.enterpriseId is not null order by l.position", CalculationLine.class)
                .setParameter("run", runId).setParameter("zero", Money.ZERO).getResultStream()
                .map(l -> new Granted(l.getPosition(), l.getEnterpriseId(), l.getOrigin().startsWith(PROJECT_ORIGIN)
                        ? Long.valueOf(l.getOrigin().substring(PROJECT_ORIGIN.length())) : null, l.getAmount(),
                        l.steps().stream().map(Calculation.Step::zh).toList()))
                .toList();
    }

    /** The run's computable project lines (none for a run of another kind), in the run's order. */
    public List<ProjectLine> projectLines(long runId) {
        return em.createQuery("select l from CalculationLine l where l.runId = :run and l.computable = true"
                        + " and l.origin like :project and l.enterpriseId is not null order by l.position", CalculationLine.class)
                .setParameter("run", runId).setParameter("project", PROJECT_ORIGIN + "%").getResultStream()
                .map(l -> new ProjectLine(l.getPosition(), Long.parseLong(l.getOrigin().substring(PROJECT_ORIGIN.length())),
                        l.getEnterpriseId(), l.getAmount(), l.getRecovery(),
                        ((KindInputs.PreApproved) l.inputs(SubsidyKind.PRE_APPROVED)).advancePaid()))
                .toList();
    }
}
