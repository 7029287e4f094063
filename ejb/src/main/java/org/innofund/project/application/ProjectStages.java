package org.innofund.project.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.evaluation.domain.EvaluationEvents;
import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectAction;
import org.innofund.project.domain.ProjectEvents;

import java.time.Clock;

/**
 * A project follows its declaration's MIDTERM and ACCEPTANCE evaluations: listening to their submission (in the
 * agency's transaction), a MIDTERM makes an IN_PROGRESS project MIDTERM_DONE; an ACCEPTANCE keeps the grade and the
 * audited spend on a MIDTERM_DONE project and makes it ACCEPTED_DONE (PASSED) or FAILED (then the disbursement hears
 * of it: {@link ProjectEvents.AcceptanceFailed}). A submission the project's
 * state does not expect (a correction after the result, an evaluation of a declaration without a project) changes no
 * project and never refuses the agency's submission.
 */
@Stateless
@PermitAll
public class ProjectStages {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<ProjectEvents.AcceptanceFailed> failed;

    @Inject
    private Event<ProjectEvents.AcceptancePassed> passed;

    public void onSubmitted(@Observes EvaluationEvents.EvaluationSubmitted e) {
        ProjectAction action = switch (e.stage()) {
            case MIDTERM -> ProjectAction.COMPLETE_MIDTERM;
            // a pass needs both the agency's verdict and a passing grade: a FAIL grade fails whatever the verdict says
            case ACCEPTANCE -> e.verdict() == Verdict.PASSED && e.grade() != Grade.FAIL ? ProjectAction.PASS_ACCEPTANCE
                    : ProjectAction.FAIL_ACCEPTANCE;
            default -> null;
        };
        if (action == null) {
            return;
        }
        Project p = em.createQuery("select p from Project p where p.declarationId = :d", Project.class)
                .setParameter("d", e.declarationId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (p == null || !p.allows(action)) {
            return;
        }
        if (action == ProjectAction.COMPLETE_MIDTERM) {
            p.moveTo(action, e.by().username(), clock.instant(), null);
        } else {
            p.concludeAcceptance(action == ProjectAction.PASS_ACCEPTANCE, e.grade(), e.auditedSpend(), e.by().username(),
                    clock.instant());
            if (action == ProjectAction.FAIL_ACCEPTANCE) {
                failed.fire(new ProjectEvents.AcceptanceFailed(p.getId(), e.by()));
            } else {
                passed.fire(new ProjectEvents.AcceptancePassed(p.getId(), e.assignmentId(), e.versionNo(), e.by()));
            }
        }
    }
}
