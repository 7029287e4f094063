package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.Achievement;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one enterprise's calculation reads (SUBSIDY-RULES.md): one record per kind, the figures already checked as
 * money and the facts only the database knows (a provider's listing, an invoice claimed in another call) already
 * resolved, so that a kind's calculation is pure. A calculation stores its inputs as they were.
 * <p>
 * {@code sources} says where each named figure came from (the explanation names it); it is empty for the public
 * calculator, where every figure is typed.
 */
public sealed interface KindInputs {

    SubsidyKind kind();

    Map<String, FigureSource> sources();

    /** Kind 1. {@code grade} is null while the project has no ACCEPTANCE evaluation: not computable. */
    record PreApproved(Money approvedAmount, Grade grade, Money auditedSpend, Money advancePaid,
                       Map<String, FigureSource> sources) implements KindInputs {
        public PreApproved {
            sources = Map.copyOf(sources);
        }

        @Override
        public SubsidyKind kind() {
            return SubsidyKind.PRE_APPROVED;
        }
    }

    /** Kind 2, for the call's year Y. {@code rdExpenseStat} null: no statistics report for Y (not eligible). */
    record RdInvestment(Money rdExpenseTax, Money rdExpenseStat, Money rdExpensePrevYear, Money revenue,
                        int inventionPatents, int inventionApplications, int rdStaff, int totalStaff,
                        Map<String, FigureSource> sources) implements KindInputs {
        public RdInvestment {
            sources = Map.copyOf(sources);
        }

        @Override
        public SubsidyKind kind() {
            return SubsidyKind.RD_INVESTMENT;
        }
    }

    /** Kind 3. {@code highTechNewPaidBefore}: a HIGH_TECH_NEW reward was approved for the enterprise in an earlier call. */
    record Reward(List<AchievementClaim> achievements, boolean highTechNewPaidBefore,
                  Map<String, FigureSource> sources) implements KindInputs {
        public Reward {
            achievements = List.copyOf(achievements);
            sources = Map.copyOf(sources);
        }

        @Override
        public SubsidyKind kind() {
            return SubsidyKind.REWARD;
        }
    }

    record AchievementClaim(Achievement type, String certificateNo, LocalDate date) {
    }

    /**
     * Kind 4. {@code firstYear}: the first year the enterprise ever uses vouchers (the lower cap);
     * {@code vouchersElsewhereThisYear}: what the approved runs of the year's other SHARED_SERVICE calls gave it, taken
     * from its cap (0 for the public calculator; null, as in a line stored before it was carried, is 0).
     */
    record SharedService(boolean firstYear, Money vouchersElsewhereThisYear, List<ServiceClaim> records,
                         Map<String, FigureSource> sources) implements KindInputs {
        public SharedService {
            vouchersElsewhereThisYear = vouchersElsewhereThisYear == null ? Money.ZERO : vouchersElsewhereThisYear;
            records = List.copyOf(records);
            sources = Map.copyOf(sources);
        }

        @Override
        public SubsidyKind kind() {
            return SubsidyKind.SHARED_SERVICE;
        }
    }

    /**
     * One service bought, with what the provider registry and the other calls say about it on the invoice date:
     * {@code providerListed} listed and not suspended that day; {@code providerLocal} registered in this city;
     * {@code related} the enterprise itself or a company with the same actual controller (关联交易);
     * {@code claimedElsewhere} the same invoice number claimed in another call or declaration.
     */
    record ServiceClaim(String providerUscc, String invoiceNo, LocalDate invoiceDate, Money amount,
                        boolean providerListed, boolean providerLocal, boolean related, boolean claimedElsewhere) {
    }

    /** Where a figure came from. */
    enum FigureSource {
        /** 企业申报: the enterprise's declaration. */
        DECLARED,
        /** 机构核定: corrected by the agency's APPROVAL evaluation. */
        VERIFIED,
        /** 部门数据: imported by the bureau from the tax and statistics bureaus (免申即享). */
        IMPORTED,
        /** 项目: the project (approved amount, acceptance grade, audited spend). */
        PROJECT,
        /** 拨付记录: what the bank paid (a PRE_APPROVED project's advances). */
        PAYMENT
    }
}
