package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Declarations through the API: ownership, submission rules, attachments by content, concurrent review. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeclarationIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private final Http http = new Http();


    /** A fresh enterprise, so that tests never share declarations; returns its token. */
    private String newEnterprise() {
        return newEnterprise(TestData.newUscc());
    }

    private String lastUsername;

    private String newEnterprise(String uscc) {
        String username = TestData.newUsername("decl");
        lastUsername = username;
        String body = Json.createObjectBuilder().add("companyName", "申报测试企业" + username).add("uscc", uscc)
                .add("contactName", "联系人").add("contactPhone", "0574-12345678")
                .add("username", username).add("password", "declare-password-1").build().toString();
        assertEquals(201, http.postJson("api/v1/registrations", body).statusCode());
        return http.token(username, "declare-password-1");
    }

    private JsonObject start(String token, long callId) {
        HttpResponse<String> r = http.postJson("api/v1/declarations", "{\"callId\":" + callId + "}", Http.bearer(token));
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r);
    }



    static String completeProject(long version) {
        return project(version, "3000000.00", "1500000.00", "1500000.00", "能效提升 15%，申请发明专利 2 项。");
    }

    private static String project(long version, String total, String subsidy, String selfFunded, String indicators) {
        JsonObjectBuilder content = Json.createObjectBuilder()
                .add("projectName", "高效变频压缩机研发").add("field", "SMART_APPLIANCES")
                .add("periodStart", "2027-01-01").add("periodEnd", "2028-12-31")
                .add("summary", "研制新一代高效变频压缩机。").add("keyIndicators", indicators)
                .add("totalBudget", new java.math.BigDecimal(total))
                .add("budgetLines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("category", "EQUIPMENT").add("source", "SUBSIDY")
                                .add("amount", new java.math.BigDecimal(subsidy)))
                        .add(Json.createObjectBuilder().add("category", "MATERIALS").add("source", "SELF_FUNDED")
                                .add("amount", new java.math.BigDecimal(selfFunded))));
        return Json.createObjectBuilder().add("version", version).add("content", content).build().toString();
    }

    private JsonObject save(String token, long id, String body) {
        HttpResponse<String> r = http.putJson("api/v1/declarations/" + id, body, Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private HttpResponse<String> upload(String token, long id, String requirement, String name, String type, byte[] content) {
        return http.upload("api/v1/declarations/" + id + "/attachments", Map.of("requirement", requirement), name, type,
                content, Http.bearer(token));
    }

    /** Fills a PRE_APPROVED declaration completely, with both required attachments; returns it as saved. */
    private JsonObject completeDeclaration(String token) {
        JsonObject d = start(token, http.callOfKind("PRE_APPROVED"));
        long id = Http.declarationId(d);
        d = save(token, id, completeProject(Http.declarationVersion(d)));
        assertEquals(201, upload(token, id, "营业执照", "营业执照.pdf", "application/pdf", TestFiles.pdf(1000)).statusCode());
        assertEquals(201, upload(token, id, "项目可行性研究报告", "可研报告.pdf", "application/pdf", TestFiles.pdf(50_000)).statusCode());
        return Http.json(http.get("api/v1/declarations/" + id, Http.bearer(token)));
    }

    private JsonObject submit(String token, JsonObject d) {
        HttpResponse<String> r = http.postJson("api/v1/declarations/" + Http.declarationId(d) + "/submission",
                "{\"version\":" + Http.declarationVersion(d) + "}", Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    @Test
    void anotherEnterpriseCanNeitherSeeNorTouchADeclaration() {
        String owner = newEnterprise();
        String other = newEnterprise();
        String otherUsername = lastUsername;
        JsonObject d = completeDeclaration(owner);
        long id = Http.declarationId(d);
        long attachmentId = d.getJsonArray("attachments").getJsonObject(0).getJsonNumber("id").longValue();

        for (HttpResponse<String> r : List.of(
                http.get("api/v1/declarations/" + id, Http.bearer(other)),
                http.putJson("api/v1/declarations/" + id, completeProject(Http.declarationVersion(d)), Http.bearer(other)),
                http.postJson("api/v1/declarations/" + id + "/submission", "{\"version\":" + Http.declarationVersion(d) + "}", Http.bearer(other)),
                upload(other, id, "营业执照", "x.pdf", "application/pdf", TestFiles.pdf(1000)),
                http.get("api/v1/declarations/" + id + "/attachments/" + attachmentId, Http.bearer(other)))) {
            assertEquals(404, r.statusCode(), r.uri() + " " + r.body());
            assertEquals("declaration.notFound", Http.json(r).getString("code"));
        }
        // the pages ask the same services: the editor and the download link answer "not found" too
        Http browser = new Http();
        assertEquals(302, browser.formLogin(otherUsername, "declare-password-1").statusCode());
        assertEquals(404, browser.get("enterprise/declaration.xhtml?id=" + id).statusCode());
        assertEquals(404, browser.get("files/declarations/" + id + "/attachments/" + attachmentId).statusCode());

        JsonArray mine = (JsonArray) Http.jsonOf(http.get("api/v1/declarations", Http.bearer(other)));
        assertTrue(mine.isEmpty(), "the other enterprise lists none of it");

        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonArray denied = (JsonArray) Http.jsonOf(http.get("api/v1/admin/audit?action=DECLARATION_ACCESS&outcome=DENIED&max=20",
                Http.bearer(admin)));
        assertTrue(denied.getValuesAs(JsonObject.class).stream()
                        .filter(e -> e.getString("target").equals("declaration:" + id)).count() >= 7,
                "every refused access is audited");
        // the owner is untouched by all this
        assertEquals(Http.declarationVersion(d), Http.declarationVersion(Http.json(http.get("api/v1/declarations/" + id, Http.bearer(owner)))));
    }

    @Test
    void submissionListsEveryProblemAtOnceAndAFinishedDeclarationIsFrozen() {
        String token = newEnterprise();
        JsonObject d = start(token, http.callOfKind("PRE_APPROVED"));
        HttpResponse<String> refused = http.postJson("api/v1/declarations/" + Http.declarationId(d) + "/submission",
                "{\"version\":" + Http.declarationVersion(d) + "}", Http.bearer(token));
        assertEquals(422, refused.statusCode(), refused.body());
        JsonObject error = Http.json(refused);
        assertEquals("declaration.submissionRefused", error.getString("code"));
        assertTrue(error.getJsonArray("details").size() >= 8, "every missing part at once: " + error);

        // issue 9, item 7: a draft keeps a half-filled and an empty row with the name typed beside them; the problems
        // still open name each line, and submission refuses them
        HttpResponse<String> halfRow = http.putJson("api/v1/declarations/" + Http.declarationId(d), "{\"version\":" + Http.declarationVersion(d)
                + ",\"content\":{\"projectName\":\"半成品\",\"budgetLines\":[{\"category\":\"EQUIPMENT\",\"amount\":5},{}]}}",
                Http.bearer(token));
        assertEquals(200, halfRow.statusCode(), halfRow.body());
        d = Http.json(halfRow);
        assertEquals("半成品", d.getJsonObject("content").getString("projectName"));
        assertEquals(2, d.getJsonObject("content").getJsonArray("budgetLines").size(), d.toString());
        assertEquals(List.of("[1]", "[2]"), d.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("messageKey").equals("submit.budgetLineIncomplete"))
                .map(p -> p.getJsonArray("arguments").toString()).toList(), "each line named by its number");
        HttpResponse<String> incomplete = http.postJson("api/v1/declarations/" + Http.declarationId(d) + "/submission",
                "{\"version\":" + Http.declarationVersion(d) + "}", Http.bearer(token));
        assertEquals(422, incomplete.statusCode(), incomplete.body());
        assertTrue(incomplete.body().contains("预算第 1 行") && incomplete.body().contains("预算第 2 行"), incomplete.body());
        // a negative amount can never be stored: refused naming the field, nothing saved
        HttpResponse<String> negative = http.putJson("api/v1/declarations/" + Http.declarationId(d), "{\"version\":" + Http.declarationVersion(d)
                + ",\"content\":{\"projectName\":\"改名\",\"budgetLines\":[{\"amount\":-1}]}}", Http.bearer(token));
        assertEquals(422, negative.statusCode(), negative.body());
        assertTrue(Http.json(negative).getString("message").contains("amount"), negative.body());

        // the total differs from the lines, and the request is one fen over the call's limit (2,000,000.00)
        d = save(token, Http.declarationId(d), project(Http.declarationVersion(d), "3500000.00", "2000000.01", "1500000.00", "指标"));
        HttpResponse<String> again = http.postJson("api/v1/declarations/" + Http.declarationId(d) + "/submission",
                "{\"version\":" + Http.declarationVersion(d) + "}", Http.bearer(token));
        String details = Http.json(again).getJsonArray("details").toString();
        assertTrue(details.contains("2,000,000.01") && details.contains("2,000,000.00"), details);
        assertTrue(details.contains("3,500,000.00") && details.contains("3,500,000.01"), "total against the sum of lines: " + details);

        JsonObject complete = completeDeclaration(token);
        assertTrue(complete.getJsonArray("problems").isEmpty(), complete.getJsonArray("problems").toString());
        JsonObject submitted = submit(token, complete);
        assertEquals("SUBMITTED", submitted.getJsonObject("summary").getString("state"));
        assertEquals(1, submitted.getJsonObject("summary").getInt("revision"));

        HttpResponse<String> edit = http.putJson("api/v1/declarations/" + Http.declarationId(submitted), completeProject(Http.declarationVersion(submitted)),
                Http.bearer(token));
        assertEquals(409, edit.statusCode());
        assertEquals("declaration.notEditable", Http.json(edit).getString("code"));
        HttpResponse<String> stale = http.putJson("api/v1/declarations/" + Http.declarationId(d), completeProject(Http.declarationVersion(d) - 1), Http.bearer(token));
        assertEquals(409, stale.statusCode());
        assertEquals("request.conflict", Http.json(stale).getString("code"));
    }

    @Test
    void attachmentsAreJudgedByContentAndARefusedFileLeavesNothingBehind() throws Exception {
        String token = newEnterprise();
        long id = Http.declarationId(start(token, http.callOfKind("PRE_APPROVED")));

        HttpResponse<String> exe = upload(token, id, "营业执照", "营业执照.pdf", "application/pdf", TestFiles.exe());
        assertEquals(422, exe.statusCode(), exe.body());
        assertEquals("attachment.typeNotAllowed", Http.json(exe).getString("code"));

        HttpResponse<String> fake = upload(token, id, "营业执照", "scan.pdf", "application/pdf", TestFiles.fakePdf(10_000));
        assertEquals("attachment.pdfDamaged", Http.json(fake).getString("code"));

        // 25 MB sent without a declared length: read up to the 20 MB limit, then refused, 413 as if it had been declared
        HttpResponse<String> huge = http.upload("api/v1/declarations/" + id + "/attachments", Map.of("requirement", "项目可行性研究报告"),
                "big.pdf", "application/pdf", TestFiles.pdf(25 * 1024 * 1024), true, Http.bearer(token));
        assertEquals(413, huge.statusCode(), huge.body());
        assertEquals("attachment.tooLarge", Http.json(huge).getString("code"));
        // 25 MB announced: refused from its declared size before any of it is read
        String announced = Http.announceUpload("api/v1/declarations/" + id + "/attachments", 25L * 1024 * 1024, token);
        assertTrue(announced.startsWith("HTTP/1.1 413"), announced);

        // a 200 MB upload is answered from its declared size, before a byte of it is buffered
        String enormous = Http.announceUpload("api/v1/declarations/" + id + "/attachments", 200L * 1024 * 1024, token);
        assertTrue(enormous.startsWith("HTTP/1.1 413"), enormous);
        assertTrue(enormous.contains("\"attachment.tooLarge\""), enormous);

        HttpResponse<String> wrongType = upload(token, id, "项目可行性研究报告", "photo.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0});
        assertEquals("attachment.typeNotForRequirement", Http.json(wrongType).getString("code"));

        JsonObject d = Http.json(http.get("api/v1/declarations/" + id, Http.bearer(token)));
        assertTrue(d.getJsonArray("attachments").isEmpty(), "no refused file was stored: " + d.getJsonArray("attachments"));

        byte[] pdf = TestFiles.pdf(2 * 1024 * 1024);
        String name = "可行性 研究报告 (终稿).pdf";
        HttpResponse<String> ok = upload(token, id, "项目可行性研究报告", name, "application/octet-stream", pdf);
        assertEquals(201, ok.statusCode(), ok.body());
        JsonObject stored = Http.json(ok);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertEquals(sha, stored.getString("sha256"));
        assertEquals("PDF", stored.getString("type"));
        assertEquals(name, stored.getString("originalName"));

        HttpResponse<byte[]> download = http.getBytes("api/v1/declarations/" + id + "/attachments/"
                + stored.getJsonNumber("id").longValue(), Http.bearer(token));
        assertEquals(200, download.statusCode());
        assertArrayEquals(pdf, download.body());
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;") && disposition.contains("filename*=UTF-8''"), disposition);
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aBlacklistedEnterpriseCannotSubmitAndIsFlaggedToTheReviewer() {
        String uscc = TestData.newUscc();
        String token = newEnterprise(uscc);
        JsonObject first = submit(token, completeDeclaration(token));
        JsonObject second = completeDeclaration(token);

        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> listed = http.postJson("api/v1/admin/integrity", Json.createObjectBuilder()
                .add("subjectKind", "ENTERPRISE").add("uscc", uscc).add("subjectName", "申报测试企业")
                .add("reason", "虚报研发费用").add("validFrom", today.minusDays(1).toString())
                .add("validUntil", today.plusYears(3).toString()).build().toString(), Http.bearer(admin));
        assertEquals(201, listed.statusCode(), listed.body());
        long entry = Http.json(listed).getJsonNumber("id").longValue();

        HttpResponse<String> refused = http.postJson("api/v1/declarations/" + Http.declarationId(second) + "/submission",
                "{\"version\":" + Http.declarationVersion(second) + "}", Http.bearer(token));
        assertEquals(422, refused.statusCode(), refused.body());
        String details = Http.json(refused).getJsonArray("details").toString();
        assertTrue(details.contains("#" + entry) && details.contains("虚报研发费用"), "the message names the entry: " + details);

        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        JsonArray queue = (JsonArray) Http.jsonOf(http.get("api/v1/review/declarations?enterprise=" + uscc, Http.bearer(reviewer)));
        JsonObject row = queue.getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getJsonNumber("id").longValue() == Http.declarationId(first)).findFirst().orElseThrow();
        assertTrue(row.getBoolean("blacklisted"), row.toString());
        HttpResponse<String> forbidden = http.postJson("api/v1/admin/integrity", "{\"subjectKind\":\"ENTERPRISE\"}",
                Http.bearer(token));
        assertEquals(403, forbidden.statusCode());

        // ended early today: from today on it no longer blocks the submission
        HttpResponse<String> ended = http.postJson("api/v1/admin/integrity/" + entry + "/end", Json.createObjectBuilder()
                .add("version", Http.json(listed).getJsonNumber("version").longValue()).add("reason", "已整改，经复核撤销")
                .build().toString(), Http.bearer(admin));
        assertEquals(200, ended.statusCode(), ended.body());
        assertEquals("SUBMITTED", submit(token, second).getJsonObject("summary").getString("state"));
    }

    @Test
    void twoReviewersDecidingAtOnceNeverOverwriteEachOther() throws Exception {
        String token = newEnterprise();
        JsonObject submitted = submit(token, completeDeclaration(token));
        long id = Http.declarationId(submitted);
        long version = Http.declarationVersion(submitted);

        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonArray bureaus = (JsonArray) Http.jsonOf(http.get("api/v1/admin/organisations?role=REVIEWER", Http.bearer(admin)));
        String second = TestData.newUsername("rev2");
        assertEquals(201, http.postJson("api/v1/admin/users", Json.createObjectBuilder().add("username", second)
                .add("displayName", "第二审核员").add("role", "REVIEWER")
                .add("organisationId", bureaus.getJsonObject(0).getJsonNumber("id").longValue())
                .add("password", "second-reviewer-1").build().toString(), Http.bearer(admin)).statusCode());
        String first = http.token("reviewer", TestData.DEMO_PASSWORD);
        String other = http.token(second, "second-reviewer-1");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<HttpResponse<String>> accept = () -> new Http().postJson("api/v1/review/declarations/" + id + "/acceptance",
                    "{\"version\":" + version + "}", Http.bearer(first));
            Callable<HttpResponse<String>> giveBack = () -> new Http().postJson("api/v1/review/declarations/" + id + "/return",
                    "{\"version\":" + version + ",\"reason\":\"预算说明不完整\"}", Http.bearer(other));
            List<Future<HttpResponse<String>>> answers = pool.invokeAll(List.of(accept, giveBack));
            int ok = 0;
            int conflict = 0;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(409, r.statusCode(), r.body());
                    String code = Http.json(r).getString("code");
                    assertTrue(code.equals("request.conflict") || code.equals("declaration.notUnderReview"), code);
                    conflict++;
                }
            }
            assertEquals(1, ok, "exactly one decision wins");
            assertEquals(1, conflict);
        } finally {
            pool.shutdownNow();
        }
        JsonObject after = Http.json(http.get("api/v1/declarations/" + id, Http.bearer(first)));
        String state = after.getJsonObject("summary").getString("state");
        assertTrue(state.equals("ACCEPTED") || state.equals("RETURNED"), state);
        long decisions = after.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("from", "").equals("SUBMITTED")).count();
        assertEquals(1, decisions, "one decision in the history");
    }

    @Test
    void aReturnedDeclarationIsRevisedResubmittedAndAcceptedKeepingBothRevisions() {
        String token = newEnterprise();
        JsonObject submitted = submit(token, completeDeclaration(token));
        long id = Http.declarationId(submitted);
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);

        HttpResponse<String> noReason = http.postJson("api/v1/review/declarations/" + id + "/return",
                "{\"version\":" + Http.declarationVersion(submitted) + ",\"reason\":\"  \"}", Http.bearer(reviewer));
        assertEquals(422, noReason.statusCode());
        assertEquals("declaration.reasonRequired", Http.json(noReason).getString("code"));
        HttpResponse<String> enterpriseTries = http.postJson("api/v1/review/declarations/" + id + "/acceptance",
                "{\"version\":" + Http.declarationVersion(submitted) + "}", Http.bearer(token));
        assertEquals(403, enterpriseTries.statusCode());

        HttpResponse<String> returned = http.postJson("api/v1/review/declarations/" + id + "/return",
                "{\"version\":" + Http.declarationVersion(submitted) + ",\"reason\":\"请补充关键指标的测算依据\"}", Http.bearer(reviewer));
        assertEquals(200, returned.statusCode(), returned.body());

        JsonObject d = Http.json(http.get("api/v1/declarations/" + id, Http.bearer(token)));
        assertEquals("RETURNED", d.getJsonObject("summary").getString("state"));
        assertEquals("请补充关键指标的测算依据", d.getJsonObject("summary").getString("lastReason"));
        d = save(token, id, project(Http.declarationVersion(d), "3000000.00", "1500000.00", "1500000.00", "申请发明专利 3 项（测算见附件）。"));
        JsonObject resubmitted = submit(token, d);
        assertEquals(2, resubmitted.getJsonObject("summary").getInt("revision"));

        HttpResponse<String> accepted = http.postJson("api/v1/review/declarations/" + id + "/acceptance",
                "{\"version\":" + Http.declarationVersion(resubmitted) + "}", Http.bearer(reviewer));
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonObject done = Http.json(http.get("api/v1/declarations/" + id, Http.bearer(token)));
        List<String> path = done.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("to")).toList();
        assertEquals(List.of("DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED"), path);
        JsonObject revisions = Http.json(http.get("api/v1/declarations/" + id + "/revisions", Http.bearer(reviewer)));
        assertEquals(2, revisions.size(), "both submitted versions are kept");
        assertTrue(revisions.getString("1").contains("申请发明专利 2 项") && revisions.getString("2").contains("申请发明专利 3 项"),
                revisions.toString());
        JsonArray queue = (JsonArray) Http.jsonOf(http.get("api/v1/review/declarations?state=ACCEPTED", Http.bearer(reviewer)));
        assertTrue(queue.getValuesAs(JsonObject.class).stream().anyMatch(s -> s.getJsonNumber("id").longValue() == id));
    }

    private HttpResponse<byte[]> printout(String token, long id, int revision) {
        return http.getBytes("api/v1/declarations/" + id + "/revisions/" + revision + "/pdf", Http.bearer(token));
    }

    private static String errorCode(HttpResponse<byte[]> r) {
        return jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(r.body())).readObject().getString("code");
    }

    private static String pdfText(HttpResponse<byte[]> r) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(r.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void theSubmittedRevisionPrintsAsADeclarationPdfForItsEnterpriseAndTheReviewerOnly() throws Exception {
        String owner = newEnterprise();
        String company = "申报测试企业" + lastUsername;
        String other = newEnterprise();
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        JsonObject draft = completeDeclaration(owner);
        long id = Http.declarationId(draft);

        HttpResponse<byte[]> none = printout(owner, id, 1);
        assertEquals(404, none.statusCode(), "a draft has no 申报书 yet");
        assertEquals("declaration.revisionNotFound", errorCode(none));
        assertEquals(404, printout(reviewer, id, 1).statusCode(), "the bureau does not see a draft");

        JsonObject submitted = submit(owner, draft);
        HttpResponse<byte[]> pdf = printout(owner, id, 1);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("")
                .contains("attachment; filename=\"___-" + id + "-1.pdf\"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6-" + id + "-1.pdf"),
                pdf.headers().map().toString());
        String text = pdfText(pdf);
        List<String> expected = new java.util.ArrayList<>(List.of("项目申报书", "申报单位 " + company, "第 1 次提交",
                "项目名称 高效变频压缩机研发", "所属领域 智能家电", "设备费 申请财政补助 ¥1,500,000.00 150.00 万元",
                "项目总预算 ¥3,000,000.00（300.00 万元）", "能效提升 15%，申请发明专利 2 项。", "营业执照.pdf", "可研报告.pdf",
                "第 1 页 共 1 页"));
        for (JsonObject file : draft.getJsonArray("attachments").getValuesAs(JsonObject.class)) {
            expected.add("SHA-256: " + file.getString("sha256"));
        }
        for (String line : expected) {
            assertTrue(text.contains(line), () -> "missing “" + line + "” in:\n" + text);
        }

        HttpResponse<byte[]> stranger = printout(other, id, 1);
        assertEquals(404, stranger.statusCode(), "another company learns nothing");
        assertEquals("declaration.notFound", errorCode(stranger));
        assertEquals(200, printout(reviewer, id, 1).statusCode());
        assertEquals(404, printout(owner, id, 2).statusCode(), "no second submission yet");

        // returned and edited again: the 申报书 of revision 1 stays what was submitted, not the draft being revised
        HttpResponse<String> returned = http.postJson("api/v1/review/declarations/" + id + "/return",
                "{\"version\":" + Http.declarationVersion(submitted) + ",\"reason\":\"请补充测算依据\"}", Http.bearer(reviewer));
        assertEquals(200, returned.statusCode(), returned.body());
        JsonObject reopened = Http.json(http.get("api/v1/declarations/" + id, Http.bearer(owner)));
        save(owner, id, project(Http.declarationVersion(reopened), "3000000.00", "1500000.00", "1500000.00", "申请发明专利 3 项。"));
        String archived = pdfText(printout(owner, id, 1));
        assertTrue(archived.contains("申请发明专利 2 项") && !archived.contains("申请发明专利 3 项"), archived);
    }

    /** 修改对比 over the API: after a return, what the enterprise changed, for whoever may read the declaration only. */
    @Test
    void theChangesOfAResubmissionAreReadByTheReviewerAndTheOwnerOnly() {
        String owner = newEnterprise();
        JsonObject submitted = submit(owner, completeDeclaration(owner));
        long id = Http.declarationId(submitted);
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        assertEquals(404, http.get("api/v1/declarations/" + id + "/revisions/1/changes", Http.bearer(reviewer)).statusCode(),
                "a first submission has nothing before it");
        assertEquals(200, http.postJson("api/v1/review/declarations/" + id + "/return", "{\"version\":"
                + Http.declarationVersion(submitted) + ",\"reason\":\"请核实设备费\"}", Http.bearer(reviewer)).statusCode());
        JsonObject d = Http.json(http.get("api/v1/declarations/" + id, Http.bearer(owner)));
        d = save(owner, id, project(Http.declarationVersion(d), "2700000", "1200000", "1500000", "申请发明专利 3 项。"));
        assertEquals(201, upload(owner, id, "项目可行性研究报告", "可研报告（修订）.pdf", "application/pdf",
                TestFiles.pdf(60_000)).statusCode());
        d = Http.json(http.get("api/v1/declarations/" + id, Http.bearer(owner)));
        submit(owner, d);

        HttpResponse<String> r = http.get("api/v1/declarations/" + id + "/revisions/2/changes", Http.bearer(reviewer));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject changes = Http.json(r);
        assertEquals(1, changes.getInt("from"));
        assertEquals(2, changes.getInt("to"));
        assertEquals(List.of("KEY_INDICATORS", "TOTAL_BUDGET"), changes.getJsonArray("fields").getValuesAs(JsonObject.class)
                .stream().map(f -> f.getString("field")).toList());
        assertEquals(List.of("CHANGED", "UNCHANGED"), changes.getJsonArray("budgetLines").getValuesAs(JsonObject.class)
                .stream().map(l -> l.getString("change")).toList());
        List<JsonObject> files = changes.getJsonArray("files").getValuesAs(JsonObject.class);
        JsonObject report = files.stream().filter(f -> f.getString("change").equals("REPLACED")).findFirst().orElseThrow();
        assertEquals("可研报告.pdf", report.getJsonObject("before").getString("originalName"));
        assertEquals("可研报告（修订）.pdf", report.getJsonObject("after").getString("originalName"));
        assertEquals(200, http.get("api/v1/declarations/" + id + "/revisions/2/changes", Http.bearer(owner)).statusCode());
        assertEquals(404, http.get("api/v1/declarations/" + id + "/revisions/2/changes", Http.bearer(newEnterprise())).statusCode(),
                "another enterprise learns nothing");
        assertEquals(404, http.get("api/v1/declarations/" + id + "/revisions/3/changes", Http.bearer(reviewer)).statusCode());
    }
}
