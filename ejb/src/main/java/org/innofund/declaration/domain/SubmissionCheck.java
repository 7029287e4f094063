package org.innofund.declaration.domain;

import org.innofund.identity.domain.InvalidUsccException;
import org.innofund.identity.domain.Uscc;
import org.innofund.program.domain.AttachmentRequirement;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a declaration must satisfy to be submitted, found all at once: completeness, budget arithmetic, the
 * call's limit, the required attachments, the integrity blacklist and the conditions of the call's subsidy kind
 * that are already known at submission (SUBSIDY-RULES.md).
 */
public final class SubmissionCheck {

    /** The longest project period, in years (both ends included). */
    public static final int MAX_PERIOD_YEARS = 5;

    private SubmissionCheck() {
    }

    /**
     * @param attachedRequirements names of the call's requirements for which a file is attached
     * @param blacklistEntry       a description of the enterprise's integrity record in force, or null
     */
    public static List<Problem> problems(DeclarationContent c, FundingCall call, String enterpriseUscc,
                                         Set<String> attachedRequirements, String blacklistEntry) {
        List<Problem> problems = new ArrayList<>();
        if (blacklistEntry != null) {
            problems.add(Problem.of("submit.blacklisted", blacklistEntry));
        }
        if (c.projectName() == null || c.projectName().isBlank()) {
            problems.add(Problem.of("submit.projectName"));
        }
        SubsidyKind kind = call.getProgram().getSubsidyKind();
        if (kind == SubsidyKind.PRE_APPROVED) {
            projectPart(c, call, problems);
        }
        money(c, problems);
        switch (kind) {
            case RD_INVESTMENT -> rdInvestment(c.rdFigures(), call.getRuleParameters(), problems);
            case REWARD -> rewards(c.achievements(), call.getYear(), problems);
            case SHARED_SERVICE -> services(c.serviceRecords(), call.getYear(), enterpriseUscc, problems);
            default -> { }
        }
        for (AttachmentRequirement r : call.getRequiredAttachments()) {
            if (r.isRequired() && !attachedRequirements.contains(r.getName())) {
                problems.add(Problem.of("submit.attachmentMissing", r.getName()));
            }
        }
        return problems;
    }

    private static void projectPart(DeclarationContent c, FundingCall call, List<Problem> problems) {
        if (c.field() == null) {
            problems.add(Problem.of("submit.field"));
        }
        if (c.periodStart() == null || c.periodEnd() == null) {
            problems.add(Problem.of("submit.period"));
        } else if (!c.periodEnd().isAfter(c.periodStart())) {
            problems.add(Problem.of("submit.periodOrder"));
        } else {
            if (c.periodStart().getYear() < call.getYear()) {
                problems.add(Problem.of("submit.periodBeforeCallYear", c.periodStart().toString(), String.valueOf(call.getYear())));
            }
            // both dates count: 2025-07-01 ~ 2030-06-30 is five years, one day more is too long
            if (!c.periodEnd().isBefore(c.periodStart().plusYears(MAX_PERIOD_YEARS))) {
                problems.add(Problem.of("submit.periodTooLong", MAX_PERIOD_YEARS));
            }
        }
        if (c.summary() == null || c.summary().isBlank()) {
            problems.add(Problem.of("submit.summary"));
        }
        if (c.keyIndicators() == null || c.keyIndicators().isBlank()) {
            problems.add(Problem.of("submit.keyIndicators"));
        }
        if (c.budgetLines().isEmpty()) {
            problems.add(Problem.of("submit.budgetLines"));
        }
        if (c.totalBudget() == null) {
            problems.add(Problem.of("submit.totalBudget"));
        } else if (c.totalBudget().signum() <= 0) {
            problems.add(Problem.of("submit.totalBudgetPositive"));
        } else if (amountsAreMoney(c) && c.sumOfLines() != null && !c.totalMatchesLines()) {
            problems.add(Problem.of("submit.totalMismatch", plain(c.totalBudget()), c.sumOfLines().toString()));
        }
        Money requested = c.requestedSubsidy();
        if (c.sumOfLines() == null) {
            problems.add(Problem.of("submit.linesTooLarge"));
        } else if (call.getMaxRequest() != null && requested.isGreaterThan(call.getMaxRequest())) {
            problems.add(Problem.of("submit.requestAboveLimit", requested.toString(), call.getMaxRequest().toString()));
        } else if (requested.isGreaterThan(call.getBudget())) {
            problems.add(Problem.of("submit.requestAboveBudget", requested.toString(), call.getBudget().toString()));
        }
    }

    /** Every amount: money, {@link Money#isValid}. */
    private static void money(DeclarationContent c, List<Problem> problems) {
        for (BigDecimal a : amounts(c)) {
            if (a != null && !Money.isValid(a)) {
                problems.add(Problem.of("submit.money", a.toPlainString()));
            }
        }
        for (DeclarationContent.BudgetLineData l : c.budgetLines()) {
            if (l.category() == null || l.source() == null || l.amount() == null) {
                problems.add(Problem.of("submit.budgetLineIncomplete"));
                break;
            }
        }
    }

