package org.innofund.declaration.domain.kind;

import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.calculate;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.codes;
import static org.innofund.declaration.domain.kind.RdInvestmentCalculationTest.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SUBSIDY-RULES.md kind 4: each record refunded or excluded with its reason, the enterprise and first-year caps. */
class SharedServiceCalculationTest {

    static final RuleParameters DEFAULTS = RuleParameters.defaults(SubsidyKind.SHARED_SERVICE);
    static final CalculationContext PERIOD = new CalculationContext(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 10, 31),
            LocalDate.of(2025, 12, 1), true, false);
    static final LocalDate JUNE = LocalDate.of(2025, 6, 1);

    static KindInputs.ServiceClaim record(String invoice, String amount, boolean local) {
        return new KindInputs.ServiceClaim("91330200MA2AAAAA1X", invoice, JUNE, yuan(amount), true, local, false, false);
    }

    static Calculation service(boolean firstYear, KindInputs.ServiceClaim... records) {
        return calculate(new KindInputs.SharedService(firstYear, Money.ZERO, List.of(records), Map.of()), DEFAULTS, PERIOD);
    }

    @Test
    void fortyPercentAndSixtyForALocalProvider() {
        Calculation c = service(false, record("F1", "100000.00", false), record("F2", "100000.00", true));
        assertTrue(c.eligible());
        assertEquals(yuan("100000.00"), c.amount());
        assertEquals("发票 F2（本地服务机构 91330200MA2AAAAA1X，含本地加成）：60% × 100,000.00 = 60,000.00", c.steps().get(1).zh());
        assertEquals("Records counted: 2, adding up to 100,000.00, within the yearly cap per enterprise of 200,000.00", c.steps().get(2).en());
    }

    /** Each record rounds on its own: 0.40 × 0.01 = 0.004 → 0.00, 0.60 × 0.01 = 0.006 → 0.01, so two such give 0.02. */
    @Test
    void eachRecordRoundsHalfUpOnItsOwn() {
        assertEquals(yuan("0.00"), service(false, record("A", "0.01", false)).amount());
        assertEquals(yuan("0.01"), service(false, record("A", "0.01", true)).amount());
        assertEquals(yuan("0.02"), service(false, record("A", "0.01", true), record("B", "0.01", true)).amount());
        assertEquals(yuan("0.40"), service(false, record("A", "1.01", false)).amount());
    }

    /** The default rates never meet half a fen; a rate of 45 %: 0.45 × 0.10 = 0.045 → 0.05 (HALF_EVEN would give 0.04). */
    @Test
    void halfUpAtHalfAFen() {
        RuleParameters p = DEFAULTS.with(org.innofund.program.domain.RuleParameter.RATE, new java.math.BigDecimal("0.45"));
        Calculation c = calculate(new KindInputs.SharedService(false, Money.ZERO, List.of(record("A", "0.10", false)), Map.of()), p, PERIOD);
        assertEquals(yuan("0.05"), c.amount());
        assertEquals(yuan("0.04"), calculate(new KindInputs.SharedService(false, Money.ZERO, List.of(record("A", "0.09", false)), Map.of()),
                p, PERIOD).amount());
    }

    @Test
    void theEnterpriseCapHitExactlyAndExceeded() {
        assertEquals(yuan("200000.00"), service(false, record("A", "500000.00", false)).amount());
        Calculation over = service(false, record("A", "500000.03", false));
        assertEquals(yuan("200000.00"), over.amount());
        assertEquals("1 笔合计 200,000.01，超过企业年度上限，按上限 200,000.00", over.steps().get(1).zh());
    }

    @Test
    void theFirstYearCapReplacesTheEnterpriseCap() {
        Calculation c = service(true, record("A", "200000.00", false));
        assertEquals(yuan("50000.00"), c.amount());
        assertEquals("Records counted: 1, adding up to 80,000.00, above the cap for the first year of vouchers: the cap of 50,000.00",
                c.steps().get(1).en());
        assertEquals(yuan("50000.00"), service(true, record("A", "125000.00", false)).amount());
        assertEquals(yuan("49999.60"), service(true, record("A", "124999.00", false)).amount());
    }

    @Test
    void aRelatedPartyVoucherIsExcluded() {
        KindInputs.ServiceClaim related = new KindInputs.ServiceClaim("91330200MA2BBBBB2Y", "R1", JUNE, yuan("100000.00"), true,
                true, true, false);
        Calculation c = service(false, related, record("F1", "10000.00", false));
        assertTrue(c.eligible());
        assertEquals(List.of("SERVICE_RELATED"), codes(c));
        assertEquals(yuan("4000.00"), c.amount());
        Calculation only = service(false, related);
        assertFalse(only.eligible());
        assertEquals(Money.ZERO, only.amount());
    }

    @Test
    void aDuplicateInvoiceIsExcludedInThisCallAndAcrossCalls() {
        Calculation twice = service(false, record("F1", "10000.00", false), record(" F1", "10000.00", false));
        assertEquals(List.of("SERVICE_INVOICE_TWICE"), codes(twice));
        assertEquals(yuan("4000.00"), twice.amount());
        KindInputs.ServiceClaim elsewhere = new KindInputs.ServiceClaim("91330200MA2AAAAA1X", "F9", JUNE, yuan("10000.00"), true,
                false, false, true);
        Calculation across = service(false, elsewhere);
        assertEquals(List.of("SERVICE_INVOICE_TWICE"), codes(across));
        assertEquals("Invoice F9 was already claimed (one invoice is refunded once): not refunded.", across.reasons().get(0).en());
        assertFalse(across.eligible());
    }

    @Test
    void aProviderNotListedOnTheInvoiceDateIsExcluded() {
        KindInputs.ServiceClaim unlisted = new KindInputs.ServiceClaim("91330200MA2AAAAA1X", "U1", JUNE, yuan("10000.00"), false,
                false, false, false);
        Calculation c = service(false, unlisted);
        assertEquals(List.of("SERVICE_PROVIDER_NOT_LISTED"), codes(c));
        assertEquals("发票 U1：服务机构 91330200MA2AAAAA1X 在开票日 2025-06-01 未在服务机构名录中（或已暂停），不予补助。",
                c.reasons().get(0).zh());
    }

    @Test
    void theServicePeriodBoundsAreIncluded() {
        KindInputs.ServiceClaim first = new KindInputs.ServiceClaim("P", "D1", LocalDate.of(2025, 1, 1), yuan("100.00"), true,
                false, false, false);
        KindInputs.ServiceClaim last = new KindInputs.ServiceClaim("P", "D2", LocalDate.of(2025, 10, 31), yuan("100.00"), true,
                false, false, false);
        KindInputs.ServiceClaim after = new KindInputs.ServiceClaim("P", "D3", LocalDate.of(2025, 11, 1), yuan("100.00"), true,
                false, false, false);
        Calculation c = service(false, first, last, after);
        assertEquals(yuan("80.00"), c.amount());
        assertEquals(List.of("SERVICE_OUTSIDE_PERIOD"), codes(c));
        assertEquals("发票 D3：开票日 2025-11-01 不在服务期 2025-01-01 至 2025-10-31 内，不予补助。", c.reasons().get(0).zh());
    }

    @Test
    void withoutAPeriodTheCallsYearIsTheServicePeriod() {
        CalculationContext noPeriod = new CalculationContext(2025, null, null, LocalDate.of(2026, 1, 5), true, false);
        KindInputs.ServiceClaim dec = new KindInputs.ServiceClaim("P", "D", LocalDate.of(2025, 12, 31), yuan("100.00"), true,
                false, false, false);
        KindInputs.ServiceClaim next = new KindInputs.ServiceClaim("P", "E", LocalDate.of(2026, 1, 1), yuan("100.00"), true,
                false, false, false);
        Calculation c = calculate(new KindInputs.SharedService(false, Money.ZERO, List.of(dec, next), Map.of()), DEFAULTS, noPeriod);
        assertEquals(yuan("40.00"), c.amount());
        assertEquals(List.of("SERVICE_OUTSIDE_PERIOD"), codes(c));
    }

    @Test
    void everyReasonOfOneRecordIsListed() {
        KindInputs.ServiceClaim bad = new KindInputs.ServiceClaim("P", "X", LocalDate.of(2024, 6, 1), yuan("100.00"), false,
                false, true, true);
        Calculation c = calculate(new KindInputs.SharedService(false, Money.ZERO, List.of(bad), Map.of()), DEFAULTS,
                new CalculationContext(2025, null, null, LocalDate.of(2026, 1, 5), true, true));
        assertEquals(List.of("BLACKLISTED", "SERVICE_PROVIDER_NOT_LISTED", "SERVICE_RELATED", "SERVICE_OUTSIDE_PERIOD",
                "SERVICE_INVOICE_TWICE"), codes(c));
        assertEquals(Money.ZERO, c.amount());
    }

    @Test
    void noRecordsIsNotEligible() {
        Calculation c = service(false);
        assertEquals(List.of("SERVICE_NONE"), codes(c));
        assertFalse(c.eligible());
    }

    static KindInputs.ServiceClaim claim(String invoice, String amount, boolean listed, boolean local) {
        return new KindInputs.ServiceClaim("91330200MA2AAAAA1X", invoice, JUNE, yuan(amount), listed, local, false, false);
    }

    /** Two records at Money's largest would overflow Money when summed: the sum is exact, the cap answers. */
    @Test
    void aHugeSumIsCappedNotRefused() {
        RuleParameters p = DEFAULTS.with(org.innofund.program.domain.RuleParameter.RATE, java.math.BigDecimal.ONE);
        Calculation c = calculate(new KindInputs.SharedService(false, Money.ZERO, List.of(record("A", "90000000000000.00", false),
                record("B", "90000000000000.00", false)), Map.of()), p, PERIOD);
        assertTrue(c.eligible());
        assertEquals(yuan("200000.00"), c.amount());
        assertEquals("2 笔合计 180,000,000,000,000.00，超过企业年度上限，按上限 200,000.00", c.steps().get(2).zh());
        assertEquals(yuan("200000.00"), service(false, record("A", "99999999999999.99", true),
                record("B", "99999999999999.99", true)).amount());
    }

    /** 70 % + 40 % local bonus: 100 % at most — a refund never exceeds what was paid (was 110,000.00 on 100,000.00). */
    @Test
    void theRateWithTheLocalBonusIsAtMostAHundredPercent() {
        RuleParameters p = DEFAULTS.with(org.innofund.program.domain.RuleParameter.RATE, new java.math.BigDecimal("0.70"))
                .with(org.innofund.program.domain.RuleParameter.LOCAL_BONUS, new java.math.BigDecimal("0.40"))
                .with(org.innofund.program.domain.RuleParameter.ENTERPRISE_CAP, new java.math.BigDecimal("900000.00"));
        Calculation c = calculate(new KindInputs.SharedService(false, Money.ZERO, List.of(record("L1", "100000.00", true),
                record("N1", "100000.00", false), record("L2", "50000.00", true)), Map.of()), p, PERIOD);
        assertEquals(yuan("220000.00"), c.amount());
        assertEquals("补助比例 70% 加本地加成 40% 超过 100%，按 100% 计（补助不超过实付金额）", c.steps().get(0).zh());
        assertEquals("发票 L1（本地服务机构 91330200MA2AAAAA1X，含本地加成）：100% × 100,000.00 = 100,000.00", c.steps().get(1).zh());
        assertEquals(1, c.steps().stream().filter(st -> st.zh().startsWith("补助比例")).count(), "said once");
        // exactly 100 %: nothing to say
        RuleParameters exact = p.with(org.innofund.program.domain.RuleParameter.LOCAL_BONUS, new java.math.BigDecimal("0.30"));
        Calculation e = calculate(new KindInputs.SharedService(false, Money.ZERO, List.of(record("L1", "100000.00", true)), Map.of()),
                exact, PERIOD);
        assertEquals(yuan("100000.00"), e.amount());
        assertFalse(e.steps().get(0).zh().startsWith("补助比例"));
    }

    /** The first occurrence excluded for another reason does not take the invoice: the first countable one counts. */
    @Test
    void theFirstCountableOccurrenceOfAnInvoiceCounts() {
        Calculation c = service(false, claim("F1", "10000.00", false, false), claim("F1", "10000.00", true, false),
                claim("F1", "10000.00", true, false));
        assertEquals(List.of("SERVICE_PROVIDER_NOT_LISTED", "SERVICE_INVOICE_TWICE"), codes(c));
        assertEquals(yuan("4000.00"), c.amount());
        assertTrue(c.eligible());
    }

    /** Invoice numbers are compared trimmed and regardless of case. */
    @Test
    void anInvoiceNumberInAnotherCaseIsTheSameInvoice() {
        Calculation c = service(false, record("fp-001", "10000.00", false), record(" FP-001 ", "10000.00", false));
        assertEquals(List.of("SERVICE_INVOICE_TWICE"), codes(c));
        assertEquals(yuan("4000.00"), c.amount());
    }

    /** A record of 0.00 does not count (and alone does not make the enterprise eligible with 0.00). */
    @Test
    void aRecordOfNothingPaidDoesNotCount() {
        Calculation c = service(false, record("Z", "0.00", false));
        assertFalse(c.eligible());
        assertEquals(List.of("SERVICE_NOTHING_PAID"), codes(c));
        assertEquals("Invoice Z: nothing was paid: not refunded.", c.reasons().get(0).en());
        assertEquals("Not eligible (conditions not met: 1): amount 0.00", c.steps().get(c.steps().size() - 1).en());
        Calculation with = service(false, record("Z", "0.00", false), record("A", "100.00", false));
        assertTrue(with.eligible());
        assertEquals(yuan("40.00"), with.amount());
    }

    static Calculation serviceAfter(String elsewhere, boolean firstYear, KindInputs.ServiceClaim... records) {
        return calculate(new KindInputs.SharedService(firstYear, yuan(elsewhere), List.of(records), Map.of()), DEFAULTS,
                PERIOD);
    }

    /** 150,000.00 approved in another voucher call of the year and 80,000.00 claimed here: 50,000.00 is left. */
    @Test
    void whatOtherVoucherCallsOfTheYearApprovedIsTakenFromTheEnterpriseCap() {
        Calculation c = serviceAfter("150000.00", false, record("A", "200000.00", false));
        assertTrue(c.eligible());
        assertEquals(yuan("50000.00"), c.amount());
        assertEquals("本年度其他创新券批次已核定 150,000.00，企业年度上限 200,000.00，剩余上限 50,000.00", c.steps().get(1).zh());
        assertEquals("Other voucher calls of this year approved 150,000.00: the yearly cap per enterprise of 200,000.00 "
                + "leaves 50,000.00", c.steps().get(1).en());
        assertEquals("1 笔合计 80,000.00，超过剩余上限，按上限 50,000.00", c.steps().get(2).zh());
        assertEquals("Records counted: 1, adding up to 80,000.00, above what is left of the cap: the cap of 50,000.00",
                c.steps().get(2).en());
        // under what is left: paid whole
        Calculation under = serviceAfter("150000.00", false, record("A", "100000.00", false));
        assertEquals(yuan("40000.00"), under.amount());
        assertEquals("1 笔合计 40,000.00，未超过剩余上限 50,000.00", under.steps().get(2).zh());
    }

    /** What is left hit exactly, and a fen over. */
    @Test
    void whatIsLeftOfTheEnterpriseCapHitExactly() {
        assertEquals(yuan("50000.00"), serviceAfter("150000.00", false, record("A", "125000.00", false)).amount());
        assertEquals(yuan("50000.00"), serviceAfter("150000.00", false, record("A", "125000.03", false)).amount());
        assertEquals(yuan("0.01"), serviceAfter("199999.99", false, record("A", "125000.00", false)).amount());
    }

    /** First voucher year: 50,000.00 already approved in another call of the year leaves nothing, and says why. */
    @Test
    void theFirstYearCapUsedUpElsewhereLeavesNothing() {
        Calculation c = serviceAfter("50000.00", true, record("A", "10000.00", false));
        assertEquals(Money.ZERO, c.amount());
        assertTrue(c.reasons().isEmpty(), "every condition holds: the cap is used up");
        assertEquals("本年度其他创新券批次已核定 50,000.00，首次使用创新券的年度上限 50,000.00，剩余上限 0.00", c.steps().get(1).zh());
        assertEquals("1 笔合计 4,000.00，超过剩余上限，按上限 0.00", c.steps().get(2).zh());
        // more than the cap elsewhere (the cap changed since): never below 0
        assertEquals(Money.ZERO, serviceAfter("60000.00", true, record("A", "10000.00", false)).amount());
    }

    /** Nothing approved elsewhere, or nothing counted here: no step about the other calls. */
    @Test
    void theOtherCallsAreNamedOnlyWhenTheyGaveSomething() {
        assertTrue(service(false, record("A", "10000.00", false)).steps().stream().noneMatch(st -> st.zh().contains("其他创新券")));
        Calculation none = serviceAfter("10000.00", false, claim("A", "10000.00", false, false));
        assertFalse(none.eligible());
        assertTrue(none.steps().stream().noneMatch(st -> st.zh().contains("其他创新券")));
    }
}
