package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.identity.domain.InvalidUsccException;
import org.innofund.identity.domain.Uscc;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameter;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.MessageKey;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
            if (!invoices.add(invoiceKey(s.invoiceNo()))) {
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

    /**
     * What is left of the enterprise's voucher cap this year (the first-year cap in its first year) after the year's
     * other voucher calls, never below 0: the most all of its lines in a call may get together (CallSteps shares it
     * between them when a call takes several declarations of one enterprise).
     */
    public static Money capLeft(KindInputs.SharedService in, RuleParameters parameters) {
        return capLeft(in, Parameters.of(parameters));
    }

    private static Money capLeft(KindInputs.SharedService in, Parameters p) {
        Money cap = in.firstYear() ? p.firstYearCap() : p.enterpriseCap();
        Money elsewhere = in.vouchersElsewhereThisYear();
        return elsewhere.compareTo(cap) >= 0 ? Money.ZERO : cap.minus(elsewhere);
    }

    /** An invoice number as compared for duplicates: " f1" and "F1" are one invoice. */
    static String invoiceKey(String invoiceNo) {
        return invoiceNo.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * SUBSIDY-RULES.md kind 4: each service record is excluded for every reason that applies (nothing paid, provider
     * not listed on the invoice date, related party, invoice outside the service period — the call's year when the
     * context names no period —, the invoice claimed in another call or already counted in these records: the first
     * record of an invoice that counts otherwise is the one refunded); each counted one refunds rate (+ the local
     * bonus, together at most 100 %: a refund never exceeds what was paid) × V, HALF_UP; the sum (exact, however
     * large) is capped by the enterprise's yearly cap, or by the first-year cap instead in the first year it uses
     * vouchers, less what the year's other SHARED_SERVICE calls approved for it (never below 0). The controller cap is
     * a call-level step ({@code CallSteps}). Eligible when step 1 holds and at least one record counts.
     */
    @Override
    public Calculation calculate(KindInputs inputs, RuleParameters parameters, CalculationContext context) {
        KindInputs.SharedService in = (KindInputs.SharedService) inputs;
        Parameters p = Parameters.of(parameters);
        Explanation x = Explanation.start(in, List.of("records", "firstYear"), context);
        LocalDate from = context.servicePeriodStart() != null ? context.servicePeriodStart() : LocalDate.of(context.year(), 1, 1);
        LocalDate to = context.servicePeriodEnd() != null ? context.servicePeriodEnd() : LocalDate.of(context.year(), 12, 31);
        // each parameter is at most 1, their sum is not
        BigDecimal localRate = p.rate().add(p.localBonus()).min(BigDecimal.ONE);
        boolean localRateCapped = false;
        Set<String> invoices = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        int counted = 0;
        for (KindInputs.ServiceClaim r : in.records()) {
            boolean counts = true;
            if (r.amount().amount().signum() <= 0) {
                x.fail("SERVICE_NOTHING_PAID", r.invoiceNo());
                counts = false;
            }
            if (!r.providerListed()) {
                x.fail("SERVICE_PROVIDER_NOT_LISTED", r.invoiceNo(), r.providerUscc(), r.invoiceDate().toString());
                counts = false;
            }
            if (r.related()) {
                x.fail("SERVICE_RELATED", r.invoiceNo(), r.providerUscc());
                counts = false;
            }
            if (r.invoiceDate().isBefore(from) || r.invoiceDate().isAfter(to)) {
                x.fail("SERVICE_OUTSIDE_PERIOD", r.invoiceNo(), r.invoiceDate().toString(), from.toString(), to.toString());
                counts = false;
            }
            if (r.claimedElsewhere() || invoices.contains(invoiceKey(r.invoiceNo()))) {
                x.fail("SERVICE_INVOICE_TWICE", r.invoiceNo());
                counts = false;
            }
            if (counts) {
                invoices.add(invoiceKey(r.invoiceNo()));
                if (r.providerLocal() && !localRateCapped && localRate.compareTo(p.rate().add(p.localBonus())) < 0) {
                    x.add("service.rateCapped", Explanation.percent(p.rate()), Explanation.percent(p.localBonus()));
                    localRateCapped = true;
                }
                BigDecimal recordRate = r.providerLocal() ? localRate : p.rate();
                Money refund = r.amount().times(recordRate, RoundingMode.HALF_UP);
                x.add(r.providerLocal() ? "service.local" : "service.record", r.invoiceNo(), r.providerUscc(),
                        Explanation.percent(recordRate), Explanation.figure(r.amount()), Explanation.figure(refund));
                sum = sum.add(refund.amount());
                counted++;
            }
        }
        if (in.records().isEmpty()) {
            x.fail("SERVICE_NONE");
        }
        Money cap = in.firstYear() ? p.firstYearCap() : p.enterpriseCap();
        MessageKey capName = new MessageKey(in.firstYear() ? "calc.service.firstYearCap" : "calc.service.enterpriseCap");
        Money elsewhere = in.vouchersElsewhereThisYear();
        if (counted > 0 && !elsewhere.isZero()) {
            Money left = capLeft(in, p);
            x.add("service.elsewhere", Explanation.figure(elsewhere), capName, Explanation.figure(cap),
                    Explanation.figure(left));
            cap = left;
            capName = new MessageKey("calc.service.capLeft");
        }
        Money amount = Money.ZERO;
        if (counted > 0) {
            if (sum.compareTo(cap.amount()) > 0) {
                x.add("service.capped", counted, MoneyFormat.figure(sum), capName, Explanation.figure(cap));
                amount = cap;
            } else {
                amount = Money.of(sum);
                x.add("service.underCap", counted, Explanation.figure(amount), capName, Explanation.figure(cap));
            }
        }
        return x.result(kind(), x.standing() && counted > 0, amount, Money.ZERO);
    }
}
