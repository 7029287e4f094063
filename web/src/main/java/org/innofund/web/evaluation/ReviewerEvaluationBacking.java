package org.innofund.web.evaluation;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.evaluation.application.AssignmentView;
import org.innofund.evaluation.application.Assignments;
import org.innofund.evaluation.application.EvaluationView;
import org.innofund.evaluation.application.Evaluations;
import org.innofund.evaluation.domain.AssignmentAction;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;

/**
 * 评估结果 for the reviewer (from the assignments page): the evaluation's newest version, or the one asked for
 * ({@code ?version=}), read-only, and 允许更正 with a reason once submitted.
 */
@Named
@ViewScoped
public class ReviewerEvaluationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Assignments assignments;

    @EJB
    private Evaluations evaluations;

    @Inject
    @Param(name = "id")
    private Long id;

    @Inject
    @Param(name = "version")
    private Integer versionNo;

    private AssignmentView assignment;
    private EvaluationView evaluation;
    private String reason;

    @PostConstruct
    void load() {
        if (id != null && BusinessCall.run(() -> assignment = assignments.get(id))) {
            BusinessCall.run(() -> evaluation = versionNo == null ? evaluations.current(id) : evaluations.version(id, versionNo));
        }
    }

    /** f:viewAction: an unknown assignment or version is not found. */
    public void requireFound() throws IOException {
        if (evaluation == null) {
            Faces.responseSendError(404, "");
        }
    }

    public void allowCorrection() {
        if (BusinessCall.run(() -> evaluation = evaluations.allowCorrection(id, assignment.version(), reason))) {
            Feedback.info("correction.done", evaluation.versionNo());
            versionNo = null;
            reason = null;
            load();
            Dialogs.done(":evaluationPage", ":messages");
        }
    }

    public boolean isCorrectable() {
        return assignment.state().allows(AssignmentAction.ALLOW_CORRECTION);
    }

    public AssignmentView getAssignment() { return assignment; }
    public EvaluationView getEvaluation() { return evaluation; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
