package org.innofund.web.admin;

import org.innofund.audit.application.AuditEntryView;
import org.innofund.audit.application.AuditExport;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.audit.application.AuditSearch;
import org.innofund.audit.application.AuditTrail;
import org.innofund.audit.domain.AuditChain;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.Clocks;
import org.innofund.shared.Messages;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.util.Faces;
import org.primefaces.model.LazyDataModel;

import java.io.IOException;
import java.io.Serializable;
import java.util.ResourceBundle;
import java.time.LocalDate;
import java.util.List;

/** The audit log page: filtered, paged list and chain verification. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditTrail trail;

    private String username;
    private AuditAction action;
    private transient AuditText text;
    private AuditOutcome outcome;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<AuditEntryView> entries = new AuditEntries(this);

    AuditTrail trail() {
        return trail;
    }

    AuditSearch search() {
        return new AuditSearch(username, action, outcome,
                from == null ? null : from.atStartOfDay(Clocks.BUREAU_ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(Clocks.BUREAU_ZONE).toInstant());
    }

    public void reset() {
        username = null;
        action = null;
        outcome = null;
        from = null;
        to = null;
    }

    public void verify() {
        AuditChain.Result result = trail.verify();
        if (result.intact()) {
            Feedback.info("audit.verifyOk", result.checkedEntries());
        } else {
            String problem = Messages.get(jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                    result.problemKey());
            Feedback.errorLabel("audit.verifyBroken", result.firstBrokenSeq(), problem);
        }
    }

    /** The filtered entries as an XLSX download; above the export limit the refusal is on the page instead. */
    public void export() throws IOException {
        AuditExport[] export = new AuditExport[1];
        if (BusinessCall.run(() -> export[0] = trail.export(search()))) {
            ResourceBundle labels = Faces.getResourceBundle("msg");
            Faces.sendFile("audit-" + export[0].takenOn() + ".xlsx", true, out -> AuditWorkbook.write(export[0].entries(), labels, out));
        }
    }

    public AuditOutcome[] getOutcomes() {
        return AuditOutcome.values();
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    /** The entries in words of the page's language. */
    public AuditText getText() {
        if (text == null || !text.locale().equals(Faces.getLocale())) {
            text = new AuditText(Faces.getResourceBundle("msg"));
        }
        return text;
    }

    public LazyDataModel<AuditEntryView> getEntries() { return entries; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public AuditAction getAction() { return action; }
    public void setAction(AuditAction v) { action = v; }
    public AuditOutcome getOutcome() { return outcome; }
    public void setOutcome(AuditOutcome v) { outcome = v; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate v) { from = v; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate v) { to = v; }
}
