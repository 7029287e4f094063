package org.innofund.web.declaration;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

/**
 * The declaration page's actions besides editing, on the declaration the editor loaded and at the version it read:
 * 撤回申报 (take a submission back before the reviewer decides), 删除草稿, and the 申报书 of the last submission.
 */
@Named("declarationActions")
@RequestScoped
public class DeclarationActionsBacking {

    @EJB
    private DeclarationService declarations;

    @Inject
    private DeclarationEditorBacking editor;

    public String withdraw() {
        DeclarationSummary s = editor.getDetail().summary();
        if (!BusinessCall.run(() -> declarations.withdraw(s.id(), s.version()))) {
            return null;
        }
        Feedback.info("declaration.withdrawn", s.receiptNumber());
        Feedback.keepForRedirect();
        return "/enterprise/declaration?faces-redirect=true&id=" + s.id();
    }

    public String delete() {
        DeclarationSummary s = editor.getDetail().summary();
        if (!BusinessCall.run(() -> declarations.delete(s.id(), s.version()))) {
            return null;
        }
        Feedback.info("declaration.deleted", s.projectName() == null ? Feedback.label("declaration.untitled") : s.projectName());
        Feedback.keepForRedirect();
        return "/enterprise/home?faces-redirect=true";
    }

    /** The 申报书 of the last submitted revision. */
    public String getPrintoutPath() {
        DeclarationSummary s = editor.getDetail().summary();
        return DeclarationFilesServlet.printoutPath(s.id(), s.revision());
    }
}
