package org.innofund.web.bureau;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallDetail;
import org.innofund.web.shared.Feedback;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The draft call's rule parameters, each saved on its own or all at once (a section of the call page, see CallEditBacking). */
@Named
@ViewScoped
public class CallParametersBacking extends CallSection<CallParametersBacking.ParameterRow> {

    private static final long serialVersionUID = 1L;

    /** A rule parameter with the value being edited and the value saved. */
    public static class ParameterRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final BigDecimal saved;
        private BigDecimal value;

        ParameterRow(String name, BigDecimal saved) {
            this.name = name;
            this.saved = saved;
            this.value = saved;
        }

        public boolean isChanged() {
            return value != null && value.compareTo(saved) != 0;
        }

        public String getName() { return name; }
        public BigDecimal getSaved() { return saved; }
        public BigDecimal getValue() { return value; }
        public void setValue(BigDecimal v) { value = v; }
    }

    @Override
    protected List<ParameterRow> rowsOf(CallDetail call) {
        List<ParameterRow> rows = new ArrayList<>();
        call.ruleParameters().forEach((name, value) -> rows.add(new ParameterRow(name, value)));
        return rows;
    }

    public void save(ParameterRow row) {
        if (!row.isChanged()) {
            Feedback.info("callEdit.parameterUnchanged", row.getName());
            return;
        }
        if (saveOne(row)) {
            Feedback.info("callEdit.parameterSaved", row.getName());
            keepEdited();
        }
    }

    /** Saves every changed parameter, one after the other; stops at the first refusal (those before it are saved). */
    public void saveAll() {
        int saved = 0;
        for (ParameterRow row : getRows()) {
            if (row.isChanged()) {
                if (!saveOne(row)) {
                    break;
                }
                saved++;
            }
        }
        if (saved > 0) {
            Feedback.info("callEdit.parametersSaved", saved);
        } else if (!edit.isStale() && getRows().stream().noneMatch(ParameterRow::isChanged)) {
            Feedback.info("callEdit.parametersUnchanged");
        }
        keepEdited();
    }

    private boolean saveOne(ParameterRow row) {
        return edit.save(() -> administration.changeParameter(edit.getId(), edit.getCall().version(), row.getName(), row.getValue()), false);
    }

    /** The saved values as the call now has them; edits not saved yet stay as typed. */
    private void keepEdited() {
        Map<String, BigDecimal> pending = new HashMap<>();
        getRows().stream().filter(ParameterRow::isChanged).forEach(r -> pending.put(r.getName(), r.getValue()));
        fill();
        getRows().stream().filter(r -> pending.containsKey(r.getName())).forEach(r -> r.setValue(pending.get(r.getName())));
    }
}
