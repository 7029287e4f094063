package org.innofund.web.evaluation;

import org.innofund.evaluation.application.EvaluationView;
import org.innofund.evaluation.domain.Conclusion;
import org.innofund.evaluation.domain.EvaluationInput;
import org.innofund.evaluation.domain.ExpertSheet;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.web.declaration.DeclarationForm;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The scoring form's fields as the agency types them (the experts' sheets, the conclusion, the opinion), read from the
 * service's view and given back as its {@link EvaluationInput}. What is right or complete is the service's to say.
 */
public class ScoringForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One score cell, bound as {@code #{s.cells[j].value}} so that the page converts what is typed to a number. */
    public static class Cell implements Serializable {
        private static final long serialVersionUID = 1L;
        private BigDecimal value;

        Cell(BigDecimal value) {
            this.value = value;
        }

        public BigDecimal getValue() { return value; }
        public void setValue(BigDecimal v) { value = v; }
    }

    /** One expert's row: who, and a score per indicator of the template (null: not typed yet). */
    public static class Sheet implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String title;
        private String employer;
        private final List<Cell> cells = new ArrayList<>();

        Sheet(String name, String title, String employer, List<BigDecimal> scores, int indicators) {
            this.name = name;
            this.title = title;
            this.employer = employer;
            scores.forEach(score -> cells.add(new Cell(score)));
            while (cells.size() < indicators) {
                cells.add(new Cell(null));
            }
        }

        ExpertSheet sheet() {
            return new ExpertSheet(new ExpertSheet.Expert(name, title, employer), cells.stream().map(Cell::getValue).toList());
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getEmployer() { return employer; }
        public void setEmployer(String v) { employer = v; }
        public List<Cell> getCells() { return cells; }
    }

    private final int indicators;
    private final List<Sheet> sheets = new ArrayList<>();
    private boolean consolidated;
    private Verdict verdict;
    private BigDecimal recommendedAmount;
    private BigDecimal auditedActualSpend;
    /** 核定数据, bound field by field as the declaration form binds the declared R&D figures. */
    private final DeclarationForm.RdRow figures = new DeclarationForm.RdRow();
    private String opinion;

    /** The form as the view's version left it; an empty evaluation starts with {@code emptySheets} blank rows. */
    static ScoringForm of(EvaluationView view, int emptySheets) {
        ScoringForm form = new ScoringForm(view.indicators().size());
        view.sheets().forEach(s -> form.sheets.add(new Sheet(s.name(), s.title(), s.employer(), s.scores(), form.indicators)));
        for (int i = form.sheets.size(); i < emptySheets; i++) {
            form.addSheet();
        }
        form.consolidated = view.consolidated();
        Conclusion c = view.conclusion();
        form.verdict = c.verdict();
        form.recommendedAmount = c.recommendedAmount();
        form.auditedActualSpend = c.auditedActualSpend();
        Conclusion.VerifiedFigures f = c.verifiedFigures();
        if (f != null) {
            form.figures.setExpenseTax(f.expenseTax());
            form.figures.setExpenseStat(f.expenseStat());
            form.figures.setExpensePrior(f.expensePrior());
            form.figures.setRevenue(f.revenue());
            form.figures.setValidInventionPatents(f.validInventionPatents());
            form.figures.setInventionApplications(f.inventionApplications());
            form.figures.setRdStaff(f.rdStaff());
            form.figures.setTotalStaff(f.totalStaff());
        }
        form.opinion = view.opinion();
        return form;
    }

    private ScoringForm(int indicators) {
        this.indicators = indicators;
    }

    EvaluationInput input() {
        return new EvaluationInput(sheets.stream().map(Sheet::sheet).toList(), consolidated,
                new Conclusion(verdict, recommendedAmount, verifiedFigures(), auditedActualSpend), opinion);
    }

    /** Null when nothing is typed: the declared figures stand. */
    private Conclusion.VerifiedFigures verifiedFigures() {
        DeclarationForm.RdRow f = figures;
        Conclusion.VerifiedFigures typed = new Conclusion.VerifiedFigures(f.getExpenseTax(), f.getExpenseStat(),
                f.getExpensePrior(), f.getRevenue(), f.getValidInventionPatents(), f.getInventionApplications(),
                f.getRdStaff(), f.getTotalStaff());
        return typed.equals(new Conclusion.VerifiedFigures(null, null, null, null, null, null, null, null)) ? null : typed;
    }

    void addSheet() {
        sheets.add(new Sheet(null, null, null, Collections.nCopies(indicators, null), indicators));
    }

    void removeSheet(int index) {
        sheets.remove(index);
    }

    public List<Sheet> getSheets() { return sheets; }
    public boolean isConsolidated() { return consolidated; }
    public void setConsolidated(boolean v) { consolidated = v; }
    public Verdict getVerdict() { return verdict; }
    public void setVerdict(Verdict v) { verdict = v; }
    public BigDecimal getRecommendedAmount() { return recommendedAmount; }
    public void setRecommendedAmount(BigDecimal v) { recommendedAmount = v; }
    public BigDecimal getAuditedActualSpend() { return auditedActualSpend; }
    public void setAuditedActualSpend(BigDecimal v) { auditedActualSpend = v; }
    public DeclarationForm.RdRow getFigures() { return figures; }
    public String getOpinion() { return opinion; }
    public void setOpinion(String v) { opinion = v; }
}
