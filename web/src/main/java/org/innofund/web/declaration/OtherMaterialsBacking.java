package org.innofund.web.declaration;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.declaration.application.AttachmentService;
import org.innofund.declaration.application.AttachmentView;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/** 其他材料 on the declaration editor: files the call did not list, each with what it is; several, none required. */
@Named("otherMaterials")
@ViewScoped
public class OtherMaterialsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AttachmentService attachments;

    @Inject
    private DeclarationEditorBacking editor;

    /** What the next file is, typed before it is chosen. */
    private String description;

    /** p:fileUpload listener: the part's stream goes straight to the service with the description typed above it. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try (InputStream content = file.getInputStream()) {
            if (BusinessCall.run(() -> attachments.uploadOther(editor.getId(), description, file.getFileName(), content))) {
                Feedback.info("otherMaterials.uploaded", description.strip());
                description = null;
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

    /** The other materials attached now, oldest first. */
    public List<AttachmentView> getFiles() {
        return editor.getDetail().currentAttachments().stream().filter(AttachmentView::otherMaterial).toList();
    }

    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
