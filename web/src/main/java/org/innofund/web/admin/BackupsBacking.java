package org.innofund.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.platform.backup.BackupFile;
import org.innofund.platform.backup.Backups;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.util.List;

/** 数据备份: the backups kept, newest first, and a button that takes one now. */
@Named
@ViewScoped
public class BackupsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Backups backups;

    private List<BackupFile> list;
    private String folder;

    @PostConstruct
    void load() {
        list = backups.list();
        folder = backups.folder().toString();
    }

    public void takeNow() {
        BackupFile[] taken = new BackupFile[1];
        if (BusinessCall.run(() -> taken[0] = backups.takeNow())) {
            Feedback.info("backups.taken", taken[0].name());
            load();
        }
    }

    public List<BackupFile> getList() { return list; }
    public String getFolder() { return folder; }
}
