package org.innofund.web.declaration;

import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.declaration.domain.SubmissionRefusedException;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Messages;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The editor's checklist: what still stands in the way of submitting (as of the last save), and the save and submit
 * buttons under it. A refused submission lists every problem; a stale version offers to reload.
 */
@Named("declarationChecklist")
@ViewScoped
public class DeclarationChecklist implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DeclarationEditorBacking editor;

    private boolean stale;

    public void save() {
        if (attempt(editor::saveForm)) {
            Feedback.info("declaration.saved");
            Feedback.saved();
        }
    }

    /** Saves what is on the form, then submits it; a refusal leaves every problem listed in the checklist. */
    public String submit() {
        if (!attempt(editor::saveForm)) {
            return null;
        }
        Feedback.saved(); // saved, even if the submission is refused below
        if (!attempt(editor::submitSaved)) {
            editor.refresh();
            return null;
        }
        Feedback.info("declaration.submittedNote");
        Feedback.keepForRedirect();
        return DeclarationEditorBacking.PAGE + "?faces-redirect=true&id=" + editor.getId();
    }

    /**
     * Runs a business call: a refused submission says how many problems the checklist lists, a stale version offers to reload, any other
     * refusal is shown as it is.
     */
    private boolean attempt(Runnable call) {
        try {
            call.run();
            return true;
        } catch (SubmissionRefusedException e) {
            Feedback.error(e); // how many; the problems themselves are listed once, in the checklist (issue 9, item 18)
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

    /** The completeness checklist (as of the last save), in the page's language. */
    public List<String> getProblems() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return editor.getDetail().problems().stream()
                .map(p -> Messages.get(locale, p.messageKey(), p.arguments().toArray())).toList();
    }

    public boolean isStale() {
        return stale;
    }
}
