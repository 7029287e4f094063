package org.innofund.web.bureau;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.program.application.CallDetail;
import org.innofund.web.shared.Feedback;

import org.innofund.program.domain.RuleParameter;
import org.innofund.shared.MoneyFormat;

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

    /** A rule parameter with the value being edited and the value saved, read with its unit and range (issue 9, item 4). */
    public static class ParameterRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final RuleParameter parameter;
        private final BigDecimal saved;
        private BigDecimal value;

        ParameterRow(String name, BigDecimal saved) {
            this.name = name;
            this.parameter = RuleParameter.named(name).orElse(null);
            this.saved = saved;
            this.value = saved;
        }

        public boolean isChanged() {
            return value != null && value.compareTo(saved) != 0;
        }

        /** What the parameter is called on the page. */
        public String getLabel() {
            return Feedback.label("param." + name);
        }

        /** The range it may take, in its unit: 0% 至 100%, 0.00 至 100,000,000.00 元. */
        public String getRange() {
            return parameter == null ? "" : Feedback.label("paramRange." + parameter.unit(), read(parameter.min()), read(parameter.max()));
        }

        /** The value as people read it: 40% for a ratio of 0.40, 2,000,000.00 元. */
        public String getReading() {
            return parameter == null || value == null ? "" : Feedback.label("paramValue." + parameter.unit(), read(value));
        }

        private String read(BigDecimal number) {
            return switch (parameter.unit()) {
                case RATIO, GROWTH -> MoneyFormat.percent(number);
                case YUAN -> MoneyFormat.figure(number);
                default -> number.stripTrailingZeros().toPlainString();
            };
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
            Feedback.info("callEdit.parameterUnchanged", row.getLabel());
            return;
        }
        if (saveOne(row)) {
            Feedback.info("callEdit.parameterSaved", row.getLabel());
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
        if (pending.isEmpty()) {
            Feedback.saved(); // nothing typed is left unsaved
        }
    }
}
