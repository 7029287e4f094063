package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of issue 6 over HTTP: a submission racing an attachment change, what the bureau may read, the number of
 * declarations per enterprise, the files a draft keeps, and the login throttle of a name registered later.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeclarationRulesIT {

    private static final String LICENCE = "营业执照";
    private static final String REPORT = "项目可行性研究报告";
    private static final String BUDGET_SHEET = "预算明细表";
    private static final String PASSWORD = "rules-password-1";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private final Http http = new Http();

    // --- helpers, in DeclarationIT's style ---


    private String register(String username) {
        String body = Json.createObjectBuilder().add("companyName", "规则测试企业" + username).add("uscc", TestData.newUscc())
                .add("contactName", "联系人").add("contactPhone", "0574-12345678")
                .add("username", username).add("password", PASSWORD).build().toString();
        HttpResponse<String> r = http.postJson("api/v1/registrations", body);
        assertEquals(201, r.statusCode(), r.body());
        return http.token(username, PASSWORD);
    }

    private String newEnterprise() {
        return register(TestData.newUsername("rules"));
    }



    private static String project(long version, String indicators) {
        return Json.createObjectBuilder().add("version", version).add("content", Json.createObjectBuilder()
                .add("projectName", "高效变频压缩机研发").add("field", "SMART_APPLIANCES")
                .add("periodStart", "2027-01-01").add("periodEnd", "2028-12-31")
                .add("summary", "研制新一代高效变频压缩机。").add("keyIndicators", indicators)
                .add("totalBudget", new java.math.BigDecimal("3000000.00"))
                .add("budgetLines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("category", "EQUIPMENT").add("source", "SUBSIDY")
                                .add("amount", new java.math.BigDecimal("1500000.00")))
                        .add(Json.createObjectBuilder().add("category", "MATERIALS").add("source", "SELF_FUNDED")
                                .add("amount", new java.math.BigDecimal("1500000.00"))))).build().toString();
    }

    private JsonObject get(String token, long id) {
        HttpResponse<String> r = http.get("api/v1/declarations/" + id, Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private JsonObject start(String token, long callId) {
        HttpResponse<String> r = http.postJson("api/v1/declarations", "{\"callId\":" + callId + "}", Http.bearer(token));
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r);
    }

    private JsonObject save(String token, long id, long version, String indicators) {
        HttpResponse<String> r = http.putJson("api/v1/declarations/" + id, project(version, indicators), Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static HttpResponse<String> upload(Http client, String token, long id, String requirement, byte[] pdf) {
        return client.upload("api/v1/declarations/" + id + "/attachments", Map.of("requirement", requirement), "file.pdf",
                "application/pdf", pdf, Http.bearer(token));
    }

    private long uploaded(String token, long id, String requirement, byte[] pdf) {
        HttpResponse<String> r = upload(http, token, id, requirement, pdf);
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r).getJsonNumber("id").longValue();
    }

    private static HttpResponse<String> submit(Http client, String token, long id, long version) {
        return client.postJson("api/v1/declarations/" + id + "/submission", "{\"version\":" + version + "}", Http.bearer(token));
    }

    /** A complete PRE_APPROVED draft with both required files and the optional budget sheet. */
    private JsonObject completeDraft(String token, byte[] pdf) {
        JsonObject d = start(token, http.callOfKind("PRE_APPROVED"));
        long id = Http.declarationId(d);
        save(token, id, Http.declarationVersion(d), "能效提升 15%。");
        uploaded(token, id, LICENCE, pdf);
        uploaded(token, id, REPORT, pdf);
        uploaded(token, id, BUDGET_SHEET, pdf);
        JsonObject complete = get(token, id);
        assertTrue(complete.getJsonArray("problems").isEmpty(), complete.getJsonArray("problems").toString());
        return complete;
    }

    private static Set<Long> currentAttachments(JsonObject holder) {
        return holder.getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
                .filter(a -> !a.getBoolean("withdrawn")).map(a -> a.getJsonNumber("id").longValue()).collect(Collectors.toSet());
    }

    private JsonObject revision(String token, long id, int number) {
        JsonObject revisions = Http.json(http.get("api/v1/declarations/" + id + "/revisions", Http.bearer(token)));
        try (var reader = Json.createReader(new StringReader(revisions.getString(String.valueOf(number))))) {
            return reader.readObject();
        }
    }

    // --- item 2: a submission and an attachment change never both act on what the other changes ---

    /**
     * Twenty rounds of submit against withdrawing a file and twenty of submit against uploading one, each pair
     * released together. Whichever comes second sees what the first did: a change after the submission is refused
     * (409), a submission after the change submits it. Either way a SUBMITTED declaration's current files are
     * exactly those of its submitted revision.
     */
    @Test
    void aSubmissionAndAnAttachmentChangeAtTheSameMomentNeverLeaveTheRevisionBehind() throws Exception {
        byte[] pdf = TestFiles.pdf(3000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> outcomes = new ArrayList<>();
        try {
            String token = null;
            for (int round = 0; round < 40; round++) {
                if (round % 3 == 0) {
                    token = newEnterprise(); // the demo project call takes three declarations per enterprise
                }
                String owner = token;
                JsonObject d = completeDraft(owner, pdf);
                long id = Http.declarationId(d);
                long version = Http.declarationVersion(d);
                long sheet = d.getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
                        .filter(a -> a.getString("requirement").equals(BUDGET_SHEET)).findFirst().orElseThrow()
                        .getJsonNumber("id").longValue();
                boolean withdraw = round < 20;
                CyclicBarrier together = new CyclicBarrier(2);
                Http submitter = new Http();
                Http changer = new Http();
                Callable<HttpResponse<String>> submission = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return submit(submitter, owner, id, version);
                };
                Callable<HttpResponse<String>> change = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return withdraw
                            ? changer.send(java.net.http.HttpRequest.newBuilder(Http.uri("api/v1/declarations/" + id
                            + "/attachments/" + sheet)).DELETE(), Http.bearer(owner))
                            : upload(changer, owner, id, BUDGET_SHEET, pdf);
                };
                List<Future<HttpResponse<String>>> answers = pool.invokeAll(List.of(submission, change));
                HttpResponse<String> submitted = answers.get(0).get();
                HttpResponse<String> changed = answers.get(1).get();
                String what = (withdraw ? "withdraw" : "upload") + " round " + round + ": submit " + submitted.statusCode()
                        + " " + submitted.body() + " / change " + changed.statusCode() + " " + changed.body();
                assertEquals(200, submitted.statusCode(), what);
                if (changed.statusCode() == 409) {
                    assertEquals("declaration.notEditable", Http.json(changed).getString("code"), what);
                } else {
                    assertEquals(withdraw ? 204 : 201, changed.statusCode(), what);
                }
                outcomes.add(changed.statusCode() == 409 ? "change refused" : "change first");

                JsonObject after = get(owner, id);
                assertEquals("SUBMITTED", after.getJsonObject("summary").getString("state"), what);
                assertEquals(currentAttachments(revision(owner, id, 1)), currentAttachments(after),
                        "the current files are those of the submitted revision: " + what);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("submission races: " + outcomes.stream()
                .collect(Collectors.groupingBy(o -> o, java.util.TreeMap::new, Collectors.counting())));
    }

    // --- item 6: the bureau reads a declaration only from its first submission on, and then as submitted ---

    @Test
    void theBureauNeverReadsADraftNorTheRevisionUnderWay() {
        byte[] first = TestFiles.pdf(3000);
        byte[] second = TestFiles.pdf(4000);
        String owner = newEnterprise();
        JsonObject draft = completeDraft(owner, first);
        long id = Http.declarationId(draft);
        long draftFile = currentAttachments(draft).iterator().next();
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String approver = http.token("approver", TestData.DEMO_PASSWORD);

        for (String bureau : List.of(reviewer, approver)) {
            for (String path : List.of("api/v1/declarations/" + id, "api/v1/declarations/" + id + "/revisions",
                    "api/v1/declarations/" + id + "/attachments/" + draftFile)) {
                HttpResponse<String> r = http.get(path, Http.bearer(bureau));
                assertEquals(404, r.statusCode(), path + " " + r.body());
                assertEquals("declaration.notFound", Http.json(r).getString("code"));
            }
        }
        Http page = new Http();
        assertEquals(302, page.formLogin("reviewer", TestData.DEMO_PASSWORD).statusCode());
        assertEquals(404, page.get("bureau/reviewer/declaration.xhtml?id=" + id).statusCode(), "the review page of a draft");
        assertEquals(404, page.get("files/declarations/" + id + "/attachments/" + draftFile).statusCode(), "a draft's file");

        // submitted, returned, and being revised: new indicators and a replaced report, not yet resubmitted
        JsonObject submitted = Http.json(submit(http, owner, id, Http.declarationVersion(draft)));
        long keptReport = submitted.getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("requirement").equals(REPORT)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        HttpResponse<String> returned = http.postJson("api/v1/review/declarations/" + id + "/return",
                "{\"version\":" + Http.declarationVersion(submitted) + ",\"reason\":\"请补充测算依据\"}", Http.bearer(reviewer));
        assertEquals(200, returned.statusCode(), returned.body());
        JsonObject revising = get(owner, id);
        save(owner, id, Http.declarationVersion(revising), "半途修改中的指标");
        long newFile = uploaded(owner, id, REPORT, second);

        JsonObject seen = get(reviewer, id);
        assertEquals("RETURNED", seen.getJsonObject("summary").getString("state"));
        assertEquals("能效提升 15%。", seen.getJsonObject("content").getString("keyIndicators"), "the submitted content");
        assertEquals(currentAttachments(revision(owner, id, 1)), currentAttachments(seen), "the submitted files");
        assertFalse(seen.toString().contains("半途修改中的指标"), seen.toString());
        assertTrue(get(owner, id).getJsonObject("content").getString("keyIndicators").equals("半途修改中的指标"),
                "the enterprise sees its own work");

        HttpResponse<String> fresh = http.get("api/v1/declarations/" + id + "/attachments/" + newFile, Http.bearer(reviewer));
        assertEquals(404, fresh.statusCode(), fresh.body());
        assertEquals("attachment.notFound", Http.json(fresh).getString("code"));
        assertEquals(404, page.get("files/declarations/" + id + "/attachments/" + newFile).statusCode(), "the new file on the page");
        assertEquals(200, http.getBytes("api/v1/declarations/" + id + "/attachments/" + keptReport, Http.bearer(reviewer))
                .statusCode(), "the submitted report still downloads");
        assertEquals(200, http.getBytes("api/v1/declarations/" + id + "/attachments/" + newFile, Http.bearer(owner))
                .statusCode(), "the enterprise downloads its new file");
        String reviewPage = page.get("bureau/reviewer/declaration.xhtml?id=" + id).body();
        assertTrue(reviewPage.contains("能效提升 15%。") && !reviewPage.contains("半途修改中的指标"), "the page shows the submitted revision");
        // the budget by category and source, summed by the review service: one row per category, then the sums
        String budgetTable = reviewPage.substring(reviewPage.indexOf("id=\"detailForm:budget\""));
        budgetTable = budgetTable.substring(0, budgetTable.indexOf("</table>")).replaceAll("<[^>]+>", "|").replaceAll("[|\\s]+", "|");
        assertTrue(budgetTable.contains("|设备费|¥1,500,000.00|¥0.00|¥1,500,000.00|材料费|¥0.00|¥1,500,000.00|¥1,500,000.00|"), budgetTable);
        assertTrue(budgetTable.contains("|合计|¥1,500,000.00|¥1,500,000.00|¥3,000,000.00|"), budgetTable);
    }

    // --- item 16: declarations per enterprise ---

    /** Four starts by one enterprise released together in a call that takes one: exactly one passes. */
    @Test
    void concurrentStartsByOneEnterpriseNeverPassTheCallsLimit() throws Exception {
        String token = newEnterprise();
        long callId = http.callOfKind("RD_INVESTMENT");
        int n = 4;
        CyclicBarrier together = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> starts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Http client = new Http();
                starts.add(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return client.postJson("api/v1/declarations", "{\"callId\":" + callId + "}", Http.bearer(token));
                });
            }
            for (Future<HttpResponse<String>> f : pool.invokeAll(starts)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<HttpResponse<String>> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
        assertEquals(1, created.size(), answers.stream().map(r -> r.statusCode() + " " + r.body()).toList().toString());
        long winner = Http.declarationId(Http.json(created.get(0)));
        for (HttpResponse<String> r : answers) {
            if (r.statusCode() != 201) {
                assertEquals(409, r.statusCode(), r.body());
                JsonObject error = Http.json(r);
                assertEquals("declaration.limitPerEnterprise", error.getString("code"));
                assertTrue(error.getString("message").contains("#" + winner), "names the existing declaration: " + error);
            }
        }
        JsonArray mine = (JsonArray) Http.jsonOf(http.get("api/v1/declarations", Http.bearer(token)));
        assertEquals(1, mine.size());
    }

    /** The demo project call allows three per enterprise; the fourth start names the three. */
    @Test
    void aProjectCallMayAllowSeveralAndTheNextStartNamesThem() {
        String token = newEnterprise();
        long callId = http.callOfKind("PRE_APPROVED");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Http.declarationId(start(token, callId)));
        }
        HttpResponse<String> fourth = http.postJson("api/v1/declarations", "{\"callId\":" + callId + "}",
                "Authorization", "Bearer " + token, "Accept-Language", "en");
        assertEquals(409, fourth.statusCode(), fourth.body());
        String message = Http.json(fourth).getString("message");
        for (long existing : ids) {
            assertTrue(message.contains("#" + existing), message);
        }
        assertEquals(201, http.postJson("api/v1/declarations", "{\"callId\":" + http.callOfKind("REWARD") + "}",
                Http.bearer(token)).statusCode(), "another call has its own count");
    }

    // --- item 16: a draft keeps only the files a submitted revision rests on ---

    /** 108 MB uploaded over time, never more than 18 MB at once: the replaced files go, row and content. */
    @Test
    void replacingAFileAgainAndAgainNeverFillsTheDeclaration() {
        String token = newEnterprise();
        long id = Http.declarationId(start(token, http.callOfKind("PRE_APPROVED")));
        byte[] big = TestFiles.pdf(18 * 1024 * 1024);
        List<Long> uploadedIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            uploadedIds.add(uploaded(token, id, LICENCE, big));
        }
        JsonObject d = get(token, id);
        List<JsonObject> files = d.getJsonArray("attachments").getValuesAs(JsonObject.class);
        assertEquals(1, files.size(), "only the current file is kept: " + files);
        assertEquals(uploadedIds.get(5).longValue(), files.get(0).getJsonNumber("id").longValue());
        for (long gone : uploadedIds.subList(0, 5)) {
            assertEquals(404, http.getBytes("api/v1/declarations/" + id + "/attachments/" + gone, Http.bearer(token)).statusCode());
        }
        // and a withdrawn file too
        HttpResponse<String> withdrawn = http.send(java.net.http.HttpRequest.newBuilder(Http.uri("api/v1/declarations/" + id
                + "/attachments/" + uploadedIds.get(5))).DELETE(), Http.bearer(token));
        assertEquals(204, withdrawn.statusCode(), withdrawn.body());
        assertTrue(get(token, id).getJsonArray("attachments").isEmpty());
    }

    /** A file a submitted revision lists is kept when the returned declaration replaces it. */
    @Test
    void aFileOfASubmittedRevisionIsKeptWhenReplaced() {
        byte[] pdf = TestFiles.pdf(3000);
        String owner = newEnterprise();
        JsonObject d = completeDraft(owner, pdf);
        long id = Http.declarationId(d);
        JsonObject submitted = Http.json(submit(http, owner, id, Http.declarationVersion(d)));
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        assertEquals(200, http.postJson("api/v1/review/declarations/" + id + "/return",
                "{\"version\":" + Http.declarationVersion(submitted) + ",\"reason\":\"请更新营业执照\"}", Http.bearer(reviewer)).statusCode());
        long replacement = uploaded(owner, id, LICENCE, pdf);
        long again = uploaded(owner, id, LICENCE, pdf);
        Set<Long> listed = get(owner, id).getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getJsonNumber("id").longValue()).collect(Collectors.toSet());
        assertTrue(listed.containsAll(currentAttachments(revision(owner, id, 1))), "the submitted files stay: " + listed);
        assertFalse(listed.contains(replacement), "a file no revision listed goes when replaced");
        assertTrue(listed.contains(again));
    }

    // --- item 16: failed logins against a name nobody has do not lock whoever registers it ---

    @Test
    void failedLoginsAgainstAnUnknownNameDoNotLockItsLaterOwner() {
        String username = TestData.newUsername("later");
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = http.postJson("api/v1/tokens", Http.tokenRequest(username, "guess-" + i));
            assertEquals(401, r.statusCode(), r.body());
        }
        HttpResponse<String> locked = http.postJson("api/v1/tokens", Http.tokenRequest(username, "guess-again"));
        assertEquals(401, locked.statusCode());
        assertTrue(Http.json(locked).getString("code").contains("locked"), "unknown names are throttled too: " + locked.body());

        register(username); // logs in at once (the token), though the name was locked before it existed
        HttpResponse<String> wrong = http.postJson("api/v1/tokens", Http.tokenRequest(username, "wrong-password"));
        assertEquals(401, wrong.statusCode());
        assertFalse(Http.json(wrong).getString("code").contains("locked"), "the owner's count starts afresh: " + wrong.body());
    }
}
