package org.innofund.evaluation.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.evaluation.domain.Evaluation;
import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.program.domain.EvaluationStage;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The submitted evaluations of one declaration, every stage and version, for another context's history (a project's
 * timeline): who submitted what when, and the reviewer's correction leave with its reason. One query. The caller has
 * checked that its own caller may read the declaration's project.
 */
@Stateless
@PermitAll
public class EvaluationHistory {

    @PersistenceContext
    private EntityManager em;

    /**
     * One version: submitted (who, when; null while its correction is drafted), and for a version the reviewer opened
     * as a correction, the reason and who allowed it when.
     */
    public record Step(EvaluationStage stage, int versionNo, Grade grade, Verdict verdict, String submittedBy,
                       Instant submittedAt, String correctionReason, String correctionAllowedBy,
                       Instant correctionAllowedAt) implements Serializable {
    }

    public List<Step> of(Long declarationId) {
        return em.createQuery("select a.stage, e.versionNo, e.grade, e.verdict, e.submittedBy, e.submittedAt,"
                        + " e.correctionReason, e.correctionAllowedBy, e.correctionAllowedAt from Evaluation e, Assignment a"
                        + " where a.id = e.assignmentId and a.declarationId = :d"
                        + " and (e.state = :submitted or e.correctionAllowedAt is not null) order by e.id", Object[].class)
                .setParameter("d", declarationId).setParameter("submitted", Evaluation.State.SUBMITTED)
                .getResultList().stream()
                .map(r -> new Step((EvaluationStage) r[0], (Integer) r[1], (Grade) r[2], (Verdict) r[3], (String) r[4],
                        (Instant) r[5], (String) r[6], (String) r[7], (Instant) r[8])).toList();
    }
}
