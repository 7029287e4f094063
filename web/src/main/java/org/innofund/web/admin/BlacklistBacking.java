package org.innofund.web.admin;

import org.innofund.integrity.application.IntegrityEntry;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord.SubjectKind;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Dialogs;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** 科研诚信记录: the integrity blacklist, a form to add an entry, and ending one early. Entries are never deleted. */
@Named
@ViewScoped
public class BlacklistBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private IntegrityRegistry registry;

    private List<IntegrityEntry> records;

    private SubjectKind kind = SubjectKind.ENTERPRISE;
    private String uscc;
    private String subjectName;
    private String reason;
    private LocalDate validFrom;
    private LocalDate validUntil;

    // ending an entry early
    private IntegrityEntry ending;
    private String endReason;

    @PostConstruct
    void load() {
        if (validFrom == null) {
            validFrom = registry.today();
        }
        records = registry.list();
    }

    public void add() {
        IntegrityEntry[] added = new IntegrityEntry[1];
        if (BusinessCall.run(() -> added[0] = registry.add(kind, uscc, subjectName, reason, validFrom, validUntil))) {
            Feedback.info("blacklist.added", added[0].subjectName());
            uscc = null;
            subjectName = null;
            reason = null;
            validFrom = null;
            validUntil = null;
            load();
        }
    }

    /** Opens the dialog that ends this entry early, with the version the end will name. */
    public void startEnd(IntegrityEntry entry) {
        ending = entry;
        endReason = null;
    }

    /** Called once the reason was validated and the administrator confirmed. */
    public void end() {
        IntegrityEntry[] ended = new IntegrityEntry[1];
        if (ending != null && BusinessCall.run(() -> ended[0] = registry.endEarly(ending.id(), ending.version(), endReason))) {
            Feedback.info("blacklist.endedDone", ended[0].subjectName(), ended[0].endedOn());
            load();
            Dialogs.done(":blacklistForm", ":messages");
        }
    }

    public SubjectKind[] getKinds() {
        return SubjectKind.values();
    }

    public List<IntegrityEntry> getRecords() { return records; }
    public IntegrityEntry getEnding() { return ending; }
    public String getEndReason() { return endReason; }
    public void setEndReason(String v) { endReason = v; }
    public SubjectKind getKind() { return kind; }
    public void setKind(SubjectKind v) { kind = v; }
    public String getUscc() { return uscc; }
    public void setUscc(String v) { uscc = v; }
    public String getSubjectName() { return subjectName; }
    public void setSubjectName(String v) { subjectName = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate v) { validFrom = v; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate v) { validUntil = v; }
}
