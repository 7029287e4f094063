package org.innofund.web.project;

import org.innofund.declaration.domain.FundingSource;
import org.innofund.project.domain.AgreementContent;
import org.innofund.web.declaration.DeclarationForm.BudgetRow;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The task agreement's editor: the content as rows the page can bind, to and from {@link AgreementContent}. No rules. */
public class AgreementForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String goals;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private final List<TargetRow> targets = new ArrayList<>();
    private final List<BudgetRow> budget = new ArrayList<>();
    private final List<MilestoneRow> milestones = new ArrayList<>();

    public static AgreementForm of(AgreementContent c) {
        AgreementForm f = new AgreementForm();
        f.goals = c.goals();
        f.periodStart = c.periodStart();
        f.periodEnd = c.periodEnd();
        c.targets().forEach(t -> f.targets.add(new TargetRow(t.name(), t.value(), t.unit())));
        c.budget().forEach(b -> f.budget.add(new BudgetRow(b.category(), b.source(), b.amount())));
        c.milestones().forEach(m -> f.milestones.add(new MilestoneRow(m.title(), m.dueOn(), m.midterm())));
        return f;
    }

    public AgreementContent content() {
        return new AgreementContent(goals, periodStart, periodEnd,
                targets.stream().map(t -> new AgreementContent.Target(t.name, t.value, t.unit)).toList(),
                budget.stream().map(b -> new AgreementContent.BudgetItem(b.getCategory(), b.getSource(), b.getAmount())).toList(),
                milestones.stream().map(m -> new AgreementContent.Milestone(m.title, m.dueOn, m.midterm)).toList());
    }

    public void addTarget() { targets.add(new TargetRow(null, null, null)); }
    public void addBudgetLine() { budget.add(new BudgetRow(null, FundingSource.SUBSIDY, null)); }
    public void addMilestone() { milestones.add(new MilestoneRow(null, null, false)); }
    public void removeTarget(TargetRow row) { targets.remove(row); }
    public void removeBudgetLine(BudgetRow row) { budget.remove(row); }
    public void removeMilestone(MilestoneRow row) { milestones.remove(row); }

    public String getGoals() { return goals; }
    public void setGoals(String v) { goals = v; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate v) { periodStart = v; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(LocalDate v) { periodEnd = v; }
    public List<TargetRow> getTargets() { return targets; }
    public List<BudgetRow> getBudget() { return budget; }
    public List<MilestoneRow> getMilestones() { return milestones; }

    public static class TargetRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private BigDecimal value;
        private String unit;

        TargetRow(String name, BigDecimal value, String unit) {
            this.name = name;
            this.value = value;
            this.unit = unit;
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public BigDecimal getValue() { return value; }
        public void setValue(BigDecimal v) { value = v; }
        public String getUnit() { return unit; }
        public void setUnit(String v) { unit = v; }
    }

    public static class MilestoneRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String title;
        private LocalDate dueOn;
        private boolean midterm;

        MilestoneRow(String title, LocalDate dueOn, boolean midterm) {
            this.title = title;
            this.dueOn = dueOn;
            this.midterm = midterm;
        }

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public LocalDate getDueOn() { return dueOn; }
        public void setDueOn(LocalDate v) { dueOn = v; }
        public boolean isMidterm() { return midterm; }
        public void setMidterm(boolean v) { midterm = v; }
    }
}
