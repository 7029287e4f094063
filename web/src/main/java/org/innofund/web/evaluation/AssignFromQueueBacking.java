package org.innofund.web.evaluation;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.evaluation.application.AgencyOption;
import org.innofund.evaluation.application.Agencies;
import org.innofund.evaluation.application.Assignments;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.RuleParameter;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Messages;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.EjbExceptions;
import org.innofund.web.shared.Feedback;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 分派评估 from the formal review queue: the declarations ticked in the queue, given to one agency for one stage with
 * a due date. A refusal (all or nothing, by the service) is listed in the dialog, each declaration with its reasons.
 */
@Named
@ViewScoped
public class AssignFromQueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One declaration the service refused, as the reviewer knows it, with one reason. */
    public record Refusal(String declaration, String reason) implements Serializable {
    }

    @EJB
    private Assignments assignments;

    @EJB
    private Agencies agencies;

    private List<DeclarationSummary> selected = new ArrayList<>();
    private List<AgencyOption> agencyOptions;
    private Long agencyId;
    private EvaluationStage stage = EvaluationStage.APPROVAL;
    private LocalDate dueOn;
    private List<Refusal> refusals = List.of();

    /** Opens the dialog for what is ticked, or says that nothing is. */
    public void open() {
        refusals = List.of();
        if (selected == null || selected.isEmpty()) {
            Feedback.errorLabel("assign.noneSelected");
            return;
        }
        PrimeFaces.current().ajax().addCallbackParam("open", true);
    }

    public void assign() {
        List<Long> ids = selected.stream().map(DeclarationSummary::id).toList();
        try {
            assignments.assign(ids, stage, agencyId, dueOn);
        } catch (BusinessException | EJBException e) {
            Throwable cause = e instanceof EJBException ? EjbExceptions.unwrap(e) : e;
            if (cause instanceof InvalidFormException form && form.problems().stream().anyMatch(p -> p.field().startsWith("declaration."))) {
                refusals = form.problems().stream().map(this::refusal).toList();
                Feedback.errorLabel("assign.refused");
                return;
            }
            if (cause instanceof BusinessException b) {
                Feedback.error(b);
                return;
            }
            throw e;
        }
        Feedback.info("assign.done", ids.size(), agencyName());
        selected = new ArrayList<>();
        refusals = List.of();
        Dialogs.done(":queueForm:queue", ":messages");
    }

    /** The service names a refused declaration by its field "declaration.{id}": shown as the reviewer knows it. */
    private Refusal refusal(FieldProblem p) {
        String text = Messages.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(), p.messageKey(),
                p.arguments().toArray());
        String declaration = selected.stream().filter(d -> p.field().equals("declaration." + d.id())).findFirst()
                .map(d -> d.projectName() + " · " + d.enterpriseName()).orElse(p.field());
        return new Refusal(declaration, text);
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

    /** MIDTERM and ACCEPTANCE are due when the call says (the service sets it): no date is typed for them. */
    public boolean isDueFromCall() { return stage != null && RuleParameter.evaluationDays(stage).isPresent(); }
    public EvaluationStage[] getStages() { return EvaluationStage.values(); }
    public List<DeclarationSummary> getSelected() { return selected; }
    public void setSelected(List<DeclarationSummary> v) { selected = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    public Long getAgencyId() { return agencyId; }
    public void setAgencyId(Long v) { agencyId = v; }
    public EvaluationStage getStage() { return stage; }
    public void setStage(EvaluationStage v) { stage = v; }
    public LocalDate getDueOn() { return dueOn; }
    public void setDueOn(LocalDate v) { dueOn = v; }
    public List<Refusal> getRefusals() { return refusals; }
}
