package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API as a hostile or clumsy client meets it: every change carries its version, every field and list has a
 * limit, every body is small, every refusal is JSON {code, message}, and no input of any shape gives a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiLimitsIT {

    private static final String PASSWORD = "declare-password-1";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private final Http http = new Http();

    // ------------------------------------------------------------------------------------------------------------
    // helpers

    /** A refusal as the API promises it: a 4xx, JSON, a code and a message. */
    private static JsonObject assertRefused(HttpResponse<String> r, String context) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, context + " → " + r.statusCode() + " " + abbreviate(r.body()));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                context + " → " + r.headers().firstValue("Content-Type") + " " + abbreviate(r.body()));
        JsonObject body = Http.json(r);
        assertFalse(body.getString("code", "").isBlank(), context);
        assertFalse(body.getString("message", "").isBlank(), context);
        return body;
    }

    private static JsonObject assertError(HttpResponse<String> r, int status, String code) {
        JsonObject body = assertRefused(r, r.request().method() + " " + r.uri());
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, body.getString("code"), r.body());
        return body;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private String newEnterprise() {
        String username = TestData.newUsername("lim");
        assertEquals(201, http.postJson("api/v1/registrations", registration(username, TestData.newUscc(), PASSWORD)).statusCode());
        return http.token(username, PASSWORD);
    }

    private static JsonObjectBuilder registrationBuilder(String username, String uscc, String password) {
        return Json.createObjectBuilder().add("companyName", "限值测试企业" + username).add("uscc", uscc)
                .add("contactName", "联系人").add("contactPhone", "0574-12345678")
                .add("username", username).add("password", password);
    }

    private static String registration(String username, String uscc, String password) {
        return registrationBuilder(username, uscc, password).build().toString();
    }

    private long preApprovedCall() {
        JsonArray calls = (JsonArray) Http.jsonOf(http.get("api/v1/calls"));
        return calls.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("subsidyKind").equals("PRE_APPROVED"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private JsonObject startDeclaration(String token) {
        HttpResponse<String> r = http.postJson("api/v1/declarations", "{\"callId\":" + preApprovedCall() + "}", Http.bearer(token));
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r);
    }



    private JsonObject declaration(String token, long id) {
        return Http.json(http.get("api/v1/declarations/" + id, Http.bearer(token)));
    }

    /** Content that a PRE_APPROVED draft can hold, with one row in every list. */
    private static JsonObject content() {
        return Json.createObjectBuilder()
                .add("projectName", "高效变频压缩机研发").add("field", "SMART_APPLIANCES")
                .add("periodStart", "2027-01-01").add("periodEnd", "2028-12-31")
                .add("summary", "研制新一代高效变频压缩机。").add("keyIndicators", "能效提升 15%。")
                .add("totalBudget", new BigDecimal("3000000.00"))
                .add("budgetLines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("category", "EQUIPMENT").add("source", "SUBSIDY")
                                .add("amount", new BigDecimal("1500000.00")))
                        .add(Json.createObjectBuilder().add("category", "MATERIALS").add("source", "SELF_FUNDED")
                                .add("amount", new BigDecimal("1500000.00"))))
                .add("rdFigures", Json.createObjectBuilder().add("expenseTax", 100).add("expenseStat", 100)
                        .add("expensePrior", 90).add("revenue", 1000).add("validInventionPatents", 1)
                        .add("inventionApplications", 1).add("rdStaff", 5).add("totalStaff", 50))
                .add("achievements", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("achievement", "TECH_SME").add("certificateNo", "KJ-2026-001").add("recognisedOn", "2026-03-01")))
                .add("serviceRecords", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("providerName", "宁波检测服务有限公司").add("providerUscc", "91330200MA2AAAAA0X")
                        .add("invoiceNo", "INV-001").add("invoiceDate", "2026-05-01").add("amount", new BigDecimal("1000.00"))))
                .build();
    }

    private JsonObject submitted(String token) {
        JsonObject d = startDeclaration(token);
        long id = Http.declarationId(d);
        HttpResponse<String> saved = http.putJson("api/v1/declarations/" + id, Json.createObjectBuilder()
                .add("version", Http.declarationVersion(d)).add("content", Json.createObjectBuilder(content())
                        .add("achievements", JsonValue.EMPTY_JSON_ARRAY).add("serviceRecords", JsonValue.EMPTY_JSON_ARRAY)
                        .remove("rdFigures")).build().toString(), Http.bearer(token));
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(201, http.upload("api/v1/declarations/" + id + "/attachments", Map.of("requirement", "营业执照"),
                "营业执照.pdf", "application/pdf", TestFiles.pdf(1000), Http.bearer(token)).statusCode());
        assertEquals(201, http.upload("api/v1/declarations/" + id + "/attachments", Map.of("requirement", "项目可行性研究报告"),
                "可研报告.pdf", "application/pdf", TestFiles.pdf(2000), Http.bearer(token)).statusCode());
        HttpResponse<String> r = http.postJson("api/v1/declarations/" + id + "/submission",
                "{\"version\":" + Http.declarationVersion(declaration(token, id)) + "}", Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private JsonObject draftCall(String reviewer) {
        HttpResponse<String> program = http.postJson("api/v1/bureau/programs", Json.createObjectBuilder()
                .add("name", "限值测试专项").add("subsidyKind", "PRE_APPROVED").add("department", "高新技术科")
                .build().toString(), Http.bearer(reviewer));
        assertEquals(201, program.statusCode(), program.body());
        HttpResponse<String> created = http.postJson("api/v1/bureau/calls",
                callData(Http.json(program).getJsonNumber("id").longValue()).build().toString(), Http.bearer(reviewer));
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created);
    }

    private static JsonObjectBuilder callData(long programId) {
        Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Json.createObjectBuilder().add("programId", programId).add("title", "限值测试通知").add("year", 2026)
                .add("opensAt", opens.toString()).add("closesAt", opens.plus(30, ChronoUnit.DAYS).toString())
                .add("budget", new BigDecimal("1000000.00")).add("maxRequest", new BigDecimal("500000.00")).add("guide", "指南");
    }

    private JsonObject bureauCall(String token, long id) {
        return Http.json(http.get("api/v1/bureau/calls/" + id, Http.bearer(token)));
    }

    // ------------------------------------------------------------------------------------------------------------
    // item 8: every error is JSON

    @Test
    void registrationErrorsAreJsonNamingTheField() {
        String u = TestData.newUsername("reg");
        JsonObject emptyUscc = assertError(http.postJson("api/v1/registrations", registration(u, "", PASSWORD)), 422,
                "validation.NotBlank");
        assertEquals(Map.of("uscc", "validation.NotBlank"), fieldCodes(emptyUscc));
        JsonObject blank = assertError(http.postJson("api/v1/registrations", registration(u, TestData.newUscc(), "   ")), 422,
                "validation.NotBlank");
        assertEquals(Map.of("password", "validation.NotBlank"), fieldCodes(blank));
        JsonObject spaces = assertError(http.postJson("api/v1/registrations", registration("has spaces " + u, TestData.newUscc(),
                PASSWORD)), 422, "username.format");
        assertEquals(Map.of("username", "username.format"), fieldCodes(spaces));
    }

    /** Issue 9, item 1: one submit reports every field's problem, each a sentence, none a technical path. */
    @Test
    void aRegistrationWithSeveralMistakesIsRefusedWithAllOfThemAtOnce() {
        String u = TestData.newUsername("reg");
        JsonObject r = assertError(http.postJson("api/v1/registrations", Json.createObjectBuilder()
                .add("companyName", "多处错误科技有限公司").add("uscc", TestData.withWrongCheck(TestData.newUscc()))
                .add("contactName", "测试员").add("contactPhone", "abc").add("username", u).add("password", "password12")
                .build().toString(), "Accept-Language", "zh-CN"), 422, "form.invalid");
        assertEquals(Map.of("uscc", "uscc.checkCharacter", "contactPhone", "phone.format", "password", "password.common"),
                fieldCodes(r));
        for (JsonValue f : r.getJsonArray("fields")) {
            String message = f.asJsonObject().getString("message");
            assertTrue(message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    && !message.contains("must match") && !message.contains("registerEnterprise"), message);
        }
        assertEquals(201, http.postJson("api/v1/registrations", registration(u, TestData.newUscc(), PASSWORD)).statusCode(),
                "the refused form registered nothing: its user name is still free");
    }

    private static Map<String, String> fieldCodes(JsonObject error) {
        Map<String, String> codes = new java.util.TreeMap<>();
        for (JsonValue f : error.getJsonArray("fields")) {
            codes.put(f.asJsonObject().getString("field"), f.asJsonObject().getString("code"));
        }
        return codes;
    }

    @Test
    void whatTheContainerRefusesIsJsonToo() {
        assertError(http.postJson("api/v1/tokens", "{\"username\":"), 400, "request.malformed");
        assertError(http.postJson("api/v1/tokens", "[1,2]"), 400, "request.malformed");
        assertError(http.send(HttpRequest.newBuilder(Http.uri("api/v1/tokens")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("username=x"))), 415, "request.unsupportedMediaType");
        assertError(http.send(HttpRequest.newBuilder(Http.uri("api/v1/tokens")).DELETE()), 405, "request.methodNotAllowed");
        assertError(http.get("api/v1/no/such/thing"), 404, "request.notFound");
        assertError(http.get("api/no-such-version/calls"), 404, "request.notFound");
        assertError(http.get("api/"), 404, "request.notFound");
    }

    // ------------------------------------------------------------------------------------------------------------
    // item 14: malformed path and query values are 400

    @Test
    void aMalformedPathOrQueryValueIsABadRequest() {
        String enterprise = newEnterprise();
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        assertError(http.get("api/v1/declarations/abc", Http.bearer(enterprise)), 400, "request.badParameter");
        assertError(http.get("api/v1/calls/12x"), 400, "request.badParameter");
        assertError(http.get("api/v1/review/declarations?state=x", Http.bearer(reviewer)), 400, "request.badParameter");
        JsonObject call = assertError(http.get("api/v1/review/declarations?callId=x", Http.bearer(reviewer)), 400,
                "request.badParameter");
        assertTrue(call.getString("message").contains("callId"), call.getString("message"));
        assertError(http.get("api/v1/admin/audit?max=many", Http.bearer(admin)), 400, "request.badParameter");
        assertError(http.get("api/v1/admin/organisations?role=KING", Http.bearer(admin)), 400, "request.badParameter");
        // a well-formed id of nothing is still 404
        assertError(http.get("api/v1/declarations/999999999", Http.bearer(enterprise)), 404, "declaration.notFound");
    }

    // ------------------------------------------------------------------------------------------------------------
    // item 14: % and _ match themselves; the audit page is capped

    @Test
    void wildcardsInFiltersMatchThemselves() {
        submitted(newEnterprise());
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        JsonArray all = (JsonArray) Http.jsonOf(http.get("api/v1/review/declarations", Http.bearer(reviewer)));
        assertFalse(all.isEmpty());
        for (String wildcard : List.of("%", "_", "%%", "\\", "%_")) {
            HttpResponse<String> r = http.get("api/v1/review/declarations?enterprise="
                    + java.net.URLEncoder.encode(wildcard, StandardCharsets.UTF_8), Http.bearer(reviewer));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(0, ((JsonArray) Http.jsonOf(r)).size(), "no enterprise name holds " + wildcard);
        }
        HttpResponse<String> partOfAName = http.get("api/v1/review/declarations?enterprise=" + java.net.URLEncoder.encode("限值测试",
                StandardCharsets.UTF_8), Http.bearer(reviewer));
        assertFalse(((JsonArray) Http.jsonOf(partOfAName)).isEmpty(), "plain text still matches as part of a name");

        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonArray underscore = (JsonArray) Http.jsonOf(http.get("api/v1/admin/audit?username=_&max=500", Http.bearer(admin)));
        assertTrue(underscore.getValuesAs(JsonObject.class).stream().allMatch(e -> e.getString("username", "").contains("_")),
                "only user names that hold an underscore: " + abbreviate(underscore.toString()));
        JsonArray percent = (JsonArray) Http.jsonOf(http.get("api/v1/admin/audit?username=%25", Http.bearer(admin)));
        assertEquals(0, percent.size());
        JsonArray reviewerEntries = (JsonArray) Http.jsonOf(http.get("api/v1/admin/audit?username=review", Http.bearer(admin)));
        assertFalse(reviewerEntries.isEmpty());
    }

    @Test
    void theAuditPageSizeIsCapped() {
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        assertEquals(200, http.get("api/v1/admin/audit?max=500", Http.bearer(admin)).statusCode());
        JsonObject tooMany = assertError(http.get("api/v1/admin/audit?max=501", Http.bearer(admin)), 422, "audit.pageSize");
        assertTrue(tooMany.getString("message").contains("500"), tooMany.getString("message"));
        assertError(http.get("api/v1/admin/audit?max=2147483647", Http.bearer(admin)), 422, "audit.pageSize");
        assertError(http.get("api/v1/admin/audit?max=0", Http.bearer(admin)), 422, "audit.pageSize");
        assertError(http.get("api/v1/admin/audit?first=-1", Http.bearer(admin)), 422, "audit.pageSize");
    }

    // ------------------------------------------------------------------------------------------------------------
    // item 12: the public sees the department, never a staff user name

    @Test
    void aPublicCallNamesTheDepartmentAndNoStaff() {
        HttpResponse<String> list = http.get("api/v1/calls");
        assertFalse(list.body().contains("createdBy") || list.body().contains("publishedBy"), list.body());
        for (JsonObject summary : ((JsonArray) Http.jsonOf(list)).getValuesAs(JsonObject.class)) {
            HttpResponse<String> r = http.get("api/v1/calls/" + summary.getJsonNumber("id").longValue());
            JsonObject call = Http.json(r);
            assertFalse(call.getString("department", "").isBlank(), r.body());
            assertFalse(call.containsKey("createdBy") || call.containsKey("publishedBy"), r.body());
            for (String staff : List.of("\"reviewer\"", "\"approver\"", "\"admin\"")) {
                assertFalse(r.body().contains(staff), staff + " in " + r.body());
            }
        }
        // the bureau itself still sees who prepared a call
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        long id = draftCall(reviewer).getJsonNumber("id").longValue();
        assertEquals("reviewer", bureauCall(reviewer, id).getString("createdBy"));
    }

    // ------------------------------------------------------------------------------------------------------------
    // item 7: weak passwords over the API

    @Test
    void weakPasswordsAreRefusedSayingWhy() {
        for (String weak : List.of("1234567890", "aaaaaaaaaa", "password12")) {
            JsonObject e = assertError(http.postJson("api/v1/registrations", registration(TestData.newUsername("weak"),
                    TestData.newUscc(), weak), "Accept-Language", "en"), 422, "password.common");
            assertTrue(e.getString("message").contains("common"), e.getString("message"));
        }
        assertError(http.postJson("api/v1/registrations", registration(TestData.newUsername("weak"), TestData.newUscc(),
                "abcdefghijklm")), 422, "password.weak.sequence");
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonArray users = (JsonArray) Http.jsonOf(http.get("api/v1/admin/users", Http.bearer(admin)));
        long enterprise2 = users.getValuesAs(JsonObject.class).stream().filter(u -> u.getString("username").equals("enterprise2"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertError(http.postJson("api/v1/admin/users/" + enterprise2 + "/password", "{\"password\":\"qwertyuiop\"}",
                Http.bearer(admin)), 422, "password.common");
        assertEquals(201, http.postJson("api/v1/tokens", Http.tokenRequest("enterprise2", TestData.DEMO_PASSWORD)).statusCode(),
                "the refused reset changed nothing");
    }

    // ------------------------------------------------------------------------------------------------------------
    // item 3: every change names the version it read

    /** A change endpoint, with its body built around a version (absent, null or a number) and a way to read its state. */
    private record Change(String name, Function<JsonValue, HttpResponse<String>> send, Supplier<String> state) {
    }

    private static JsonObjectBuilder withVersion(JsonObjectBuilder body, JsonValue version) {
        return version == null ? body : body.add("version", version);
    }

    @Test
    void aChangeWithoutItsVersionIsRefusedAndAStaleOneIsAConflict() {
        String enterprise = newEnterprise();
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String approver = http.token("approver", TestData.DEMO_PASSWORD);
        long draft = Http.declarationId(startDeclaration(enterprise));
        long callId = draftCall(reviewer).getJsonNumber("id").longValue();
        long programId = bureauCall(reviewer, callId).getJsonNumber("programId").longValue();
        String other = newEnterprise(); // one declaration per enterprise and call
        long toReview = Http.declarationId(submitted(other));

        Supplier<String> draftState = () -> declaration(enterprise, draft).toString();
        Supplier<String> callState = () -> bureauCall(reviewer, callId).toString();
        Supplier<String> reviewState = () -> declaration(other, toReview).getJsonObject("summary").toString();
        List<Change> changes = List.of(
                new Change("declaration save", v -> http.putJson("api/v1/declarations/" + draft,
                        withVersion(Json.createObjectBuilder().add("content", content()), v).build().toString(), Http.bearer(enterprise)),
                        draftState),
                new Change("declaration submit", v -> http.postJson("api/v1/declarations/" + draft + "/submission",
                        withVersion(Json.createObjectBuilder(), v).build().toString(), Http.bearer(enterprise)), draftState),
                new Change("call revise", v -> http.putJson("api/v1/bureau/calls/" + callId,
                        withVersion(callData(programId).add("title", "改过的标题"), v).build().toString(), Http.bearer(reviewer)),
                        callState),
                new Change("call parameter", v -> http.putJson("api/v1/bureau/calls/" + callId + "/parameters/enterpriseYearCap",
                        withVersion(Json.createObjectBuilder().add("value", 1234), v).build().toString(), Http.bearer(reviewer)),
                        callState),
                new Change("call attachments", v -> http.putJson("api/v1/bureau/calls/" + callId + "/attachments",
                        withVersion(Json.createObjectBuilder().add("requirements", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("name", "营业执照").add("required", true).add("allowedTypes", "PDF"))), v).build().toString(),
                        Http.bearer(reviewer)), callState),
                new Change("call template", v -> http.putJson("api/v1/bureau/calls/" + callId + "/template",
                        withVersion(Json.createObjectBuilder().add("indicators", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("name", "唯一指标").add("weight", 100))), v).build().toString(),
                        Http.bearer(reviewer)), callState),
                new Change("call publication", v -> http.postJson("api/v1/bureau/calls/" + callId + "/publication",
                        withVersion(Json.createObjectBuilder(), v).build().toString(), Http.bearer(approver)), callState),
                new Change("review acceptance", v -> http.postJson("api/v1/review/declarations/" + toReview + "/acceptance",
                        withVersion(Json.createObjectBuilder(), v).build().toString(), Http.bearer(reviewer)), reviewState),
                new Change("review return", v -> http.postJson("api/v1/review/declarations/" + toReview + "/return",
                        withVersion(Json.createObjectBuilder().add("reason", "请补充"), v).build().toString(), Http.bearer(reviewer)),
                        reviewState),
                new Change("review rejection", v -> http.postJson("api/v1/review/declarations/" + toReview + "/rejection",
                        withVersion(Json.createObjectBuilder().add("reason", "不符合"), v).build().toString(), Http.bearer(reviewer)),
                        reviewState));

        for (Change change : changes) {
            String before = change.state().get();
            JsonObject read = Json.createReader(new java.io.StringReader(before)).readObject();
            long current = (read.containsKey("summary") ? read.getJsonObject("summary") : read).getJsonNumber("version").longValue();
            for (JsonValue missing : new JsonValue[] {null, JsonValue.NULL}) {
                JsonObject e = assertError(change.send().apply(missing), 422, "request.versionRequired");
                assertTrue(e.getString("message").contains("version"), change.name() + ": " + e);
                assertEquals(before, change.state().get(), change.name() + " changed without a version");
            }
            for (long stale : new long[] {current - 1, current + 1}) {
                assertError(change.send().apply(Json.createValue(stale)), 409, "request.conflict");
                assertEquals(before, change.state().get(), change.name() + " changed with a stale version");
            }
        }
        // and with the version read, a change goes through
        assertEquals(200, changes.get(0).send().apply(Json.createValue(Http.declarationVersion(declaration(enterprise, draft)))).statusCode());
    }

    // ------------------------------------------------------------------------------------------------------------
    // item 5: limits on every field, and no input of any shape gives a 500

    /** An endpoint with a body that it accepts, and what it looks like from outside (to see that nothing changed). */
    private record Endpoint(String name, String method, String path, String token, JsonObject body, Supplier<String> state) {
    }

    /** Every leaf of the body (and every list), by its JSON pointer. */
    private static void paths(JsonValue value, String pointer, List<String> out) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().forEach((k, v) -> paths(v, pointer + "/" + k, out));
            case ARRAY -> {
                out.add(pointer);
                if (!value.asJsonArray().isEmpty()) {
                    paths(value.asJsonArray().get(0), pointer + "/0", out);
                }
            }
            default -> out.add(pointer);
        }
    }

    /** Values that must be refused: too long, too big, too many, of the wrong type. */
    private static List<JsonValue> hostile(JsonValue original) {
        List<JsonValue> values = new ArrayList<>();
        switch (original.getValueType()) {
            case STRING -> {
                values.add(Json.createValue("长".repeat(20_001)));
                values.add(Json.createObjectBuilder().add("nested", 1).build());
            }
            case NUMBER -> {
                values.add(Json.createValue(new BigDecimal("1e300")));
                values.add(Json.createValue(new BigDecimal("-1e300")));
                values.add(Json.createValue("not a number"));
                values.add(Json.createArrayBuilder().add(1).build());
            }
            case TRUE, FALSE -> values.add(Json.createValue("perhaps"));
            case ARRAY -> {
                JsonArrayBuilder many = Json.createArrayBuilder();
                for (int i = 0; i < 501; i++) {
                    many.add(original.asJsonArray().isEmpty() ? JsonValue.NULL : original.asJsonArray().get(0));
                }
                values.add(many.build());
                values.add(Json.createValue("not a list"));
            }
            case OBJECT -> values.add(Json.createValue(12));
            default -> {
            }
        }
        return values;
    }

    private HttpResponse<String> send(Endpoint e, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.uri(e.path())).header("Content-Type", "application/json")
                .method(e.method(), HttpRequest.BodyPublishers.ofString(body));
        return e.token() == null ? http.send(request) : http.send(request, Http.bearer(e.token()));
    }

    @Test
    void everyFieldOfEveryRequestTooLongTooBigMistypedOrNullIsRefusedWithoutAServerError() {
        String enterprise = newEnterprise();
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String approver = http.token("approver", TestData.DEMO_PASSWORD);
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonObject draft = startDeclaration(enterprise);
        long draftId = Http.declarationId(draft);
        JsonObject call = draftCall(reviewer);
        long callId = call.getJsonNumber("id").longValue();
        String other = newEnterprise(); // one declaration per enterprise and call
        JsonObject submitted = submitted(other);
        long submittedId = Http.declarationId(submitted);
        JsonArray users = (JsonArray) Http.jsonOf(http.get("api/v1/admin/users", Http.bearer(admin)));
        long bureauOrg = Http.json(http.get("api/v1/me", Http.bearer(reviewer))).getJsonObject("organisation").getJsonNumber("id").longValue();
        long someUser = users.getValuesAs(JsonObject.class).stream().filter(u -> u.getString("username").equals("enterprise2"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();

        Supplier<String> draftState = () -> declaration(enterprise, draftId).toString();
        Supplier<String> callState = () -> bureauCall(reviewer, callId).toString();
        Supplier<String> calls = () -> String.valueOf(((JsonArray) Http.jsonOf(http.get("api/v1/bureau/calls", Http.bearer(reviewer)))).size());
        Supplier<String> userCount = () -> String.valueOf(((JsonArray) Http.jsonOf(http.get("api/v1/admin/users", Http.bearer(admin)))).size());
        Supplier<String> blacklist = () -> Http.jsonOf(http.get("api/v1/admin/integrity", Http.bearer(admin))).toString();
        Supplier<String> reviewState = () -> declaration(other, submittedId).getJsonObject("summary").toString();
        Supplier<String> mine = () -> Http.jsonOf(http.get("api/v1/declarations", Http.bearer(enterprise))).toString();
        Supplier<String> nothing = () -> "";

        List<Endpoint> endpoints = List.of(
                new Endpoint("save", "PUT", "api/v1/declarations/" + draftId, enterprise,
                        Json.createObjectBuilder().add("version", Http.declarationVersion(draft)).add("content", content()).build(), draftState),
                new Endpoint("start", "POST", "api/v1/declarations", enterprise,
                        Json.createObjectBuilder().add("callId", preApprovedCall()).build(), mine),
                new Endpoint("submit", "POST", "api/v1/declarations/" + draftId + "/submission", enterprise,
                        Json.createObjectBuilder().add("version", Http.declarationVersion(draft)).build(), draftState),
                new Endpoint("program", "POST", "api/v1/bureau/programs", reviewer, Json.createObjectBuilder()
                        .add("name", "专项").add("subsidyKind", "REWARD").add("department", "科室").build(), nothing),
                new Endpoint("call create", "POST", "api/v1/bureau/calls", reviewer,
                        callData(call.getJsonNumber("programId").longValue()).build(), calls),
                new Endpoint("call revise", "PUT", "api/v1/bureau/calls/" + callId, reviewer,
                        callData(call.getJsonNumber("programId").longValue()).add("version", call.getJsonNumber("version")).build(),
                        callState),
                new Endpoint("parameter", "PUT", "api/v1/bureau/calls/" + callId + "/parameters/enterpriseYearCap", reviewer,
                        Json.createObjectBuilder().add("version", call.getJsonNumber("version")).add("value", 100).build(), callState),
                new Endpoint("requirements", "PUT", "api/v1/bureau/calls/" + callId + "/attachments", reviewer,
                        Json.createObjectBuilder().add("version", call.getJsonNumber("version")).add("requirements",
                                Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "营业执照").add("required", true)
                                        .add("allowedTypes", "PDF"))).build(), callState),
                new Endpoint("template", "PUT", "api/v1/bureau/calls/" + callId + "/template", reviewer,
                        Json.createObjectBuilder().add("version", call.getJsonNumber("version")).add("indicators",
                                Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "指标").add("weight", 100))).build(),
                        callState),
                new Endpoint("publication", "POST", "api/v1/bureau/calls/" + callId + "/publication", approver,
                        Json.createObjectBuilder().add("version", call.getJsonNumber("version")).build(), callState),
                new Endpoint("return", "POST", "api/v1/review/declarations/" + submittedId + "/return", reviewer,
                        Json.createObjectBuilder().add("version", Http.declarationVersion(submitted)).add("reason", "请补充").build(), reviewState),
                new Endpoint("rejection", "POST", "api/v1/review/declarations/" + submittedId + "/rejection", reviewer,
                        Json.createObjectBuilder().add("version", Http.declarationVersion(submitted)).add("reason", "不符合").build(), reviewState),
                new Endpoint("registration", "POST", "api/v1/registrations", null,
                        registrationBuilder(TestData.newUsername("fz"), TestData.newUscc(), PASSWORD).build(), userCount),
                new Endpoint("token", "POST", "api/v1/tokens", null,
                        Json.createObjectBuilder().add("username", "nobody-here").add("password", "not-the-password").build(), nothing),
                new Endpoint("new user", "POST", "api/v1/admin/users", admin, Json.createObjectBuilder()
                        .add("username", TestData.newUsername("fz")).add("displayName", "某人").add("role", "REVIEWER")
                        .add("organisationId", bureauOrg).add("password", "initial-password-1").build(), userCount),
                new Endpoint("password reset", "POST", "api/v1/admin/users/" + someUser + "/password", admin,
                        Json.createObjectBuilder().add("password", TestData.DEMO_PASSWORD).build(), nothing),
                new Endpoint("blacklist", "POST", "api/v1/admin/integrity", admin, Json.createObjectBuilder()
                        .add("subjectKind", "ENTERPRISE").add("uscc", TestData.newUscc()).add("subjectName", "某企业")
                        .add("reason", "测试").add("validFrom", "2026-01-01").add("validUntil", "2026-01-02").build(), blacklist));

        int sent = 0;
        for (Endpoint e : endpoints) {
            String before = e.state().get();
            List<String> pointers = new ArrayList<>();
            paths(e.body(), "", pointers);
            for (String pointer : pointers) {
                JsonValue original = Json.createPointer(pointer).getValue(e.body());
                for (JsonValue bad : hostile(original)) {
                    JsonObject body = Json.createPointer(pointer).replace(e.body(), bad);
                    assertRefused(send(e, body.toString()), e.name() + " " + pointer + " = " + abbreviate(bad.toString()));
                    sent++;
                }
            }
            assertEquals(before, e.state().get(), e.name() + ": a refused request changed something");
        }
        // null (and a value left out) may be fine in a draft; it must never be a server error
        for (Endpoint e : endpoints) {
            List<String> pointers = new ArrayList<>();
            paths(e.body(), "", pointers);
            for (String pointer : pointers) {
                if (pointer.matches(".*/\\d+$")) {
                    continue;
                }
                for (JsonObject body : List.of(Json.createPointer(pointer).replace(e.body(), JsonValue.NULL),
                        Json.createPointer(pointer).remove(e.body()))) {
                    HttpResponse<String> r = send(e, body.toString());
                    String context = e.name() + " " + pointer + " null/missing → " + r.statusCode() + " " + abbreviate(r.body());
                    assertTrue(r.statusCode() < 500, context);
                    if (r.statusCode() >= 400) {
                        assertRefused(r, context);
                    }
                    sent++;
                }
            }
            assertRefused(send(e, "null"), e.name() + " null body");
            assertRefused(send(e, "\"text\""), e.name() + " string body");
            assertRefused(send(e, "{\"content\":{\"summary\":\"x\"}"), e.name() + " cut-off body");
        }
        assertTrue(sent > 300, "a real sweep: " + sent + " requests");
    }

    @Test
    void theLimitsAreTheColumnsAndTheListsAndMoneyFitsNumber16Comma2() {
        String enterprise = newEnterprise();
        JsonObject d = startDeclaration(enterprise);
        long id = Http.declarationId(d);
        String before = declaration(enterprise, id).toString();
        record Case(String pointer, JsonValue value, String field, String limit) {
        }
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (int i = 0; i < 51; i++) {
            lines.add(Json.createObjectBuilder().add("category", "EQUIPMENT").add("source", "SUBSIDY").add("amount", 1));
        }
        JsonArrayBuilder achievements = Json.createArrayBuilder();
        for (int i = 0; i < 51; i++) {
            achievements.add(Json.createObjectBuilder().add("achievement", "TECH_SME").add("certificateNo", "C" + i)
                    .add("recognisedOn", "2026-01-01"));
        }
        JsonArrayBuilder services = Json.createArrayBuilder();
        for (int i = 0; i < 501; i++) {
            services.add(Json.createObjectBuilder().add("providerName", "P").add("providerUscc", "91330200MA2AAAAA0X")
                    .add("invoiceNo", "I" + i).add("invoiceDate", "2026-01-01").add("amount", 1));
        }
        for (Case c : List.of(
                new Case("/content/summary", Json.createValue("长".repeat(20_001)), "summary", "20000"),
                new Case("/content/keyIndicators", Json.createValue("x".repeat(20_001)), "keyIndicators", "20000"),
                new Case("/content/projectName", Json.createValue("x".repeat(201)), "projectName", "200"),
                new Case("/content/budgetLines", lines.build(), "budgetLines", "50"),
                new Case("/content/achievements", achievements.build(), "achievements", "50"),
                new Case("/content/serviceRecords", services.build(), "serviceRecords", "500"),
                new Case("/content/totalBudget", Json.createValue(new BigDecimal("1e300")), "totalBudget", "99999999999999.99"),
                new Case("/content/totalBudget", Json.createValue(new BigDecimal("100000000000000.00")), "totalBudget", "99999999999999.99"),
                new Case("/content/totalBudget", Json.createValue(new BigDecimal("1.001")), "totalBudget", "2 decimals"),
                new Case("/content/totalBudget", Json.createValue(new BigDecimal("-0.01")), "totalBudget", "from 0"),
                new Case("/content/budgetLines/0/amount", Json.createValue(new BigDecimal("1e15")), "amount", "99999999999999.99"),
                new Case("/content/rdFigures/rdStaff", Json.createValue(10_000_000), "rdStaff", "9999999"))) {
            JsonObject body = Json.createPointer(c.pointer()).replace(Json.createObjectBuilder().add("version", Http.declarationVersion(d))
                    .add("content", content()).build(), c.value());
            HttpResponse<String> r = http.putJson("api/v1/declarations/" + id, body.toString(), Http.bearer(enterprise));
            JsonObject e = assertError(r, 422, "validation.failed");
            assertTrue(e.getString("message").contains(c.field()) && e.getString("message").contains(c.limit()),
                    c.pointer() + ": " + e.getString("message"));
        }
        assertEquals(before, declaration(enterprise, id).toString(), "nothing was stored");
        // exactly at the limits is fine
        JsonObject atLimits = Json.createObjectBuilder(content()).add("summary", "长".repeat(20_000))
                .add("totalBudget", new BigDecimal("99999999999999.99")).build();
        HttpResponse<String> saved = http.putJson("api/v1/declarations/" + id, Json.createObjectBuilder().add("version", Http.declarationVersion(d))
                .add("content", atLimits).build().toString(), Http.bearer(enterprise));
        assertEquals(200, saved.statusCode(), abbreviate(saved.body()));
    }

    // ------------------------------------------------------------------------------------------------------------
    // item 5 and 14: body sizes

    @Test
    void aJsonBodyAboveOneMegabyteIs413WhetherDeclaredOrChunked() {
        String enterprise = newEnterprise();
        JsonObject d = startDeclaration(enterprise);
        long id = Http.declarationId(d);
        String before = declaration(enterprise, id).toString();
        byte[] big = Json.createObjectBuilder().add("version", Http.declarationVersion(d)).add("content", Json.createObjectBuilder(content())
                .add("summary", "x".repeat(1024 * 1024 + 10))).build().toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(Http.uri("api/v1/declarations/" + id))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(big)), Http.bearer(enterprise));
        assertError(declared, 413, "request.tooLarge");
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(Http.uri("api/v1/declarations/" + id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))), Http.bearer(enterprise));
        assertError(chunked, 413, "request.tooLarge");
        assertEquals(before, declaration(enterprise, id).toString());
        // just under the limit is read (and then judged by the field limits)
        byte[] under = Json.createObjectBuilder().add("version", Http.declarationVersion(d)).add("content", Json.createObjectBuilder(content())
                .add("summary", "x".repeat(1000 * 1000))).build().toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> judged = http.send(HttpRequest.newBuilder(Http.uri("api/v1/declarations/" + id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(under))), Http.bearer(enterprise));
        assertError(judged, 422, "validation.failed");
    }

    // ------------------------------------------------------------------------------------------------------------
    // item 9: a zip bomb over the upload API

    @Test
    void aZipBombIsRefusedAndNotStored() throws IOException {
        String enterprise = newEnterprise();
        long id = Http.declarationId(startDeclaration(enterprise));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (String part : List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml")) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bomb = bytes.toByteArray();
        assertTrue(bomb.length < 2 * 1024 * 1024, "about 1 MB that expands to 1 GiB: " + bomb.length);
        HttpResponse<String> r = http.upload("api/v1/declarations/" + id + "/attachments", Map.of("requirement", "预算明细表"),
                "预算.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bomb, Http.bearer(enterprise));
        assertError(r, 422, "attachment.zipBomb");
        assertTrue(declaration(enterprise, id).getJsonArray("attachments").isEmpty(), "nothing was stored");
    }
}
