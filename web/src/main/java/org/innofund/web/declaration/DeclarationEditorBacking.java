package org.innofund.web.declaration;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.declaration.application.AttachmentService;
import org.innofund.declaration.application.AttachmentView;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.TransitionView;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.declaration.domain.SubmissionRefusedException;
import org.innofund.declaration.domain.kind.FormSection;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Messages;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The declaration editor (and, once submitted, its read-only view): form state, and a call to a service for each
 * button. The version the form was loaded with goes back with every save, so a change made meanwhile elsewhere is
 * refused instead of overwritten.
 */
@Named("declarationEditor")
@ViewScoped
public class DeclarationEditorBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The editor's own path, for redirects back to it. */
    static final String PAGE = "/enterprise/declaration.xhtml";

    @EJB
    private DeclarationService declarations;

    @EJB
    private AttachmentService attachments;

    @EJB
    private CallCatalog catalog;

    private Long id;
    private DeclarationDetail detail;
    private CallDetail call;
    private long version;
    private DeclarationForm form;
    private boolean stale;

    /** f:viewAction: an unknown or foreign declaration is simply not found. */
    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            detail = id == null ? null : declarations.get(id);
        } catch (BusinessException e) {
            detail = null;
        }
        if (detail == null) {
            faces.getExternalContext().responseSendError(404, "");
            faces.responseComplete();
            return;
        }
        version = detail.summary().version();
        form = DeclarationForm.of(detail.content());
        try {
            call = catalog.publishedCall(detail.summary().callId());
        } catch (BusinessException e) {
            call = null; // the limits are then simply not shown; the server still applies them
        }
    }

    public void save() {
        if (attempt(this::saveForm)) {
            Feedback.info("declaration.saved");
        }
    }

    /** Saves what is on the form, then submits it; a refusal lists every problem at once. */
    public String submit() {
        if (!attempt(this::saveForm)) {
            return null;
        }
        if (!attempt(() -> detail = declarations.submit(id, version))) {
            refresh();
            return null;
        }
        Feedback.info("declaration.submittedNote");
        Feedback.keepForRedirect();
        return PAGE + "?faces-redirect=true&id=" + id;
    }

    /** After "someone else changed it": start again from what is stored now. */
    public String reload() {
        return PAGE + "?faces-redirect=true&id=" + id;
    }

    private void saveForm() {
        detail = declarations.save(id, version, form.toContent(KindRules.of(getKind()).sections()));
        version = detail.summary().version();
    }

    /** Attachments, checklist and history as stored now; the form and its version stay as the user has them. */
    private void refresh() {
        BusinessCall.run(() -> detail = declarations.get(id));
    }

    public void addBudgetLine() {
        form.addBudgetLine();
    }

    public void removeBudgetLine(DeclarationForm.BudgetRow row) {
        form.getBudgetLines().remove(row);
    }

    public void addAchievement() {
        form.addAchievement();
    }

    public void removeAchievement(DeclarationForm.AchievementRow row) {
        form.getAchievements().remove(row);
    }

    public void addService() {
        form.addService();
    }

    public void removeService(DeclarationForm.ServiceRow row) {
        form.getServices().remove(row);
    }

    /**
     * p:fileUpload listener, one upload per requirement row: the row's requirement name rides on the component
     * (f:attribute, evaluated in the row). The part's stream goes straight to the service, never into memory whole.
     */
    public void upload(FileUploadEvent event) {
        String requirement = (String) event.getComponent().getAttributes().get("requirement");
        UploadedFile file = event.getFile();
        try (InputStream content = file.getInputStream()) {
            if (BusinessCall.run(() -> attachments.upload(id, requirement, file.getFileName(), content))) {
                Feedback.info("attachment.uploaded", requirement);
            }
        } catch (IOException e) {
            Feedback.errorKey("attachment.unreadable");
        } finally {
            try {
                file.delete();
            } catch (IOException ignored) {
                // the container removes its temporary part file at the end of the request anyway
            }
        }
        refresh();
    }

    public void withdraw(AttachmentView attachment) {
        if (BusinessCall.run(() -> attachments.withdraw(id, attachment.id()))) {
            Feedback.info("attachment.withdrawn", attachment.originalName());
        }
        refresh();
    }

    /**
     * Runs a business call: a refused submission shows every problem, a stale version offers to reload, any other
     * refusal is shown as it is.
     */
    private boolean attempt(Runnable call) {
        try {
            call.run();
            return true;
        } catch (SubmissionRefusedException e) {
            Feedback.error(e);
            e.problems().forEach(p -> Feedback.errorKey(p.messageKey(), p.arguments().toArray()));
            return false;
        } catch (BusinessException e) {
            stale = stale || "request.conflict".equals(e.messageKey());
            Feedback.error(e);
            return false;
        } catch (EJBException e) {
            return BusinessCall.run(() -> {
                throw e;
            });
        }
    }

    // --- what the page shows ---

    public SubsidyKind getKind() {
        return detail.summary().subsidyKind();
    }

    public boolean isEditable() {
        return detail.editable();
    }

    public boolean isReturned() {
        return detail.summary().state() == DeclarationState.RETURNED;
    }

    /** Rows need their fields only when the form is saved or submitted, not while lines are added or removed. */
    public boolean isCompleting() {
        String source = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("jakarta.faces.source");
        return source != null && (source.endsWith(":save") || source.endsWith(":submit"));
    }

    /** The budget as typed so far, for the live sums under the budget table (summed as the server sums them). */
    public DeclarationContent getBudget() {
        return form.toContent(Set.of(FormSection.BUDGET));
    }

    /** The completeness checklist (as of the last save), in the page's language. */
    public List<String> getProblems() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return detail.problems().stream()
                .map(p -> Messages.get(locale, p.messageKey(), p.arguments().toArray())).toList();
    }

    /** One row per requirement of the call, with the file attached for it now (if any). */
    public List<AttachmentRow> getAttachmentRows() {
        return detail.requirements().stream().map(r -> new AttachmentRow(r, detail.attachments().stream()
                .filter(a -> !a.withdrawn() && a.requirement().equals(r.name()))
                .reduce((first, second) -> second).orElse(null))).toList();
    }

    public List<AttachmentView> getCurrentAttachments() {
        return detail.attachments().stream().filter(a -> !a.withdrawn()).toList();
    }

    public List<TransitionView> getHistory() {
        return detail.history();
    }

    /** The read-only view shows the content as stored. */
    public DeclarationContent getContent() {
        return detail.content();
    }

    public List<ProjectField> getFields() {
        return List.of(ProjectField.values());
    }

    public List<BudgetCategory> getCategories() {
        return List.of(BudgetCategory.values());
    }

    public List<FundingSource> getSources() {
        return List.of(FundingSource.values());
    }

    public List<Achievement> getAchievementKinds() {
        return List.of(Achievement.values());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public DeclarationDetail getDetail() {
        return detail;
    }

    public CallDetail getCall() {
        return call;
    }

    public DeclarationForm getForm() {
        return form;
    }

    public boolean isStale() {
        return stale;
    }

    /** A requirement of the call and the file attached for it now (null if none). */
    public record AttachmentRow(DeclarationDetail.RequirementView requirement, AttachmentView current)
            implements Serializable {

        /** For the browser's file dialog only; the server recognises the type by the content. */
        public String getAccept() {
            return String.join(",", java.util.Arrays.stream(requirement.allowedTypes().split(","))
                    .map(t -> t.strip().toLowerCase(Locale.ROOT))
                    .map(t -> "jpg".equals(t) ? ".jpg,.jpeg" : "." + t).toList());
        }
    }
}
