package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.program.domain.EvaluationStage;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;

/**
 * The draft call's evaluation arrangement (评估安排): the stages its projects go through and whether an agency may hand
 * in one consolidated sheet (汇总评分表) instead of the experts' sheets. A section of the call page ({@link
 * CallEditBacking}); which stages a kind starts with, and that only a draft changes, are the call's rules.
 */
@Named
@ViewScoped
public class CallEvaluationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CallAdministration administration;

    @Inject
    private CallEditBacking edit;

    /** An array: Faces converts each ticked value to the element type it finds here. */
    private EvaluationStage[] stages = new EvaluationStage[0];
    private boolean consolidated;

    @PostConstruct
    void load() {
        if (edit.getCall() != null) {
            fill(edit.getCall());
        }
    }

    private void fill(CallDetail call) {
        stages = Arrays.stream(EvaluationStage.values()).filter(call.evaluationStages()::contains)
                .toArray(EvaluationStage[]::new);
        consolidated = call.consolidatedSheetAllowed();
    }

    public void save() {
        if (edit.save(() -> administration.changeEvaluation(edit.getId(), edit.getCall().version(),
                Set.of(stages), consolidated))) {
            fill(edit.getCall());
        }
    }

    /** Every stage, in the order a project lives them. */
    public EvaluationStage[] getAllStages() {
        return EvaluationStage.values();
    }

    public EvaluationStage[] getStages() { return stages; }
    public void setStages(EvaluationStage[] v) { stages = v == null ? new EvaluationStage[0] : v; }
    public boolean isConsolidated() { return consolidated; }
    public void setConsolidated(boolean v) { consolidated = v; }
}
