package org.innofund.web.evaluation;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.evaluation.application.AssignmentView;
import org.innofund.evaluation.application.Assignments;
import org.innofund.evaluation.domain.Assignment;
import org.innofund.evaluation.domain.AssignmentAction;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;

/**
 * The agency's assignment: first the conflict-of-interest declaration (nothing of the declaration but the
 * enterprise's name and the project's title), then the declaration read-only. The version read with the page goes
 * with the declaration.
 */
@Named
@ViewScoped
public class AgencyAssignmentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Assignments assignments;

    @Inject
    @Param(name = "id")
    private Long id;

    private AssignmentView assignment;
    private DeclarationDetail declaration;
    private boolean statementConfirmed;
    private String reason;

    @PostConstruct
    void load() {
        if (id != null && BusinessCall.run(() -> assignment = assignments.get(id))
                && assignment.state().allows(AssignmentAction.READ_CONTENT)) {
            BusinessCall.run(() -> declaration = assignments.declaration(id));
        }
    }

    /** After a change made elsewhere on the page (the evaluation's submission moves the assignment on). */
    public void reload() {
        load();
    }

    /** f:viewAction: another agency's assignment, or none, is simply not found (and audited by the service). */
    public void requireFound() throws IOException {
        if (assignment == null) {
            Faces.responseSendError(404, "");
        }
    }

    /** 无利害关系: only with the statement confirmed on the page. */
    public void declareNoConflict() {
        if (!statementConfirmed) {
            Feedback.errorLabel("conflict.statementRequired");
            return;
        }
        declare(false, "conflict.sentNone");
    }

    /** 存在利害关系, with the reason: back to the reviewer. */
    public void declareConflict() {
        declare(true, "conflict.sentExists");
    }

    private void declare(boolean conflict, String doneLabel) {
        if (BusinessCall.run(() -> assignments.declareConflict(id, assignment.version(), conflict, reason))) {
            Feedback.info(doneLabel);
            load();
        }
    }

    public boolean isDeclarable() {
        return assignment != null && assignment.state().allows(AssignmentAction.DECLARE_NO_CONFLICT);
    }

    public String getStatement() { return Assignment.NO_CONFLICT_STATEMENT; }
    public Long getId() { return id; }
    public AssignmentView getAssignment() { return assignment; }
    public DeclarationDetail getDeclaration() { return declaration; }
    public boolean isStatementConfirmed() { return statementConfirmed; }
    public void setStatementConfirmed(boolean v) { statementConfirmed = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
