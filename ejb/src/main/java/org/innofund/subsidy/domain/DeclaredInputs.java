package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.declaration.domain.kind.KindInputs.FigureSource;
import org.innofund.evaluation.domain.Conclusion;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A declaration's figures as the rule engine reads them: the submitted figures, each replaced by the agency's verified
 * figure where its APPROVAL evaluation corrected it (a verified figure equal to the declared one leaves it DECLARED),
 * with {@code sources} naming, per figure, where it came from. A figure the declaration lacks is 0, except the
 * statistics figure, whose absence makes the enterprise not eligible (SUBSIDY-RULES.md kind 2).
 */
public final class DeclaredInputs {

    private DeclaredInputs() {
    }

    /** {@code verified} null: the agency verified nothing. */
    public static KindInputs.RdInvestment rdInvestment(DeclarationContent.RdFiguresData declared,
                                                       Conclusion.VerifiedFigures verified) {
        DeclarationContent.RdFiguresData d = declared == null
                ? new DeclarationContent.RdFiguresData(null, null, null, null, null, null, null, null) : declared;
        Conclusion.VerifiedFigures v = verified == null
                ? new Conclusion.VerifiedFigures(null, null, null, null, null, null, null, null) : verified;
        Map<String, FigureSource> sources = new HashMap<>();
        BigDecimal tax = pick("rdExpenseTax", d.expenseTax(), v.expenseTax(), sources);
        BigDecimal stat = pick("rdExpenseStat", d.expenseStat(), v.expenseStat(), sources);
        BigDecimal prior = pick("rdExpensePrevYear", d.expensePrior(), v.expensePrior(), sources);
        BigDecimal revenue = pick("revenue", d.revenue(), v.revenue(), sources);
        Integer patents = pick("inventionPatents", d.validInventionPatents(), v.validInventionPatents(), sources);
        Integer applications = pick("inventionApplications", d.inventionApplications(), v.inventionApplications(), sources);
        Integer rdStaff = pick("rdStaff", d.rdStaff(), v.rdStaff(), sources);
        Integer totalStaff = pick("totalStaff", d.totalStaff(), v.totalStaff(), sources);
        return new KindInputs.RdInvestment(orZero(tax), Money.ofNullable(stat), orZero(prior), orZero(revenue),
                orZero(patents), orZero(applications), orZero(rdStaff), orZero(totalStaff), sources);
    }

    /** The declared achievements (an agency does not correct them); {@code paidBefore}: HIGH_TECH_NEW approved earlier. */
    public static KindInputs.Reward reward(List<DeclarationContent.AchievementData> declared, boolean paidBefore) {
        return new KindInputs.Reward(declared.stream().map(a -> new KindInputs.AchievementClaim(a.achievement(),
                a.certificateNo(), a.recognisedOn())).toList(), paidBefore, Map.of("achievements", FigureSource.DECLARED));
    }

    private static <T extends Comparable<T>> T pick(String name, T declared, T verified, Map<String, FigureSource> sources) {
        boolean corrected = verified != null && (declared == null || verified.compareTo(declared) != 0);
        sources.put(name, corrected ? FigureSource.VERIFIED : FigureSource.DECLARED);
        return corrected ? verified : declared;
    }

    private static Money orZero(BigDecimal amount) {
        return amount == null ? Money.ZERO : Money.of(amount);
    }

    private static int orZero(Integer count) {
        return Objects.requireNonNullElse(count, 0);
    }
}
