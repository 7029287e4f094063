package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** 企业研发投入后补助 (SUBSIDY-RULES.md, kind 2): the year's R&D figures, the eligibility conditions and growth bands. */
public final class RdInvestmentRules implements KindRules {

    /** A growth band: its rate of E1 and its cap. */
    public record Band(BigDecimal rate, Money cap) {
    }

    /**
     * The eligibility minimums and the three bands: band 1 above {@code band1GrowthAbove}, band 2 from no growth to it,
     * band 3 from {@code band3GrowthFrom} (a decline) to no growth.
     */
    public record Parameters(Money minExpense, BigDecimal minIntensity, int minValidInventionPatents,
                             int minInventionApplications, BigDecimal minRdStaffShare, BigDecimal band1GrowthAbove, Band band1,
                             Band band2, BigDecimal band3GrowthFrom, Band band3) {

        public static Parameters of(RuleParameters p) {
            return new Parameters(p.money(RuleParameter.MIN_EXPENSE), p.get(RuleParameter.MIN_INTENSITY),
                    p.count(RuleParameter.MIN_VALID_INVENTION_PATENTS), p.count(RuleParameter.MIN_INVENTION_APPLICATIONS),
                    p.get(RuleParameter.MIN_RD_STAFF_SHARE), p.get(RuleParameter.BAND1_GROWTH_ABOVE),
                    new Band(p.get(RuleParameter.BAND1_RATE), p.money(RuleParameter.BAND1_CAP)),
                    new Band(p.get(RuleParameter.BAND2_RATE), p.money(RuleParameter.BAND2_CAP)),
                    p.get(RuleParameter.BAND3_GROWTH_FROM),
                    new Band(p.get(RuleParameter.BAND3_RATE), p.money(RuleParameter.BAND3_CAP)));
        }
    }

    RdInvestmentRules() {
    }

    @Override
    public SubsidyKind kind() {
        return SubsidyKind.RD_INVESTMENT;
    }

    @Override
    public Set<FormSection> sections() {
        return Set.of(FormSection.RD_FIGURES);
    }

    /** The figures as money, then every eligibility condition the figures already decide. */
    @Override
    public List<Problem> problems(DeclarationContent c, FundingCall call, String enterpriseUscc) {
        List<Problem> problems = new ArrayList<>(Amounts.problems(c));
        conditions(c.rdFigures(), Parameters.of(call.getRuleParameters()), problems);
        return problems;
    }

    private static void conditions(DeclarationContent.RdFiguresData f, Parameters p, List<Problem> problems) {
        if (f == null || f.expenseTax() == null || f.expenseStat() == null || f.expensePrior() == null || f.revenue() == null
                || f.validInventionPatents() == null || f.inventionApplications() == null || f.rdStaff() == null
                || f.totalStaff() == null) {
            problems.add(Problem.of("submit.rdFiguresIncomplete"));
            return;
        }
        if (f.totalStaff() <= 0 || f.rdStaff() < 0 || f.rdStaff() > f.totalStaff()) {
            problems.add(Problem.of("submit.staffCounts"));
            return;
        }
        if (f.validInventionPatents() < 0 || f.inventionApplications() < 0) {
            problems.add(Problem.of("submit.patentCounts"));
            return;
        }
        BigDecimal e1 = f.expenseTax().min(f.expenseStat());
        if (e1.compareTo(p.minExpense().amount()) < 0) {
            problems.add(Problem.of("submit.rdBelowMinimum", MoneyFormat.figure(e1), MoneyFormat.figure(p.minExpense())));
        }
        // compared exactly: E1 >= 0.03 * R, never E1 / R rounded
        if (e1.compareTo(p.minIntensity().multiply(f.revenue())) < 0) {
            problems.add(Problem.of("submit.rdIntensity", MoneyFormat.figure(e1), MoneyFormat.figure(f.revenue()),
                    MoneyFormat.percent(p.minIntensity())));
        }
        if (f.validInventionPatents() < p.minValidInventionPatents()) {
            problems.add(Problem.of("submit.patents", String.valueOf(p.minValidInventionPatents())));
        }
        if (f.inventionApplications() < p.minInventionApplications()) {
            problems.add(Problem.of("submit.applications", String.valueOf(p.minInventionApplications())));
        }
        if (BigDecimal.valueOf(f.rdStaff()).compareTo(p.minRdStaffShare().multiply(BigDecimal.valueOf(f.totalStaff()))) < 0) {
            problems.add(Problem.of("submit.rdStaffShare", f.rdStaff(), f.totalStaff(), MoneyFormat.percent(p.minRdStaffShare())));
        }
        if (f.expensePrior().signum() > 0) {
            // below band 3 is not eligible: E1 - E0 < band3GrowthFrom * E0
            BigDecimal floor = p.band3GrowthFrom().multiply(f.expensePrior());
            if (e1.subtract(f.expensePrior()).compareTo(floor) < 0) {
                problems.add(Problem.of("submit.rdDecline", MoneyFormat.figure(e1), MoneyFormat.figure(f.expensePrior()),
                        MoneyFormat.percent(p.band3GrowthFrom().negate())));
            }
        }
    }