    /** A total is not compared with lines while an amount is not money: that amount is the problem reported. */
    private static boolean amountsAreMoney(DeclarationContent c) {
        return amounts(c).stream().allMatch(a -> a == null || Money.isValid(a));
    }

    private static List<BigDecimal> amounts(DeclarationContent c) {
        List<BigDecimal> amounts = new ArrayList<>();
        amounts.add(c.totalBudget());
        c.budgetLines().forEach(l -> amounts.add(l.amount()));
        c.serviceRecords().forEach(s -> amounts.add(s.amount()));
        if (c.rdFigures() != null) {
            amounts.add(c.rdFigures().expenseTax());
            amounts.add(c.rdFigures().expenseStat());
            amounts.add(c.rdFigures().expensePrior());
            amounts.add(c.rdFigures().revenue());
        }
        return amounts;
    }

    private static void rdInvestment(DeclarationContent.RdFiguresData f, RuleParameters p, List<Problem> problems) {
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
        if (e1.compareTo(p.get("minExpense")) < 0) {
            problems.add(Problem.of("submit.rdBelowMinimum", plain(e1), plain(p.get("minExpense"))));
        }
        // compared exactly: E1 >= 0.03 * R, never E1 / R rounded
        if (e1.compareTo(p.get("minIntensity").multiply(f.revenue())) < 0) {
            problems.add(Problem.of("submit.rdIntensity", plain(e1), plain(f.revenue()), p.get("minIntensity").toPlainString()));
        }
        if (BigDecimal.valueOf(f.validInventionPatents()).compareTo(p.get("minValidInventionPatents")) < 0) {
            problems.add(Problem.of("submit.patents", p.get("minValidInventionPatents").toPlainString()));
        }
        if (BigDecimal.valueOf(f.inventionApplications()).compareTo(p.get("minInventionApplications")) < 0) {
            problems.add(Problem.of("submit.applications", p.get("minInventionApplications").toPlainString()));
        }
        if (BigDecimal.valueOf(f.rdStaff()).compareTo(p.get("minRdStaffShare").multiply(BigDecimal.valueOf(f.totalStaff()))) < 0) {
            problems.add(Problem.of("submit.rdStaffShare", f.rdStaff(), f.totalStaff(), p.get("minRdStaffShare").toPlainString()));
        }
        if (f.expensePrior().signum() > 0) {
            // g < -0.10 is not eligible: E1 - E0 < -0.10 * E0
            BigDecimal floor = p.get("band3.growthFrom").multiply(f.expensePrior());
            if (e1.subtract(f.expensePrior()).compareTo(floor) < 0) {
                String allowed = p.get("band3.growthFrom").negate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
                problems.add(Problem.of("submit.rdDecline", plain(e1), plain(f.expensePrior()), allowed));
            }
        }
    }

    private static void rewards(List<DeclarationContent.AchievementData> claims, int year, List<Problem> problems) {
        if (claims.isEmpty()) {
            problems.add(Problem.of("submit.achievements"));
        }
        for (DeclarationContent.AchievementData a : claims) {
            if (a.achievement() == null || a.certificateNo() == null || a.certificateNo().isBlank() || a.recognisedOn() == null) {
                problems.add(Problem.of("submit.achievementIncomplete"));
            } else if (a.recognisedOn().getYear() != year) {
                problems.add(Problem.of("submit.achievementYear", a.certificateNo(), year));
            }
        }
    }

    private static void services(List<DeclarationContent.ServiceRecordData> records, int year, String enterpriseUscc,
                                 List<Problem> problems) {
        if (records.isEmpty()) {
            problems.add(Problem.of("submit.services"));
        }
        Set<String> invoices = new HashSet<>();
        for (DeclarationContent.ServiceRecordData s : records) {
            if (s.providerName() == null || s.providerName().isBlank() || s.providerUscc() == null || s.invoiceNo() == null
                    || s.invoiceNo().isBlank() || s.invoiceDate() == null || s.amount() == null) {
                problems.add(Problem.of("submit.serviceIncomplete"));
                continue;
            }
            try {
                Uscc provider = Uscc.parse(s.providerUscc().toUpperCase(java.util.Locale.ROOT));
                if (provider.value().equals(enterpriseUscc)) {
                    problems.add(Problem.of("submit.serviceFromItself", s.invoiceNo()));
                }
            } catch (InvalidUsccException e) {
                problems.add(Problem.of("submit.serviceProviderUscc", s.invoiceNo()));
            }
            if (!invoices.add(s.invoiceNo().strip())) {
                problems.add(Problem.of("submit.serviceInvoiceTwice", s.invoiceNo()));
            }
            if (s.invoiceDate().getYear() != year) {
                problems.add(Problem.of("submit.serviceYear", s.invoiceNo(), year));
            }
            if (s.amount().signum() <= 0) {
                problems.add(Problem.of("submit.serviceAmount", s.invoiceNo()));
            }
        }
    }

    private static String plain(BigDecimal a) {
        return a.toPlainString();
    }
}
