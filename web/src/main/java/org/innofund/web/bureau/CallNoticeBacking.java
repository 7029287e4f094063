package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallNotices;
import org.innofund.program.application.NoticeView;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.innofund.web.shared.Uploads;
import org.primefaces.event.FileUploadEvent;

import java.io.Serializable;

/** 正式通知 on the reviewer's call page: the notice the call has, and its upload while a draft (saved through {@link CallEditBacking}). */
@Named("callNotice")
@ViewScoped
public class CallNoticeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CallNotices notices;

    @EJB
    private CallAdministration administration;

    @Inject
    private CallEditBacking edit;

    private NoticeView notice;

    @PostConstruct
    void load() {
        if (edit.getCall() != null) {
            BusinessCall.run(() -> notice = notices.notice(edit.getId()).orElse(null));
        }
    }

    /** p:fileUpload listener: the file goes to the service with the version the page holds; the page then holds the new one. */
    public void upload(FileUploadEvent event) {
        Uploads.run(event.getFile(), (name, content) -> {
            if (edit.save(() -> {
                notice = notices.upload(edit.getId(), edit.getCall().version(), name, content);
                return administration.call(edit.getId());
            }, false)) {
                Feedback.info("callNotice.uploaded", notice.originalName());
            }
        });
    }

    public NoticeView getNotice() { return notice; }
}
