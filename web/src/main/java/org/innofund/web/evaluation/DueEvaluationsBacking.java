package org.innofund.web.evaluation;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.evaluation.application.AgencyOption;
import org.innofund.evaluation.application.Agencies;
import org.innofund.evaluation.application.Assignments;
import org.innofund.program.application.CallCatalog;
import org.innofund.project.application.DueEvaluation;
import org.innofund.project.application.TaskAgreements;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * 待分派的中期/验收评估 for the reviewer (home and assignments page): the projects whose evaluation has come, each a link
 * to the assignments page with its dialog open on it (?due=project id), where the agency is chosen and the due date is
 * the call's, shown, not typed.
 */
@Named
@ViewScoped
public class DueEvaluationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private TaskAgreements agreements;

    @EJB
    private Assignments assignments;

    @EJB
    private Agencies agencies;

    @EJB
    private CallCatalog calls;

    /** The project to assign, from a due evaluation's link. */
    @Inject
    @Param(name = "due")
    private Long dueProjectId;

    private List<DueEvaluation> rows = List.of();
    private List<AgencyOption> agencyOptions;
    private DueEvaluation assigning;
    private LocalDate dueOn;
    private Long agencyId;

    @PostConstruct
    void init() {
        BusinessCall.run(() -> rows = agreements.evaluationsDue());
        if (dueProjectId != null) {
            rows.stream().filter(d -> d.projectId().equals(dueProjectId)).findFirst().ifPresent(d ->
                    BusinessCall.run(() -> {
                        dueOn = calls.evaluationDueOn(d.callId(), d.stage()).orElse(null);
                        assigning = d;
                    }));
        }
    }

    public void assign() {
        DueEvaluation d = assigning;
        if (BusinessCall.run(() -> assignments.assign(List.of(d.declarationId()), d.stage(), agencyId, null))) {
            Feedback.info("assign.done", 1, agencyName());
            assigning = null;
            BusinessCall.run(() -> rows = agreements.evaluationsDue());
            Dialogs.done(":dueEvaluations", ":assignmentsForm", ":messages");
        }
    }

    private String agencyName() {
        return getAgencyOptions().stream().filter(a -> a.id().equals(agencyId)).findFirst().map(AgencyOption::name).orElse("");
    }

    public List<AgencyOption> getAgencyOptions() {
        if (agencyOptions == null) {
            agencyOptions = agencies.options();
        }
        return agencyOptions;
    }

    public List<DueEvaluation> getRows() { return rows; }
    public DueEvaluation getAssigning() { return assigning; }
    public LocalDate getDueOn() { return dueOn; }
    public Long getAgencyId() { return agencyId; }
    public void setAgencyId(Long v) { agencyId = v; }
}
