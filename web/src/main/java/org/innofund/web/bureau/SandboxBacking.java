package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;
import org.innofund.subsidy.application.PolicySandbox;
import org.innofund.subsidy.domain.SandboxComparison;
import org.innofund.web.shared.BusinessCall;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 政策沙盘 (reviewer and approver): the call's parameters and budget editable, 试算 beside the call's own, the lines
 * filterable by change, the XLSX. Nothing is saved: the values typed live in the view only.
 */
@Named
@ViewScoped
public class SandboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CallAdministration administration;

    @EJB
    private PolicySandbox sandbox;

    @Inject
    @Param(name = "id")
    private Long id;

    private CallDetail call;
    private List<CallParametersBacking.ParameterRow> rows = List.of();
    private BigDecimal budget;
    private SandboxComparison comparison;
    /** The changes picked in the filter, by name (a select of many submits strings). */
    private List<String> shown = new ArrayList<>();

    @PostConstruct
    void load() {
        if (id != null && BusinessCall.run(() -> call = administration.call(id))) {
            reset();
        }
    }

    /** Back to the call's own values; the last trial is dropped. */
    public void reset() {
        List<CallParametersBacking.ParameterRow> r = new ArrayList<>();
        call.ruleParameters().forEach((name, value) -> r.add(new CallParametersBacking.ParameterRow(name, value)));
        rows = r;
        budget = call.budget().amount();
        comparison = null;
    }

    /** 试算: the values changed against the call's, calculated beside them. */
    public void calculate() {
        SandboxComparison[] answer = new SandboxComparison[1];
        if (BusinessCall.run(() -> answer[0] = sandbox.compare(id, changes(), changedBudget()))) {
            comparison = answer[0];
        }
    }

    public void export() {
        byte[][] xlsx = new byte[1][];
        if (BusinessCall.run(() -> xlsx[0] = sandbox.export(id, changes(), changedBudget(), Faces.getLocale()))) {
            Faces.sendFile("政策沙盘-" + id + ".xlsx", true, out -> out.write(xlsx[0]));
        }
    }

    private Map<String, BigDecimal> changes() {
        Map<String, BigDecimal> changes = new LinkedHashMap<>();
        rows.stream().filter(CallParametersBacking.ParameterRow::isChanged).forEach(r -> changes.put(r.getName(), r.getValue()));
        return changes;
    }

    private BigDecimal changedBudget() {
        return budget == null || budget.compareTo(call.budget().amount()) == 0 ? null : budget;
    }

    /** The enterprises with the changes picked (all when none is), most affected first. */
    public List<SandboxComparison.Line> getLines() {
        return comparison == null ? List.of()
                : comparison.linesWith(shown.stream().map(SandboxComparison.Change::valueOf).toList());
    }

    /** The bar of a bucket as a share of the largest count of either side, for the chart's width. */
    public int barPercent(int count) {
        int largest = comparison.buckets().stream().mapToInt(b -> Math.max(b.current(), b.proposed())).max().orElse(0);
        return largest == 0 ? 0 : (int) Math.round(100.0 * count / largest);
    }

    /** A difference as read: +¥50,000.00, −¥50,000.00, ¥0.00. */
    public String signed(BigDecimal difference) {
        String amount = MoneyFormat.yuan(Money.of(difference.abs()));
        return difference.signum() > 0 ? "+" + amount : difference.signum() < 0 ? "−" + amount : amount;
    }

    public SandboxComparison.Change[] getChanges() {
        return SandboxComparison.Change.values();
    }

    public Long getId() { return id; }
    public CallDetail getCall() { return call; }
    public List<CallParametersBacking.ParameterRow> getRows() { return rows; }
    public BigDecimal getBudget() { return budget; }
    public void setBudget(BigDecimal budget) { this.budget = budget; }
    public SandboxComparison getComparison() { return comparison; }
    public List<String> getShown() { return shown; }
    public void setShown(List<String> shown) { this.shown = shown == null ? new ArrayList<>() : shown; }
}
