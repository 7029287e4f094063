package org.innofund.web.declaration;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.declaration.application.AttachmentService;
import org.innofund.declaration.application.AttachmentView;
import org.primefaces.event.FileUploadEvent;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.innofund.web.shared.Uploads;

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

    /** p:fileUpload listener: the file goes to the service with the description typed above it. */
    public void upload(FileUploadEvent event) {
        if (Uploads.run(event.getFile(), (name, content) -> attachments.uploadOther(editor.getId(), description, name, content))) {
            Feedback.info("otherMaterials.uploaded", description.strip());
            description = null;
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
