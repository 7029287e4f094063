package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.identity.domain.InvalidUsccException;
import org.innofund.identity.domain.Uscc;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** 共享服务后补助 (创新券, SUBSIDY-RULES.md, kind 4): services bought from providers in the call's year, partly refunded. */
public final class SharedServiceRules implements KindRules {

    /** The refund rate, the bonus for a local provider, and the yearly caps. */
    public record Parameters(BigDecimal rate, BigDecimal localBonus, Money enterpriseCap, Money firstYearCap,
                             Money controllerCap) {

        public static Parameters of(RuleParameters p) {
            return new Parameters(p.get(RuleParameter.RATE), p.get(RuleParameter.LOCAL_BONUS),
                    p.money(RuleParameter.ENTERPRISE_CAP), p.money(RuleParameter.FIRST_YEAR_CAP),
                    p.money(RuleParameter.CONTROLLER_CAP));
        }
    }

    SharedServiceRules() {
    }

    @Override
    public SubsidyKind kind() {
        return SubsidyKind.SHARED_SERVICE;
    }

    @Override
    public Set<FormSection> sections() {
        return Set.of(FormSection.SERVICE_RECORDS);
    }

    @Override
    public List<Problem> problems(DeclarationContent c, FundingCall call, String enterpriseUscc) {
        List<Problem> problems = new ArrayList<>(Amounts.problems(c));
        if (c.serviceRecords().isEmpty()) {
            problems.add(Problem.of("submit.services"));
        }
        Set<String> invoices = new HashSet<>();
        for (int i = 0; i < c.serviceRecords().size(); i++) {
            DeclarationContent.ServiceRecordData s = c.serviceRecords().get(i);
            if (s.providerName() == null || s.providerName().isBlank() || s.providerUscc() == null || s.invoiceNo() == null
                    || s.invoiceNo().isBlank() || s.invoiceDate() == null || s.amount() == null) {
                problems.add(Problem.of("submit.serviceIncomplete", i + 1));
                continue;
            }
            try {
                Uscc provider = Uscc.parse(s.providerUscc().toUpperCase(Locale.ROOT));
                if (provider.value().equals(enterpriseUscc)) {
                    problems.add(Problem.of("submit.serviceFromItself", s.invoiceNo()));
                }
            } catch (InvalidUsccException e) {
                problems.add(Problem.of("submit.serviceProviderUscc", s.invoiceNo()));
            }
            if (!invoices.add(s.invoiceNo().strip())) {
                problems.add(Problem.of("submit.serviceInvoiceTwice", s.invoiceNo()));
            }
            if (s.invoiceDate().getYear() != call.getYear()) {
                problems.add(Problem.of("submit.serviceYear", s.invoiceNo(), call.getYear()));
            }
            if (s.amount().signum() <= 0) {
                problems.add(Problem.of("submit.serviceAmount", s.invoiceNo()));
            }
        }
        return problems;
    }
}
