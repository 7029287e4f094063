package org.innofund.web.declaration;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.declaration.domain.kind.FormSection;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.web.shared.BusinessCall;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.util.Set;

/**
 * The declaration editor (and, once submitted, its read-only view): the declaration as loaded and the form as typed.
 * The version the form was loaded with goes back with every save, so a change made meanwhile elsewhere is refused
 * instead of overwritten. Saving and submitting: {@link DeclarationChecklist}; files: {@link DeclarationAttachmentsBacking}.
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
    private CallCatalog catalog;

    @Inject
    @Param(name = "id")
    private Long id;

    private DeclarationDetail detail;
    private CallDetail call;
    private long version;
    private DeclarationForm form;

    @PostConstruct
    void load() {
        try {
            detail = id == null ? null : declarations.get(id);
        } catch (BusinessException e) {
            detail = null; // not found, or not this enterprise's
        }
        if (detail == null) {
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

    /** f:viewAction: an unknown, malformed or foreign id is simply not found. */
    public void requireFound() throws IOException {
        if (detail == null) {
            Faces.responseSendError(404, "");
        }
    }

    /** Saves the form as typed against the version it was loaded with (or last saved as). */
    void saveForm() {
        detail = declarations.save(id, version, form.toContent(KindRules.of(getKind()).sections()));
        version = detail.summary().version();
    }

    void submitSaved() {
        detail = declarations.submit(id, version);
    }

    /** Attachments, checklist and history as stored now; the form and its version stay as the user has them. */
    void refresh() {
        BusinessCall.run(() -> detail = declarations.get(id));
    }

    // --- what the page shows ---

    public SubsidyKind getKind() { return detail.summary().subsidyKind(); }
    public boolean isEditable() { return detail.editable(); }
    public boolean isReturned() { return detail.summary().state() == DeclarationState.RETURNED; }

    /** The budget as typed so far, for the live sums under the budget table (summed as the server sums them). */
    public DeclarationContent getBudget() {
        return form.toContent(Set.of(FormSection.BUDGET));
    }

    public Long getId() { return id; }
    public DeclarationDetail getDetail() { return detail; }
    public CallDetail getCall() { return call; }
    public DeclarationForm getForm() { return form; }
}
