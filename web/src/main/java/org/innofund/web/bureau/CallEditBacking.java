package org.innofund.web.bureau;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallDetail;
import org.innofund.web.shared.Feedback;

import java.util.function.Supplier;

/**
 * Editing a draft call, section by section: its basic data here; its required attachments, scoring template and rule
 * parameters in {@link CallRequirementsBacking}, {@link CallTemplateBacking} and {@link CallParametersBacking}, which
 * save through this bean so that every section names the version the page holds. A published call is read-only.
 */
@Named
@ViewScoped
public class CallEditBacking extends CallPage {

    private static final long serialVersionUID = 1L;

    private CallForm form;

    @Override
    protected void loaded() {
        form = CallForm.of(getCall());
    }

    public void saveBasics() {
        if (save(() -> administration.revise(getId(), getCall().version(), form.getTitle(), form.yearOrZero(),
                form.opensAtInstant(), form.closesAtInstant(), form.getBudget(), form.getMaxRequest(), form.getGuide()))) {
            form = CallForm.of(getCall());
        }
    }

    /** Saves a section's change to the version the page holds and says so. */
    public boolean save(Supplier<CallDetail> change) {
        return save(change, true);
    }

    public boolean save(Supplier<CallDetail> change, boolean sayIt) {
        boolean saved = change(change);
        if (saved && sayIt) {
            Feedback.info("callEdit.saved");
            Feedback.saved();
        }
        return saved;
    }

    /** Saving is offered on a draft, unless someone else changed it since the page was loaded. */
    public boolean isSavable() {
        return isChangeableDraft();
    }

    public CallForm getForm() { return form; }
}
