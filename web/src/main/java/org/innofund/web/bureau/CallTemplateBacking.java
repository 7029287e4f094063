package org.innofund.web.bureau;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallDetail;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The draft call's scoring template as an editable table (a section of the call page, see CallEditBacking). */
@Named
@ViewScoped
public class CallTemplateBacking extends CallSection<CallTemplateBacking.IndicatorRow> {

    private static final long serialVersionUID = 1L;

    /** A row of the table. */
    public static class IndicatorRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private Integer weight;

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public Integer getWeight() { return weight; }
        public void setWeight(Integer v) { weight = v; }
    }

    @Override
    protected List<IndicatorRow> rowsOf(CallDetail call) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (CallDetail.Indicator i : call.scoringTemplate()) {
            IndicatorRow row = new IndicatorRow();
            row.setName(i.name());
            row.setWeight(i.weight());
            rows.add(row);
        }
        return rows;
    }

    public void add() {
        getRows().add(new IndicatorRow());
    }

    public void remove(IndicatorRow row) {
        getRows().remove(row);
    }

    /** The live sum of the weights while they are typed; the service refuses a template that does not sum to 100. */
    public int getWeightSum() {
        return getRows().stream().map(IndicatorRow::getWeight).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
    }

    public void save() {
        List<CallDetail.Indicator> list = getRows().stream()
                .map(i -> new CallDetail.Indicator(i.getName(), i.getWeight() == null ? 0 : i.getWeight())).toList();
        saveRows(() -> administration.replaceScoringTemplate(edit.getId(), edit.getCall().version(), list));
    }

}
