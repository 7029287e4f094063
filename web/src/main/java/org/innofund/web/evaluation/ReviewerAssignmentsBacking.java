package org.innofund.web.evaluation;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.evaluation.application.AgencyOption;
import org.innofund.evaluation.application.Agencies;
import org.innofund.evaluation.application.AssignmentView;
import org.innofund.evaluation.application.Assignments;
import org.innofund.evaluation.domain.AssignmentAction;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.program.domain.RuleParameter;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** 评估任务 for the reviewer: every agency's assignments, overdue first, and 改派 of one with a reason. */
@Named
@ViewScoped
public class ReviewerAssignmentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Assignments assignments;

    @EJB
    private Agencies agencies;

    /** ?overdue=true from the home page's count. */
    @Inject
    @Param(name = "overdue")
    private Boolean overdueOnly;

    private AssignmentState state;
    private List<AssignmentView> rows = List.of();
    private List<AgencyOption> agencyOptions;
    private Map<Long, String> agencyNames;

    private AssignmentView reassigning;
    private Long toAgencyId;
    private LocalDate dueOn;
    private String reason;

    @PostConstruct
    void init() {
        agencyOptions = agencies.options();
        agencyNames = agencyOptions.stream().collect(Collectors.toMap(AgencyOption::id, AgencyOption::name));
        search();
    }

    public void search() {
        BusinessCall.run(() -> rows = assignments.all(state, Boolean.TRUE.equals(overdueOnly)));
    }

    public void startReassign(AssignmentView a) {
        reassigning = a;
        toAgencyId = null;
        dueOn = null;
        reason = null;
    }

    public void reassign() {
        if (BusinessCall.run(() -> assignments.reassign(reassigning.id(), reassigning.version(), toAgencyId, dueOn, reason))) {
            Feedback.info("reassign.done", agencyName(toAgencyId));
            search();
            Dialogs.done(":assignmentsForm", ":messages");
        }
    }

    public boolean reassignable(AssignmentView a) {
        return a.state().allows(AssignmentAction.REASSIGN);
    }

    /** Once the agency declared no conflict, its evaluation (however far) can be looked at. */
    public boolean evaluable(AssignmentView a) {
        return a.state().allows(AssignmentAction.READ_CONTENT);
    }

    public String agencyName(Long id) {
        return agencyNames.getOrDefault(id, String.valueOf(id));
    }

    public AssignmentState[] getStates() { return AssignmentState.values(); }
    public List<AssignmentView> getRows() { return rows; }
    public List<AgencyOption> getAgencyOptions() { return agencyOptions; }
    public AssignmentState getState() { return state; }
    public void setState(AssignmentState v) { state = v; }
    public boolean isOverdueOnly() { return Boolean.TRUE.equals(overdueOnly); }
    public void setOverdueOnly(boolean v) { overdueOnly = v; }
    /** A MIDTERM or ACCEPTANCE successor is due when the call says (the service sets it): no date is typed for it. */
    public boolean isDueFromCall() { return reassigning != null && RuleParameter.evaluationDays(reassigning.stage()).isPresent(); }
    public AssignmentView getReassigning() { return reassigning; }
    public Long getToAgencyId() { return toAgencyId; }
    public void setToAgencyId(Long v) { toAgencyId = v; }
    public LocalDate getDueOn() { return dueOn; }
    public void setDueOn(LocalDate v) { dueOn = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
