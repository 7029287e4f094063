package org.innofund.subsidy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.evaluation.application.Evaluations;
import org.innofund.evaluation.application.StageResult;
import org.innofund.evaluation.domain.Conclusion;
import org.innofund.evaluation.domain.Evaluation;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.ProjectState;
import org.innofund.subsidy.application.InputSource;
import org.innofund.subsidy.domain.CalculationLine;
import org.innofund.subsidy.domain.DeclaredInputs;
import org.innofund.subsidy.domain.RunState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RD_INVESTMENT and REWARD: the declarations on the call's publicized approval list (their projects PUBLICIZED), with
 * the figures of the submitted revision, each replaced by the APPROVAL evaluation's verified figure where the agency
 * corrected it ({@link DeclaredInputs}). For REWARD, whether HIGH_TECH_NEW was already paid: an eligible line claiming
 * it in an APPROVED run of another call. Read in bulk, a few queries per thousand declarations.
 */
@ApplicationScoped
public class DeclarationInputs implements InputSource {

    private static final int IDS_PER_QUERY = 1000;

    @Inject
    private HighTechNewPaid highTechNew;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Evaluations evaluations;

    private record Declared(long declarationId, long enterpriseId, String uscc, Instant submittedAt,
                            DeclarationContent.RdFiguresData figures) {
    }

    @Override
    public List<Candidate> candidates(FundingCall call) {
        SubsidyKind kind = call.getProgram().getSubsidyKind();
        if (kind != SubsidyKind.RD_INVESTMENT && kind != SubsidyKind.REWARD) {
            return List.of();
        }
        List<Declared> declared = em.createQuery("select d.id, e.id, e.uscc, d.submittedAt, d.rdFigures.expenseTax,"
                        + " d.rdFigures.expenseStat, d.rdFigures.expensePrior, d.rdFigures.revenue,"
                        + " d.rdFigures.validInventionPatents, d.rdFigures.inventionApplications, d.rdFigures.rdStaff,"
                        + " d.rdFigures.totalStaff from Project p, Declaration d join d.enterprise e"
                        + " where p.declarationId = d.id and p.callId = :call and p.state = :publicized"
                        + " order by d.submittedAt, d.id", Object[].class)
                .setParameter("call", call.getId()).setParameter("publicized", ProjectState.PUBLICIZED)
                .getResultStream().map(r -> new Declared((Long) r[0], (Long) r[1], (String) r[2], (Instant) r[3],
                        new DeclarationContent.RdFiguresData((BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6],
                                (BigDecimal) r[7], (Integer) r[8], (Integer) r[9], (Integer) r[10], (Integer) r[11])))
                .toList();
        List<Long> ids = declared.stream().map(Declared::declarationId).toList();
        List<Candidate> candidates = new ArrayList<>(declared.size());
        if (kind == SubsidyKind.RD_INVESTMENT) {
            Map<Long, Conclusion.VerifiedFigures> verified = verified(ids);
            declared.forEach(d -> candidates.add(candidate(d,
                    DeclaredInputs.rdInvestment(d.figures(), verified.get(d.declarationId())))));
        } else {
            Map<Long, List<DeclarationContent.AchievementData>> achievements = achievements(ids);
            Set<String> paidBefore = highTechNew.paidBefore(call, declared.stream().map(Declared::uscc).toList());
            declared.forEach(d -> candidates.add(candidate(d, DeclaredInputs.reward(
                    achievements.getOrDefault(d.declarationId(), List.of()), paidBefore.contains(d.uscc())))));
        }
        return candidates;
    }

    private static Candidate candidate(Declared d, KindInputs inputs) {
        return new Candidate(d.enterpriseId(), d.uscc(), null, d.submittedAt(), inputs, "declaration:" + d.declarationId());
    }

    /** The verified figures of each declaration's newest submitted APPROVAL evaluation, where it gave any. */
    private Map<Long, Conclusion.VerifiedFigures> verified(List<Long> declarationIds) {
        Map<Long, Long> declarationOf = new HashMap<>();
        for (StageResult r : evaluations.newestSubmitted(EvaluationStage.APPROVAL, declarationIds).values()) {
            declarationOf.put(r.evaluationId(), r.declarationId());
        }
        List<Long> evaluationIds = List.copyOf(declarationOf.keySet());
        Map<Long, Conclusion.VerifiedFigures> verified = new HashMap<>();
        for (int from = 0; from < evaluationIds.size(); from += IDS_PER_QUERY) {
            em.createQuery("select e from Evaluation e where e.id in :ids", Evaluation.class)
                    .setParameter("ids", evaluationIds.subList(from, Math.min(evaluationIds.size(), from + IDS_PER_QUERY)))
                    .getResultStream().forEach(e -> {
                        Conclusion.VerifiedFigures figures = e.conclusion().verifiedFigures();
                        if (figures != null) {
                            verified.put(declarationOf.get(e.getId()), figures);
                        }
                    });
        }
        return verified;
    }

    private Map<Long, List<DeclarationContent.AchievementData>> achievements(List<Long> declarationIds) {
        Map<Long, List<DeclarationContent.AchievementData>> byDeclaration = new HashMap<>();
        for (int from = 0; from < declarationIds.size(); from += IDS_PER_QUERY) {
            em.createQuery("select d.id, a.achievement, a.certificateNo, a.recognisedOn from Declaration d"
                            + " join d.achievements a where d.id in :ids order by d.id, index(a)", Object[].class)
                    .setParameter("ids", declarationIds.subList(from, Math.min(declarationIds.size(), from + IDS_PER_QUERY)))
                    .getResultStream().forEach(r -> byDeclaration.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                            .add(new DeclarationContent.AchievementData((Achievement) r[1], (String) r[2],
                                    (LocalDate) r[3])));
        }
        return byDeclaration;
    }
}