    /** The figures in the order the explanation names their sources. */
    private static final List<String> FIGURES = List.of("rdExpenseTax", "rdExpenseStat", "rdExpensePrevYear", "revenue",
            "inventionPatents", "inventionApplications", "rdStaff", "totalStaff");

    /**
     * SUBSIDY-RULES.md kind 2: E1 the lower of the two sources; every condition checked and each failed one listed
     * (without a statistics report, the conditions on E1 cannot be decided and are not listed); the growth band by
     * cross-multiplying (g > 0.20 ⇔ E1 − E0 > 0.20 × E0; E0 = 0 is the top band); then rate × E1, capped.
     */
    @Override
    public Calculation calculate(KindInputs inputs, RuleParameters parameters, CalculationContext context) {
        KindInputs.RdInvestment in = (KindInputs.RdInvestment) inputs;
        Parameters p = Parameters.of(parameters);
        Explanation x = new Explanation();
        x.sources(in.sources(), FIGURES);
        x.standing(context);
        if (in.inventionPatents() < p.minValidInventionPatents()) {
            x.fail("RD_PATENTS", in.inventionPatents(), p.minValidInventionPatents());
        }
        if (in.inventionApplications() < p.minInventionApplications()) {
            x.fail("RD_APPLICATIONS", in.inventionApplications(), p.minInventionApplications(), context.year());
        }
        if (BigDecimal.valueOf(in.rdStaff()).compareTo(p.minRdStaffShare().multiply(BigDecimal.valueOf(in.totalStaff()))) < 0) {
            x.fail("RD_STAFF_SHARE", in.rdStaff(), in.totalStaff(), Explanation.percent(p.minRdStaffShare()));
        }
        if (in.rdExpenseStat() == null) {
            x.fail("RD_NO_STAT_REPORT", context.year());
            return x.result(kind(), false, Money.ZERO, Money.ZERO);
        }
        Money tax = Objects.requireNonNull(in.rdExpenseTax(), "rdExpenseTax");
        Money e1 = tax.compareTo(in.rdExpenseStat()) <= 0 ? tax : in.rdExpenseStat();
        x.add("rd.e1", Explanation.figure(tax), Explanation.figure(in.rdExpenseStat()), Explanation.figure(e1));
        if (e1.compareTo(p.minExpense()) < 0) {
            x.fail("RD_BELOW_MINIMUM", Explanation.figure(e1), Explanation.figure(p.minExpense()));
        }
        // compared exactly: E1 >= 0.03 * R, never E1 / R rounded
        if (e1.amount().compareTo(p.minIntensity().multiply(in.revenue().amount())) < 0) {
            x.fail("RD_INTENSITY", Explanation.figure(e1), Explanation.figure(in.revenue()),
                    Explanation.percent(p.minIntensity()));
        }
        Band band = band(e1.amount(), in.rdExpensePrevYear().amount(), p, x);
        if (band == null || x.failed()) {
            return x.result(kind(), false, Money.ZERO, Money.ZERO);
        }
        return x.result(kind(), true, x.capped(band.rate(), e1, band.cap()), Money.ZERO);
    }

    /** The growth band of E1 against E0 with its step, or null (and the reason) below band 3. */
    private static Band band(BigDecimal e1, BigDecimal e0, Parameters p, Explanation x) {
        if (e0.signum() == 0) {
            x.add("rd.noPriorYear", Explanation.percent(p.band1().rate()));
            return p.band1();
        }
        BigDecimal growth = e1.subtract(e0);
        BigDecimal above = p.band1GrowthAbove();
        BigDecimal from = p.band3GrowthFrom();
        if (growth.compareTo(above.multiply(e0)) > 0) {
            x.add("rd.band1", Explanation.ratio(growth, e0, above), Explanation.percent(above),
                    Explanation.percent(p.band1().rate()));
            return p.band1();
        }
        if (growth.signum() >= 0) {
            x.add("rd.band2", Explanation.ratio(growth, e0, BigDecimal.ZERO, above), Explanation.percent(above),
                    Explanation.percent(p.band2().rate()));
            return p.band2();
        }
        if (growth.compareTo(from.multiply(e0)) >= 0) {
            x.add("rd.band3", Explanation.ratio(growth, e0, from, BigDecimal.ZERO), Explanation.percent(from),
                    Explanation.percent(p.band3().rate()));
            return p.band3();
        }
        x.fail("RD_DECLINE", Explanation.ratio(growth, e0, from), Explanation.percent(from));
        return null;
    }
}
