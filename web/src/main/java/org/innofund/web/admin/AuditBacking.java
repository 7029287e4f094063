package org.innofund.web.admin;

import org.innofund.audit.application.AuditEntryView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.audit.application.AuditSearch;
import org.innofund.audit.application.AuditTrail;
import org.innofund.audit.domain.AuditChain;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.Clocks;
import org.innofund.shared.Messages;
import org.innofund.web.shared.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The audit log page: filtered, paged list and chain verification. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditTrail trail;

    private String username;
    private String action;
    private AuditOutcome outcome;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<AuditEntryView> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, trail.count(search()));
        }

        @Override
        public List<AuditEntryView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            // the paginator offers 25 to 100 rows; a forged larger "rows" gets the largest page, not an error page
            return trail.search(search(), Math.max(0, first), Math.min(Math.max(1, pageSize), AuditTrail.MAX_PAGE_SIZE));
        }

        @Override
        public String getRowKey(AuditEntryView entry) {
            return Long.toString(entry.seq());
        }

        @Override
        public AuditEntryView getRowData(String rowKey) {
            return null;
        }
    };

    private AuditSearch search() {
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

    public AuditOutcome[] getOutcomes() {
        return AuditOutcome.values();
    }

    public LazyDataModel<AuditEntryView> getEntries() { return entries; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getAction() { return action; }
    public void setAction(String v) { action = v; }
    public AuditOutcome getOutcome() { return outcome; }
    public void setOutcome(AuditOutcome v) { outcome = v; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate v) { from = v; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate v) { to = v; }
}
