package org.innofund.web.evaluation;

import org.innofund.evaluation.application.EvaluationView;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.evaluation.domain.Conclusion;
import org.innofund.evaluation.domain.EvaluationInput;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.SubsidyKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The scoring form reads the service's view and gives back what it read, as typed; nothing is decided here. */
class ScoringFormTest {

    private static final List<EvaluationView.IndicatorView> TEMPLATE = List.of(new EvaluationView.IndicatorView("研发投入", 60, null),
            new EvaluationView.IndicatorView("先进性", 40, null));

    private static EvaluationView view(List<EvaluationView.SheetView> sheets, Conclusion conclusion, String opinion) {
        return new EvaluationView(7L, EvaluationStage.APPROVAL, SubsidyKind.RD_INVESTMENT, AssignmentState.IN_EVALUATION, true,
                false, sheets.isEmpty() ? 0 : 1, null, false, sheets, TEMPLATE, null, null, conclusion, opinion, null, null,
                null, null, List.of(), 3L);
    }

    @Test
    void anEmptyEvaluationStartsWithBlankRowsOfACellPerIndicatorAndNoVerifiedFigures() {
        ScoringForm form = ScoringForm.of(view(List.of(), new Conclusion(null, null, null, null), null), 3);
        EvaluationInput input = form.input();
        assertEquals(3, input.sheets().size());
        assertEquals(Arrays.asList(null, null), input.sheets().get(2).scores());
        assertNull(input.conclusion().verifiedFigures(), "nothing typed: the declared figures stand");
    }

    @Test
    void aSavedDraftComesBackAsItWasGivenWithAShortRowPaddedAndRowsAddedAndRemoved() {
        Conclusion.VerifiedFigures figures = new Conclusion.VerifiedFigures(null, null, null, new BigDecimal("5000000.00"),
                null, null, 12, null);
        EvaluationView saved = view(List.of(
                new EvaluationView.SheetView(0, "张三", "教授", "宁波大学", List.of(new BigDecimal("50.5")), new BigDecimal("50.5"), false, false),
                new EvaluationView.SheetView(1, "李四", null, null, List.of(new BigDecimal("60"), new BigDecimal("40")),
                        new BigDecimal("100"), false, false)),
                new Conclusion(Verdict.RECOMMEND, null, figures, null), "意见");
        ScoringForm form = ScoringForm.of(saved, 3);
        assertEquals(3, form.getSheets().size(), "filled up to the panel's minimum");
        form.getSheets().get(0).getCells().get(1).setValue(new BigDecimal("30"));
        form.removeSheet(2);
        form.addSheet();
        form.removeSheet(2);
        EvaluationInput input = form.input();
        assertEquals(2, input.sheets().size());
        assertEquals(List.of(new BigDecimal("50.5"), new BigDecimal("30")), input.sheets().get(0).scores());
        assertEquals("宁波大学", input.sheets().get(0).expert().employer());
        assertEquals(figures, input.conclusion().verifiedFigures());
        assertEquals(Verdict.RECOMMEND, input.conclusion().verdict());
        assertEquals("意见", input.opinion());
    }
}
