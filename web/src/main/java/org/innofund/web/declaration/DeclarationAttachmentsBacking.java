package org.innofund.web.declaration;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.declaration.application.AttachmentService;
import org.innofund.declaration.application.AttachmentView;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The editor's attachments: one row per requirement of the call, each with its upload and withdraw. */
@Named("declarationAttachments")
@ViewScoped
public class DeclarationAttachmentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AttachmentService attachments;

    @Inject
    private DeclarationEditorBacking editor;

    /**
     * p:fileUpload listener, one upload per requirement row: the row's requirement name rides on the component
     * (f:attribute, evaluated in the row). The part's stream goes straight to the service, never into memory whole.
     */
    public void upload(FileUploadEvent event) {
        String requirement = (String) event.getComponent().getAttributes().get("requirement");
        UploadedFile file = event.getFile();
        try (InputStream content = file.getInputStream()) {
            if (BusinessCall.run(() -> attachments.upload(editor.getId(), requirement, file.getFileName(), content))) {
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
        editor.refresh();
    }

    public void withdraw(AttachmentView attachment) {
        if (BusinessCall.run(() -> attachments.withdraw(editor.getId(), attachment.id()))) {
            Feedback.info("attachment.withdrawn", attachment.originalName());
        }
        editor.refresh();
    }

    /** One row per requirement of the call, with the file attached for it now (if any). */
    public List<AttachmentRow> getRows() {
        DeclarationDetail detail = editor.getDetail();
        return detail.requirements().stream().map(r -> new AttachmentRow(r, detail.attachedFor(r.name()))).toList();
    }

    /** A requirement of the call and the file attached for it now (null if none). */
    public record AttachmentRow(DeclarationDetail.RequirementView requirement, AttachmentView current)
            implements Serializable {

        /** For the browser's file dialog only; the server recognises the type by the content. */
        public String getAccept() {
            return String.join(",", Arrays.stream(requirement.allowedTypes().split(","))
                    .map(t -> t.strip().toLowerCase(Locale.ROOT))
                    .map(t -> "jpg".equals(t) ? ".jpg,.jpeg" : "." + t).toList());
        }
    }
}
