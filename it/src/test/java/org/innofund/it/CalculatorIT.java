package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.CalculationContext;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Clocks;
import org.innofund.shared.Money;
import org.innofund.subsidy.application.CalculatorRate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 政策计算器 end to end (issue 12): anyone, no login, gets the same amount as {@link KindRules#calculate} for the same
 * figures and parameters, eligible or not (200 either way); bad input is 422 naming the field; past the per-address
 * limit 429 until the window has passed.
 */
@ExtendWith(ArquillianExtension.class)
class CalculatorIT {

    private static final String RD_INPUTS = """
            {"rdExpenseTax": 5200000.00, "rdExpenseStat": "5000000.00", "rdExpensePrevYear": 4000000.00,
             "revenue": "100000000.00", "inventionPatents": 2, "inventionApplications": 3, "rdStaff": 12,
             "totalStaff": 100}""";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(CalculatorIT.class, Http.class, TestData.class);
    }

    private final Http http = new Http();

    @AfterEach
    void putTheClockBack() {
        http.moveClock(Duration.ZERO);
    }

    private HttpResponse<String> calculate(String kind, Long callId, String inputs, String... headers) {
        String call = callId == null ? "" : ", \"callId\": " + callId;
        return http.postJson("api/v1/calculator", "{\"kind\": \"" + kind + "\"" + call + ", \"inputs\": " + inputs + "}",
                headers);
    }

    /** The kind's own calculation, as a run makes it, for the calculator's context (this year, registered, clean). */
    private static Calculation direct(KindInputs inputs, RuleParameters parameters, int year) {
        LocalDate today = LocalDate.now(Clocks.BUREAU_ZONE);
        return KindRules.of(SubsidyKind.RD_INVESTMENT).calculate(inputs, parameters, new CalculationContext(year,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), today, true, false));
    }

    private static KindInputs.RdInvestment rd(String stat) {
        return new KindInputs.RdInvestment(Money.parse("5200000.00"), stat == null ? null : Money.parse(stat),
                Money.parse("4000000.00"), Money.parse("100000000.00"), 2, 3, 12, 100, Map.of());
    }

    @Test
    void anonymousGetsTheAmountTheRulesGiveWithTheExplanation() {
        HttpResponse<String> r = calculate("RD_INVESTMENT", null, RD_INPUTS);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject result = Http.json(r);
        Calculation expected = direct(rd("5000000.00"), RuleParameters.defaults(SubsidyKind.RD_INVESTMENT),
                LocalDate.now(Clocks.BUREAU_ZONE).getYear());
        assertTrue(expected.eligible(), expected.toString());
        assertEquals("RD_INVESTMENT", result.getString("kind"));
        assertTrue(result.getBoolean("eligible"));
        assertEquals(new BigDecimal("300000.00"), result.getJsonNumber("amount").bigDecimalValue());
        assertEquals(expected.amount().amount(), result.getJsonNumber("amount").bigDecimalValue());
        assertEquals(0, result.getJsonArray("reasons").size());
        List<String> steps = result.getJsonArray("steps").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        assertTrue(steps.containsAll(expected.steps().stream().map(Calculation.Step::zh).toList()), steps.toString());
        assertTrue(steps.get(0).contains("默认参数"), steps.get(0));

        HttpResponse<String> english = calculate("RD_INVESTMENT", null, RD_INPUTS, "Accept-Language", "en");
        assertTrue(Http.json(english).getJsonArray("steps").getString(0).contains("default parameters"), english.body());
    }

    @Test
    void anOpenCallsParametersAreUsed() {
        long callId = http.callOfKind("RD_INVESTMENT");
        JsonObject call = Http.json(http.get("api/v1/calls/" + callId));
        // the call's parameters as the API shows them, read as they are stored ("name=value" lines)
        RuleParameters parameters = RuleParameters.parse(call.getJsonObject("ruleParameters").entrySet().stream()
                .map(p -> p.getKey() + "=" + ((jakarta.json.JsonNumber) p.getValue()).bigDecimalValue().toPlainString())
                .collect(java.util.stream.Collectors.joining("\n")));
        HttpResponse<String> r = calculate("RD_INVESTMENT", callId, RD_INPUTS);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(direct(rd("5000000.00"), parameters, call.getInt("year")).amount().amount(),
                Http.json(r).getJsonNumber("amount").bigDecimalValue());
        assertTrue(Http.json(r).getJsonArray("steps").getString(0).contains(call.getString("title")), r.body());
    }

    @Test
    void anIneligibleCaseIsStillAnAnswerWithItsReasons() {
        HttpResponse<String> r = calculate("RD_INVESTMENT", null, RD_INPUTS.replace("\"5000000.00\"", "null"),
                "Accept-Language", "en");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject result = Http.json(r);
        Calculation expected = direct(rd(null), RuleParameters.defaults(SubsidyKind.RD_INVESTMENT),
                LocalDate.now(Clocks.BUREAU_ZONE).getYear());
        assertFalse(result.getBoolean("eligible"));
        assertEquals(new BigDecimal("0.00"), result.getJsonNumber("amount").bigDecimalValue());
        List<JsonObject> reasons = result.getJsonArray("reasons").getValuesAs(JsonObject.class);
        assertEquals(expected.reasons().stream().map(Calculation.Reason::code).toList(),
                reasons.stream().map(o -> o.getString("code")).toList());
        assertEquals(expected.reasons().get(0).en(), reasons.get(0).getString("message"));
        assertFalse(result.containsKey("recovery"), r.body());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        HttpResponse<String> negative = calculate("RD_INVESTMENT", null, RD_INPUTS.replace("5200000.00", "-1.00"));
        assertEquals(422, negative.statusCode(), negative.body());
        JsonObject field = Http.json(negative).getJsonArray("fields").getJsonObject(0);
        assertEquals("inputs.rdExpenseTax", field.getString("field"));
        assertEquals("money.invalid", field.getString("code"));

        HttpResponse<String> grade = calculate("PRE_APPROVED", null, """
                {"approvedAmount": "1000000.00", "grade": "SUPERB", "auditedSpend": "900000.005", "advancePaid": 0}""",
                "Accept-Language", "en");
        assertEquals(422, grade.statusCode(), grade.body());
        assertEquals(List.of("inputs.grade", "inputs.auditedSpend"), Http.json(grade).getJsonArray("fields")
                .getValuesAs(JsonObject.class).stream().map(f -> f.getString("field")).toList());
        assertTrue(Http.json(grade).getJsonArray("fields").getJsonObject(0).getString("message").contains("SUPERB"));

        HttpResponse<String> achievement = calculate("REWARD", null,
                "{\"achievements\": [{\"type\": \"NOBEL\", \"certificateNo\": \"A1\", \"date\": \"2026-01-05\"}]}");
        assertEquals(422, achievement.statusCode(), achievement.body());
        assertEquals("inputs.achievements[0].type", Http.json(achievement).getJsonArray("fields").getJsonObject(0)
                .getString("field"));

        HttpResponse<String> kind = calculate("LOTTERY", null, "{}");
        assertEquals(422, kind.statusCode(), kind.body());
        assertEquals("kind", Http.json(kind).getJsonArray("fields").getJsonObject(0).getString("field"));

        HttpResponse<String> unknownCall = calculate("RD_INVESTMENT", 999_999_999L, RD_INPUTS);
        assertEquals(422, unknownCall.statusCode(), unknownCall.body());
        assertEquals("callId", Http.json(unknownCall).getJsonArray("fields").getJsonObject(0).getString("field"));

        HttpResponse<String> otherKind = calculate("REWARD", http.callOfKind("RD_INVESTMENT"), "{\"achievements\": []}");
        assertEquals(422, otherKind.statusCode(), otherKind.body());
        assertEquals("kind", Http.json(otherKind).getJsonArray("fields").getJsonObject(0).getString("field"));
    }

    @Test
    void pastTheLimitOfOneAddressTooManyUntilTheWindowHasPassed() {
        // an hour ahead, so that the other tests' requests are not in this window (and these not in theirs)
        http.moveClock(Duration.ofHours(1));
        int answered = 0;
        HttpResponse<String> r;
        do {
            r = calculate("RD_INVESTMENT", null, RD_INPUTS);
            answered++;
        } while (r.statusCode() == 200 && answered <= CalculatorRate.REQUESTS_PER_WINDOW);
        assertEquals(429, r.statusCode(), r.body());
        assertEquals("calculator.tooMany", Http.json(r).getString("code"));
        assertTrue(answered <= CalculatorRate.REQUESTS_PER_WINDOW + 1, "429 after " + answered);
        http.moveClock(Duration.ofHours(1).plus(CalculatorRate.WINDOW));
        assertEquals(200, calculate("RD_INVESTMENT", null, RD_INPUTS).statusCode());
    }
}
