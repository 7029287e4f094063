package org.innofund.web.subsidy;

import org.innofund.subsidy.application.CalculationRuns;
import org.innofund.subsidy.application.LineOrder;
import org.innofund.subsidy.application.LineView;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.util.List;
import java.util.Map;

/** A run's lines, loaded as the paginator asks for them: a run has up to tens of thousands. */
final class CalculationLines extends LazyDataModel<LineView> {

    private static final long serialVersionUID = 1L;

    private final CalculationBacking page;
    private final long runId;
    private final int lineCount;

    CalculationLines(CalculationBacking page, long runId, int lineCount) {
        this.page = page;
        this.runId = runId;
        this.lineCount = lineCount;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return lineCount;
    }

    @Override
    public List<LineView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.min(Math.max(1, pageSize), CalculationRuns.MAX_PAGE_SIZE);
        return page.runs().run(runId, Math.max(0, first) / size, size, LineOrder.POSITION).lines();
    }

    @Override
    public String getRowKey(LineView line) {
        return Integer.toString(line.position());
    }

    @Override
    public LineView getRowData(String rowKey) {
        return null;
    }
}
