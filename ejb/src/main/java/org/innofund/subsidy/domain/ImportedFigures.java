package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.declaration.domain.kind.KindInputs.FigureSource;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 部门数据: one enterprise's figures as the bureau imported them (免申即享), kept with its confirmation request so that
 * a run reads exactly what the enterprise was shown. RD_INVESTMENT fills the figures ({@code rdExpenseStat} null: no
 * statistics report), REWARD the achievements.
 */
public record ImportedFigures(Money rdExpenseTax, Money rdExpenseStat, Money rdExpensePrevYear, Money revenue,
                              Integer inventionPatents, Integer inventionApplications, Integer rdStaff,
                              Integer totalStaff, List<KindInputs.AchievementClaim> achievements) {

    /** The RD_INVESTMENT figures' names, as the calculator's inputs and the explanation's sources call them. */
    static final List<String> RD_FIGURES = List.of("rdExpenseTax", "rdExpenseStat", "rdExpensePrevYear", "revenue",
            "inventionPatents", "inventionApplications", "rdStaff", "totalStaff");

    public ImportedFigures {
        achievements = achievements == null ? List.of() : List.copyOf(achievements);
    }

    public static ImportedFigures rd(Money rdExpenseTax, Money rdExpenseStat, Money rdExpensePrevYear, Money revenue,
                                     int inventionPatents, int inventionApplications, int rdStaff, int totalStaff) {
        return new ImportedFigures(rdExpenseTax, rdExpenseStat, rdExpensePrevYear, revenue, inventionPatents,
                inventionApplications, rdStaff, totalStaff, List.of());
    }

    public static ImportedFigures reward(List<KindInputs.AchievementClaim> achievements) {
        return new ImportedFigures(null, null, null, null, null, null, null, null, achievements);
    }

    /**
     * The kind's inputs, every figure marked IMPORTED. {@code highTechNewPaidBefore}: whether a HIGH_TECH_NEW reward
     * was approved for the enterprise in an earlier call (REWARD only; the database knows it, the file does not).
     */
    public KindInputs toInputs(SubsidyKind kind, boolean highTechNewPaidBefore) {
        return switch (kind) {
            case RD_INVESTMENT -> new KindInputs.RdInvestment(rdExpenseTax, rdExpenseStat, rdExpensePrevYear, revenue,
                    inventionPatents, inventionApplications, rdStaff, totalStaff, imported(RD_FIGURES.stream()));
            case REWARD -> new KindInputs.Reward(achievements, highTechNewPaidBefore, imported(Stream.of("achievements")));
            default -> throw new IllegalArgumentException("免申即享 is for RD_INVESTMENT and REWARD calls, not " + kind);
        };
    }

    private static Map<String, FigureSource> imported(Stream<String> names) {
        return names.collect(Collectors.toMap(n -> n, n -> FigureSource.IMPORTED));
    }
}
