package org.innofund.declaration.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.innofund.shared.Lengths;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyAmount;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What an enterprise writes into a declaration: the same record for the form, the API and each stored revision.
 * Any part may be missing in a draft; submission checks it all at once (kind.SubmissionCheck). What can be
 * stored at all (lengths of the columns, sizes of the lists, money that fits NUMBER(16,2)) is checked on every save
 * by Bean Validation, the same for the page and the API.
 */
public record DeclarationContent(
        @Size(max = Lengths.TITLE) String projectName,
        ProjectField field,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Size(max = Lengths.LONG_TEXT) String summary,
        @Size(max = Lengths.LONG_TEXT) String keyIndicators,
        @MoneyAmount BigDecimal totalBudget,
        @Size(max = MAX_BUDGET_LINES) List<@NotNull @Valid BudgetLineData> budgetLines,
        @Valid RdFiguresData rdFigures,
        @Size(max = MAX_ACHIEVEMENTS) List<@NotNull @Valid AchievementData> achievements,
        @Size(max = MAX_SERVICE_RECORDS) List<@NotNull @Valid ServiceRecordData> serviceRecords) implements Serializable {

    public static final int MAX_BUDGET_LINES = 50;
    public static final int MAX_ACHIEVEMENTS = 50;
    public static final int MAX_SERVICE_RECORDS = 500;
    /** Patent counts are NUMBER(6), staff counts NUMBER(7) in the schema. */
    public static final int MAX_PATENTS = 999_999;
    public static final int MAX_STAFF = 9_999_999;

    public DeclarationContent {
        budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
        achievements = achievements == null ? List.of() : List.copyOf(achievements);
        serviceRecords = serviceRecords == null ? List.of() : List.copyOf(serviceRecords);
    }

    public static DeclarationContent empty() {
        return new DeclarationContent(null, null, null, null, null, null, null, List.of(), null, List.of(), List.of());
    }

    /*
     * The sums below add the amounts that are money (Money.isValid); a missing or invalid amount is not added, it is
     * reported by the checks (kind.SubmissionCheck), and a total is compared with the lines only when all of them are money.
     * A sum beyond what money can hold (50 lines near the maximum) is null: a page shows no figure rather than fail,
     * and the submission check refuses it.
     */

    /** 申请财政补助: the sum of the budget lines paid from the subsidy. */
    public Money requestedSubsidy() {
        return sumOfLines(l -> l.source() == FundingSource.SUBSIDY);
    }

    /** 自筹资金: the sum of the budget lines the enterprise pays itself. */
    public Money selfFunded() {
        return sumOfLines(l -> l.source() == FundingSource.SELF_FUNDED);
    }

    public Money sumOfLines() {
        return sumOfLines(l -> true);
    }

    /**
     * Whether the total budget is given and equals the sum of the lines, to the fen (a line without an amount adds
     * nothing); false while an amount is not money.
     */
    public boolean totalMatchesLines() {
        return budgetIsMoney() && Money.isValid(totalBudget) && Money.of(totalBudget).equals(sumOfLines());
    }

    /** 服务费合计: the sum of the service invoices (SHARED_SERVICE). */
    public Money serviceTotal() {
        return sumOrNull(serviceRecords.stream().map(ServiceRecordData::amount));
    }

    private boolean budgetIsMoney() {
        return budgetLines.stream().allMatch(l -> l.amount() == null || Money.isValid(l.amount()));
    }

    private Money sumOfLines(Predicate<BudgetLineData> which) {
        return sumOrNull(budgetLines.stream().filter(which).map(BudgetLineData::amount));
    }

    private static Money sumOrNull(Stream<BigDecimal> amounts) {
        BigDecimal sum = amounts.filter(Money::isValid).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.isValid(sum) ? Money.of(sum) : null;
    }

    public record BudgetLineData(BudgetCategory category, FundingSource source, @MoneyAmount BigDecimal amount) implements Serializable {
    }

    public record RdFiguresData(@MoneyAmount BigDecimal expenseTax, @MoneyAmount BigDecimal expenseStat, @MoneyAmount BigDecimal expensePrior,
                                @MoneyAmount BigDecimal revenue,
                                @PositiveOrZero @Max(MAX_PATENTS) Integer validInventionPatents,
                                @PositiveOrZero @Max(MAX_PATENTS) Integer inventionApplications,
                                @PositiveOrZero @Max(MAX_STAFF) Integer rdStaff,
                                @PositiveOrZero @Max(MAX_STAFF) Integer totalStaff) implements Serializable {
    }

    public record AchievementData(Achievement achievement, @Size(max = Lengths.DOCUMENT_NO) String certificateNo,
                                  LocalDate recognisedOn) implements Serializable {
    }

    public record ServiceRecordData(@Size(max = Lengths.ORGANISATION_NAME) String providerName,
                                    @Size(max = Lengths.USCC) String providerUscc,
                                    @Size(max = Lengths.DOCUMENT_NO) String invoiceNo, LocalDate invoiceDate,
                                    @MoneyAmount BigDecimal amount) implements Serializable {
    }
}
