package org.innofund.web.subsidy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.subsidy.application.CalculationRuns;
import org.innofund.subsidy.application.LineView;
import org.innofund.subsidy.application.RunView;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;

import java.io.Serializable;
import java.util.List;

/**
 * 核定 (?call=, optionally &run=): a call's calculation runs, one of them (the newest unless chosen) with its totals
 * against the budget and its lines page by page, an enterprise's explanation in a dialog. The reviewer starts a run;
 * the approver approves the newest preview (the four-eyes rule and the version check are the service's).
 */
@Named
@ViewScoped
public class CalculationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CalculationRuns runs;

    @EJB
    private CallAdministration calls;

    @Inject
    @Param(name = "call")
    private Long callId;

    @Inject
    @Param(name = "run")
    private Long runId;

    private CallDetail call;
    private List<RunView> versions = List.of();
    private RunView selected;
    private CalculationLines lines;
    private LineView explained;

    @PostConstruct
    void load() {
        if (callId != null && BusinessCall.run(() -> {
            call = calls.call(callId);
            versions = runs.ofCall(callId);
        })) {
            show(runId);
        }
    }

    /** The run of that id among the call's, or the newest. */
    private void show(Long id) {
        selected = versions.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElse(versions.isEmpty() ? null : versions.get(0));
        lines = selected == null ? null : new CalculationLines(this, selected.id(), selected.lines());
        explained = null;
    }

    /** 开始核定 (the confirmation was asked first): the new version is shown. */
    public void start() {
        RunView[] started = new RunView[1];
        if (BusinessCall.run(() -> started[0] = runs.start(callId))) {
            Feedback.info("calculation.started", started[0].versionNo(), started[0].lines());
            versions = runs.ofCall(callId);
            show(started[0].id());
        }
    }

    /** 批准核定 (confirmed first), with the version the page read. */
    public void approve() {
        RunView[] approved = new RunView[1];
        if (BusinessCall.run(() -> approved[0] = runs.approve(selected.id(), selected.version()))) {
            Feedback.info("calculation.approved", approved[0].versionNo());
            versions = runs.ofCall(callId);
            show(approved[0].id());
        }
    }

    public void explain(LineView line) {
        explained = line;
    }

    CalculationRuns runs() {
        return runs;
    }

    public CallDetail getCall() { return call; }
    public List<RunView> getVersions() { return versions; }
    public RunView getSelected() { return selected; }
    public CalculationLines getLines() { return lines; }
    public LineView getExplained() { return explained; }
}
