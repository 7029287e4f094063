package org.innofund.declaration.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an enterprise writes into a declaration: the same record for the form, the API and each stored revision.
 * Any part may be missing in a draft; submission checks it all at once ({@link SubmissionCheck}).
 */
public record DeclarationContent(
        String projectName,
        ProjectField field,
        LocalDate periodStart,
        LocalDate periodEnd,
        String summary,
        String keyIndicators,
        BigDecimal totalBudget,
        List<BudgetLineData> budgetLines,
        RdFiguresData rdFigures,
        List<AchievementData> achievements,
        List<ServiceRecordData> serviceRecords) implements Serializable {

    public DeclarationContent {
        budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
        achievements = achievements == null ? List.of() : List.copyOf(achievements);
        serviceRecords = serviceRecords == null ? List.of() : List.copyOf(serviceRecords);
    }

    public static DeclarationContent empty() {
        return new DeclarationContent(null, null, null, null, null, null, null, List.of(), null, List.of(), List.of());
    }

    /** 申请财政补助: the sum of the budget lines paid from the subsidy. */
    public BigDecimal requestedSubsidy() {
        return budgetLines.stream().filter(l -> l.source() == FundingSource.SUBSIDY && l.amount() != null)
                .map(BudgetLineData::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal sumOfLines() {
        return budgetLines.stream().filter(l -> l.amount() != null)
                .map(BudgetLineData::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public record BudgetLineData(BudgetCategory category, FundingSource source, BigDecimal amount) implements Serializable {
    }

    public record RdFiguresData(BigDecimal expenseTax, BigDecimal expenseStat, BigDecimal expensePrior, BigDecimal revenue,
                                Integer validInventionPatents, Integer inventionApplications, Integer rdStaff,
                                Integer totalStaff) implements Serializable {
    }

    public record AchievementData(Achievement achievement, String certificateNo, LocalDate recognisedOn) implements Serializable {
    }

    public record ServiceRecordData(String providerName, String providerUscc, String invoiceNo, LocalDate invoiceDate,
                                    BigDecimal amount) implements Serializable {
    }
}
