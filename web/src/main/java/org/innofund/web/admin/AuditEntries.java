package org.innofund.web.admin;

import org.innofund.audit.application.AuditEntryView;
import org.innofund.audit.application.AuditTrail;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.util.List;
import java.util.Map;

/** The audit list's pages, loaded as the paginator asks for them, with the page's filters. */
final class AuditEntries extends LazyDataModel<AuditEntryView> {

    private static final long serialVersionUID = 1L;

    private final AuditBacking page;

    AuditEntries(AuditBacking page) {
        this.page = page;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, page.trail().count(page.search()));
    }

    @Override
    public List<AuditEntryView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        // the paginator offers 25 to 100 rows; a forged larger "rows" gets the largest page, not an error page
        return page.trail().search(page.search(), Math.max(0, first), Math.min(Math.max(1, pageSize), AuditTrail.MAX_PAGE_SIZE));
    }

    @Override
    public String getRowKey(AuditEntryView entry) {
        return Long.toString(entry.seq());
    }

    @Override
    public AuditEntryView getRowData(String rowKey) {
        return null;
    }
}
