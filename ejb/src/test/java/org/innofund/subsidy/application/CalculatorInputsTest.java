package org.innofund.subsidy.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalculatorInputsTest {

    private static final String PROVIDER = "91110000802100433B";
    private static final LocalDate LISTED_FROM = LocalDate.of(2026, 3, 1);
    /** The registry of the tests: one local provider listed from 2026-03-01, nothing else. */
    private static final BiFunction<String, LocalDate, ProviderFacts> REGISTRY = (uscc, date) ->
            uscc.equals(PROVIDER) ? new ProviderFacts(!date.isBefore(LISTED_FROM), true, "张三") : ProviderFacts.UNKNOWN;

    private static final String RD = """
            {"rdExpenseTax": 5200000.00, "rdExpenseStat": "5000000.00", "rdExpensePrevYear": 4000000,
             "revenue": "100000000.00", "inventionPatents": 2, "inventionApplications": 3, "rdStaff": 12,
             "totalStaff": 100}""";

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<FieldProblem> problems(SubsidyKind kind, String inputs) {
        return assertThrows(InvalidFormException.class, () -> CalculatorInputs.parse(kind, json(inputs), REGISTRY))
                .problems();
    }

    private static FieldProblem only(SubsidyKind kind, String inputs) {
        List<FieldProblem> problems = problems(kind, inputs);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void rdInvestmentTakesNumbersAndStringsAsMoney() {
        KindInputs.RdInvestment rd = (KindInputs.RdInvestment) CalculatorInputs.parse(SubsidyKind.RD_INVESTMENT,
                json(RD), REGISTRY);
        assertEquals(Money.parse("5200000.00"), rd.rdExpenseTax());
        assertEquals(Money.parse("5000000.00"), rd.rdExpenseStat());
        assertEquals(Money.parse("4000000.00"), rd.rdExpensePrevYear());
        assertEquals(Money.parse("100000000.00"), rd.revenue());
        assertEquals(List.of(2, 3, 12, 100), List.of(rd.inventionPatents(), rd.inventionApplications(), rd.rdStaff(),
                rd.totalStaff()));
        assertEquals(Map.of(), rd.sources());
    }

    @Test
    void aMissingStatisticsFigureIsAllowedAsNull() {
        String noStat = RD.replace("\"rdExpenseStat\": \"5000000.00\",", "\"rdExpenseStat\": null,");
        assertNull(((KindInputs.RdInvestment) CalculatorInputs.parse(SubsidyKind.RD_INVESTMENT, json(noStat), REGISTRY))
                .rdExpenseStat());
        String absent = RD.replace("\"rdExpenseStat\": \"5000000.00\",", "");
        assertNull(((KindInputs.RdInvestment) CalculatorInputs.parse(SubsidyKind.RD_INVESTMENT, json(absent), REGISTRY))
                .rdExpenseStat());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "rdExpenseTax      | -1.00        | money.invalid",
            "rdExpenseTax      | 5200000.001  | money.invalid",
            "rdExpenseTax      | '\"5,200,000\"' | money.malformed",
            "rdExpenseTax      | '\"-3.00\"'  | money.invalid",
            "revenue           | null         | calculator.required",
            "rdExpensePrevYear | true         | money.malformed",
            "inventionPatents  | -1           | calculator.count",
            "inventionPatents  | 1.5          | calculator.count",
            "rdStaff           | '\"abc\"'    | calculator.count",
            "totalStaff        | 10000001     | calculator.count",
            "totalStaff        | null         | calculator.required"})
    void aBadRdFigureIsNamed(String field, String value, String messageKey) {
        JsonObject base = json(RD);
        String inputs = Json.createObjectBuilder(base).add(field, Json.createReader(new StringReader("[" + value + "]"))
                .readArray().get(0)).build().toString();
        FieldProblem problem = only(SubsidyKind.RD_INVESTMENT, inputs);
        assertEquals("inputs." + field, problem.field());
        assertEquals(messageKey, problem.messageKey());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<FieldProblem> problems = problems(SubsidyKind.RD_INVESTMENT, "{\"rdExpenseTax\": -5, \"rdStaff\": 1.5}");
        assertEquals(List.of("inputs.rdExpenseTax", "inputs.rdExpensePrevYear", "inputs.revenue",
                        "inputs.inventionPatents", "inputs.inventionApplications", "inputs.rdStaff", "inputs.totalStaff"),
                problems.stream().map(FieldProblem::field).toList());
    }

    @Test
    void preApprovedReadsItsGrade() {
        KindInputs.PreApproved p = (KindInputs.PreApproved) CalculatorInputs.parse(SubsidyKind.PRE_APPROVED, json("""
                {"approvedAmount": "1000000.00", "grade": "good", "auditedSpend": 800000, "advancePaid": "300000.00"}"""),
                REGISTRY);
        assertEquals(Grade.GOOD, p.grade());
        assertEquals(Money.parse("800000.00"), p.auditedSpend());
        assertEquals(Money.parse("300000.00"), p.advancePaid());
    }

    @Test
    void anUnknownOrMissingGradeIsNamed() {
        FieldProblem unknown = only(SubsidyKind.PRE_APPROVED, """
                {"approvedAmount": 1, "grade": "SUPERB", "auditedSpend": 1, "advancePaid": 0}""");
        assertEquals("inputs.grade", unknown.field());
        assertEquals("calculator.gradeUnknown", unknown.messageKey());
        assertEquals(List.of("SUPERB"), unknown.arguments());
        FieldProblem missing = only(SubsidyKind.PRE_APPROVED, """
                {"approvedAmount": 1, "auditedSpend": 1, "advancePaid": 0}""");
        assertEquals("inputs.grade", missing.field());
        assertEquals("calculator.required", missing.messageKey());
    }

    @Test
    void rewardReadsItsAchievementsAndNamesTheBadOnes() {
        KindInputs.Reward reward = (KindInputs.Reward) CalculatorInputs.parse(SubsidyKind.REWARD, json("""
                {"achievements": [{"type": "HIGH_TECH_NEW", "certificateNo": "GR202611000123", "date": "2026-05-10"}]}"""),
                REGISTRY);
        assertEquals(List.of(new KindInputs.AchievementClaim(Achievement.HIGH_TECH_NEW, "GR202611000123",
                LocalDate.of(2026, 5, 10))), reward.achievements());
        assertFalse(reward.highTechNewPaidBefore());

        List<FieldProblem> problems = problems(SubsidyKind.REWARD, """
                {"achievements": [{"type": "TECH_SME", "certificateNo": "A1", "date": "2026-05-10"},
                                  {"type": "NOBEL_PRIZE", "certificateNo": "A2", "date": "10/05/2026"}, 7]}""");
        assertEquals(List.of("inputs.achievements[2]", "inputs.achievements[1].type", "inputs.achievements[1].date"),
                problems.stream().map(FieldProblem::field).toList());
        assertEquals(List.of("calculator.list", "calculator.achievementUnknown", "calculator.date"),
                problems.stream().map(FieldProblem::messageKey).toList());
    }

    @Test
    void achievementsMustBeAList() {
        FieldProblem problem = only(SubsidyKind.REWARD, "{\"achievements\": {\"type\": \"TECH_SME\"}}");
        assertEquals("inputs.achievements", problem.field());
        assertEquals("calculator.list", problem.messageKey());
    }

    @Test
    void sharedServiceAsksTheRegistryOnEachInvoiceDate() {
        KindInputs.SharedService s = (KindInputs.SharedService) CalculatorInputs.parse(SubsidyKind.SHARED_SERVICE,
                json("""
                        {"firstYear": true, "records": [
                          {"providerUscc": "91110000802100433B", "invoiceNo": "0001", "invoiceDate": "2026-02-28", "amount": 10000},
                          {"providerUscc": "91110000802100433b", "invoiceNo": "0002", "invoiceDate": "2026-03-01", "amount": "20000.50"},
                          {"providerUscc": "914403001922038216", "invoiceNo": "0003", "invoiceDate": "2026-04-01", "amount": 1}]}"""),
                REGISTRY);
        assertTrue(s.firstYear());
        List<KindInputs.ServiceClaim> r = s.records();
        assertEquals(new KindInputs.ServiceClaim(PROVIDER, "0001", LocalDate.of(2026, 2, 28), Money.parse("10000.00"),
                false, true, false, false), r.get(0));   // the day before its listing
        assertEquals(new KindInputs.ServiceClaim(PROVIDER, "0002", LocalDate.of(2026, 3, 1), Money.parse("20000.50"),
                true, true, false, false), r.get(1));    // its first listed day; the code upper-cased
        assertFalse(r.get(2).providerListed());          // not in the registry
        assertFalse(r.get(2).providerLocal());
    }

    @Test
    void theSameInvoiceTwiceInOneRequestCountsTheLaterOneAsClaimedTwice() {
        KindInputs.SharedService s = (KindInputs.SharedService) CalculatorInputs.parse(SubsidyKind.SHARED_SERVICE,
                json("""
                        {"firstYear": false, "records": [
                          {"providerUscc": "91110000802100433B", "invoiceNo": "0001", "invoiceDate": "2026-03-02", "amount": 100},
                          {"providerUscc": "91110000802100433B", "invoiceNo": "0001", "invoiceDate": "2026-03-02", "amount": 100}]}"""),
                REGISTRY);
        assertFalse(s.records().get(0).claimedElsewhere());
        assertTrue(s.records().get(1).claimedElsewhere());
    }

    /** A misspelt optional figure would otherwise be taken as missing: the amount would change without a word. */
    @Test
    void aMisspeltInputIsNamedNotIgnored() {
        FieldProblem misspelt = only(SubsidyKind.RD_INVESTMENT, RD.replace("\"rdExpenseStat\"", "\"rdExpenseStatt\""));
        assertEquals("inputs.rdExpenseStatt", misspelt.field());
        assertEquals("calculator.unknownInput", misspelt.messageKey());
    }

    /** Each service record asks the registry: an anonymous request may not hold more than a year's worth. */
    @Test
    void moreRecordsThanTheLimitAreRefusedBeforeAnyIsRead() {
        String record = "{\"providerUscc\": \"91110000802100433B\", \"invoiceNo\": \"0001\", \"invoiceDate\": \"2026-03-02\", \"amount\": 1}";
        String atLimit = "{\"firstYear\": false, \"records\": [" + String.join(",", java.util.Collections.nCopies(
                CalculatorInputs.MAX_ROWS, record)) + "]}";
        assertEquals(CalculatorInputs.MAX_ROWS, ((KindInputs.SharedService) CalculatorInputs.parse(SubsidyKind.SHARED_SERVICE,
                json(atLimit), REGISTRY)).records().size());
        FieldProblem tooMany = only(SubsidyKind.SHARED_SERVICE, "{\"firstYear\": false, \"records\": ["
                + String.join(",", java.util.Collections.nCopies(CalculatorInputs.MAX_ROWS + 1, record)) + "]}");
        assertEquals("inputs.records", tooMany.field());
        assertEquals("calculator.tooManyRows", tooMany.messageKey());
    }

    @Test
    void aBadServiceRecordIsNamedByItsPlace() {
        List<FieldProblem> problems = problems(SubsidyKind.SHARED_SERVICE, """
                {"records": [
                  {"providerUscc": "91110000802100433A", "invoiceNo": "0001", "invoiceDate": "2026-03-02", "amount": 100},
                  {"providerUscc": "91110000802100433B", "invoiceDate": "2026-13-01", "amount": 100.005}]}""");
        assertEquals(List.of("inputs.firstYear", "inputs.records[0].providerUscc", "inputs.records[1].invoiceNo",
                        "inputs.records[1].invoiceDate", "inputs.records[1].amount"),
                problems.stream().map(FieldProblem::field).toList());
        assertEquals(List.of("calculator.flag", "uscc.checkCharacter", "calculator.required", "calculator.date",
                "money.invalid"), problems.stream().map(FieldProblem::messageKey).toList());
    }

    @Test
    void noInputsAtAllNamesEveryRequiredField() {
        assertEquals(List.of("inputs.approvedAmount", "inputs.grade", "inputs.auditedSpend", "inputs.advancePaid"),
                assertThrows(InvalidFormException.class, () -> CalculatorInputs.parse(SubsidyKind.PRE_APPROVED, null,
                        REGISTRY)).problems().stream().map(FieldProblem::field).toList());
    }

    @ParameterizedTest
    @CsvSource({"RD_INVESTMENT, RD_INVESTMENT", "rd_investment, RD_INVESTMENT", "' SHARED_SERVICE ', SHARED_SERVICE"})
    void aKindIsReadByItsName(String name, SubsidyKind kind) {
        assertEquals(kind, CalculatorInputs.kind(name));
    }

    @ParameterizedTest
    @CsvSource(value = {"LOTTERY", "''", "null"}, nullValues = "null")
    void anUnknownKindIsNamed(String name) {
        InvalidFormException e = assertThrows(InvalidFormException.class, () -> CalculatorInputs.kind(name));
        assertEquals("kind", e.problems().get(0).field());
        assertEquals("calculator.kindUnknown", e.messageKey());
    }
}
