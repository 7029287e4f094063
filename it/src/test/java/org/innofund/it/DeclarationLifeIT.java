package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A declaration's life for the enterprise (issue 9, item 11): the 申报编号 given at the first submission, without gaps
 * or repeats when many submit at once; withdrawing a submission before the reviewer decides; deleting a draft with
 * its files. Runs in the server, so that it can look at the rows behind the API's answers.
 */
@ExtendWith(ArquillianExtension.class)
class DeclarationLifeIT {

    private static final String PASSWORD = "life-password-1";
    /** CXKJ-2026-SB-000107: the default prefix, the call's year, and at least six digits. */
    private static final Pattern RECEIPT = Pattern.compile("CXKJ-(\\d{4})-SB-(\\d{6,})");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(DeclarationLifeIT.class, DeclarationIT.class, Http.class, TestData.class,
                TestFiles.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    // --- helpers ---

    private String newEnterprise() {
        return http.registerEnterprise(TestData.newUsername("life"), TestData.newUscc(), PASSWORD);
    }

    private JsonObject get(String token, long id) {
        HttpResponse<String> r = http.get("api/v1/declarations/" + id, Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    /** A PRE_APPROVED declaration filled completely with its two required files, ready to submit. */
    JsonObject completeDraft(String token) {
        return completeDraft(token, http.callOfKind("PRE_APPROVED"));
    }

    /** The same in the given PRE_APPROVED call (which asks for the same two files). */
    JsonObject completeDraft(String token, long callId) {
        HttpResponse<String> started = http.postJson("api/v1/declarations", "{\"callId\":" + callId + "}",
                Http.bearer(token));
        assertEquals(201, started.statusCode(), started.body());
        long id = Http.declarationId(Http.json(started));
        HttpResponse<String> saved = http.putJson("api/v1/declarations/" + id,
                DeclarationIT.completeProject(Http.declarationVersion(Http.json(started))), Http.bearer(token));
        assertEquals(200, saved.statusCode(), saved.body());
        for (String requirement : List.of("营业执照", "项目可行性研究报告")) {
            HttpResponse<String> r = http.upload("api/v1/declarations/" + id + "/attachments", Map.of("requirement", requirement),
                    requirement + ".pdf", "application/pdf", TestFiles.pdf(2000), Http.bearer(token));
            assertEquals(201, r.statusCode(), r.body());
        }
        return get(token, id);
    }

    private static HttpResponse<String> submit(Http client, String token, JsonObject d) {
        return client.postJson("api/v1/declarations/" + Http.declarationId(d) + "/submission",
                "{\"version\":" + Http.declarationVersion(d) + "}", Http.bearer(token));
    }

    JsonObject submitted(String token, JsonObject d) {
        HttpResponse<String> r = submit(http, token, d);
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private HttpResponse<String> withdraw(String token, long id, long version) {
        return http.postJson("api/v1/declarations/" + id + "/withdrawal", "{\"version\":" + version + "}", Http.bearer(token));
    }

    private HttpResponse<String> delete(String token, long id, Long version) {
        return http.send(HttpRequest.newBuilder(Http.uri("api/v1/declarations/" + id
                + (version == null ? "" : "?version=" + version))).DELETE(), Http.bearer(token));
    }

    private static String state(JsonObject d) {
        return d.getJsonObject("summary").getString("state");
    }

    private static String receipt(JsonObject d) {
        return d.getJsonObject("summary").getString("receiptNumber", null);
    }

    private static boolean queued(JsonArray queue, long id) {
        return queue.getValuesAs(JsonObject.class).stream().anyMatch(s -> s.getJsonNumber("id").longValue() == id);
    }

    private JsonArray reviewQueue(String reviewer) {
        return (JsonArray) Http.jsonOf(http.get("api/v1/review/declarations", Http.bearer(reviewer)));
    }

    /** The single number a query with one parameter answers. */
    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }

    private long audited(String action, long id) throws SQLException {
        return count("select count(*) from audit_entry where action = '" + action + "' and target = ?", "declaration:" + id);
    }

    // --- 申报编号 and 撤回申报 ---

    @Test
    void aWithdrawnDeclarationLeavesTheQueueAndIsResubmittedUnderItsNumber() throws SQLException {
        String token = newEnterprise();
        JsonObject draft = completeDraft(token);
        long id = Http.declarationId(draft);
        assertEquals(null, receipt(draft), "a draft has no number");

        JsonObject first = submitted(token, draft);
        String number = receipt(first);
        assertNotNull(number, first.toString());
        Matcher m = RECEIPT.matcher(number);
        assertTrue(m.matches(), number);
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        assertTrue(queued(reviewQueue(reviewer), id));

        HttpResponse<String> stale = withdraw(token, id, Http.declarationVersion(first) - 1);
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("request.conflict", Http.json(stale).getString("code"));
        HttpResponse<String> noVersion = http.postJson("api/v1/declarations/" + id + "/withdrawal", "{}", Http.bearer(token));
        assertEquals(422, noVersion.statusCode(), noVersion.body());

        HttpResponse<String> withdrawn = withdraw(token, id, Http.declarationVersion(first));
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        JsonObject d = Http.json(withdrawn);
        assertEquals("WITHDRAWN", state(d));
        assertEquals(number, receipt(d), "the number stays");
        assertTrue(d.getBoolean("editable"), "revised like a returned one");
        assertEquals(1, audited("DECLARATION_WITHDRAW", id));
        assertFalse(queued(reviewQueue(reviewer), id), "the reviewer no longer has it in the queue");
        HttpResponse<String> lateDecision = http.postJson("api/v1/review/declarations/" + id + "/acceptance",
                "{\"version\":" + Http.declarationVersion(d) + "}", Http.bearer(reviewer));
        assertEquals(409, lateDecision.statusCode(), lateDecision.body());
        assertEquals("declaration.notUnderReview", Http.json(lateDecision).getString("code"));
        HttpResponse<String> twice = withdraw(token, id, Http.declarationVersion(d));
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("declaration.notWithdrawable", Http.json(twice).getString("code"));

        HttpResponse<String> revised = http.putJson("api/v1/declarations/" + id,
                DeclarationIT.completeProject(Http.declarationVersion(d)), Http.bearer(token));
        assertEquals(200, revised.statusCode(), revised.body());
        JsonObject again = submitted(token, Http.json(revised));
        assertEquals(2, again.getJsonObject("summary").getInt("revision"));
        assertEquals(number, receipt(again), "a resubmission keeps its number");
        assertTrue(queued(reviewQueue(reviewer), id), "back in the queue");
        assertEquals(number, receipt(get(reviewer, id)), "the bureau reads the number too");
        List<String> path = again.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("to")).toList();
        assertEquals(List.of("DRAFT", "SUBMITTED", "WITHDRAWN", "SUBMITTED"), path);
        assertEquals(2, Http.json(http.get("api/v1/declarations/" + id + "/revisions", Http.bearer(token))).size(),
                "both submitted revisions are kept");
        assertEquals(1, count("select count(*) from declaration where receipt_no = (select receipt_no from declaration "
                + "where id = ?)", id));
    }

    @Test
    void aDeclarationTheReviewerDecidedOnCannotBeWithdrawn() {
        String token = newEnterprise();
        JsonObject submitted = submitted(token, completeDraft(token));
        long id = Http.declarationId(submitted);
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        assertEquals(200, http.postJson("api/v1/review/declarations/" + id + "/acceptance",
                "{\"version\":" + Http.declarationVersion(submitted) + "}", Http.bearer(reviewer)).statusCode());
        long version = Http.declarationVersion(get(token, id));

        HttpResponse<String> refused = withdraw(token, id, version);
        assertEquals(409, refused.statusCode(), refused.body());
        JsonObject error = Http.json(refused);
        assertEquals("declaration.notWithdrawable", error.getString("code"));
        assertTrue(error.getString("message").contains("已受理"), "the state in words: " + error);
        HttpResponse<String> english = http.postJson("api/v1/declarations/" + id + "/withdrawal", "{\"version\":" + version + "}",
                "Authorization", "Bearer " + token, "Accept-Language", "en");
        assertTrue(Http.json(english).getString("message").contains("(accepted)"), english.body());
        assertEquals("ACCEPTED", state(get(token, id)));
    }

    // --- 删除草稿 ---

    @Test
    void aDraftIsDeletedWithItsFilesOnlyByItsEnterpriseAndAtItsVersion() throws SQLException {
        String token = newEnterprise();
        JsonObject d = completeDraft(token);
        long id = Http.declarationId(d);
        long version = Http.declarationVersion(d);
        List<Long> files = d.getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getJsonNumber("id").longValue()).toList();
        assertEquals(2, files.size());
        assertEquals(2, count("select count(*) from attachment_content c join attachment a on a.id = c.attachment_id "
                + "where a.declaration_id = ?", id));

        String other = newEnterprise();
        HttpResponse<String> foreign = delete(other, id, version);
        assertEquals(404, foreign.statusCode(), foreign.body());
        assertEquals("declaration.notFound", Http.json(foreign).getString("code"));
        HttpResponse<String> stale = delete(token, id, version - 1);
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("request.conflict", Http.json(stale).getString("code"));
        assertEquals(422, delete(token, id, null).statusCode(), "every change names the version it read");
        assertEquals(1, count("select count(*) from declaration where id = ?", id), "nothing was deleted so far");

        HttpResponse<String> deleted = delete(token, id, version);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, http.get("api/v1/declarations/" + id, Http.bearer(token)).statusCode());
        assertEquals(404, http.getBytes("api/v1/declarations/" + id + "/attachments/" + files.get(0), Http.bearer(token)).statusCode());
        assertTrue(((JsonArray) Http.jsonOf(http.get("api/v1/declarations", Http.bearer(token)))).isEmpty());
        for (String table : List.of("declaration where id", "declaration_budget_line where declaration_id",
                "declaration_transition where declaration_id", "declaration_revision where declaration_id",
                "attachment where declaration_id")) {
            assertEquals(0, count("select count(*) from " + table + " = ?", id), table);
        }
        for (long file : files) {
            assertEquals(0, count("select count(*) from attachment_content where attachment_id = ?", file), "content of " + file);
        }
        assertEquals(1, audited("DECLARATION_DELETE", id));
        assertTrue(audited("DECLARATION_ACCESS", id) >= 1, "the other enterprise's attempt is audited");
        assertEquals(404, delete(token, id, version).statusCode(), "gone");
    }

    @Test
    void aDeclarationOnceSubmittedIsNeverDeleted() throws SQLException {
        String token = newEnterprise();
        JsonObject submitted = submitted(token, completeDraft(token));
        long id = Http.declarationId(submitted);
        HttpResponse<String> refused = delete(token, id, Http.declarationVersion(submitted));
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("declaration.notDeletable", Http.json(refused).getString("code"));

        JsonObject withdrawn = Http.json(withdraw(token, id, Http.declarationVersion(submitted)));
        HttpResponse<String> stillRefused = delete(token, id, Http.declarationVersion(withdrawn));
        assertEquals(409, stillRefused.statusCode(), "withdrawn, it keeps its number and its record: " + stillRefused.body());
        assertEquals("declaration.notDeletable", Http.json(stillRefused).getString("code"));
        assertEquals(1, count("select count(*) from declaration where id = ?", id));
        assertEquals(2, count("select count(*) from attachment where declaration_id = ?", id));
    }

    // --- numbers without gaps or repeats ---

    /**
     * Eight enterprises submit at the same moment: each gets a number, all different, and together they fill a run
     * without a gap (no other submission happens meanwhile: the tests run one at a time).
     */
    @Test
    void enterprisesSubmittingAtOnceGetConsecutiveNumbersWithoutRepeats() throws Exception {
        int n = 8;
        List<String> tokens = new ArrayList<>();
        List<JsonObject> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(newEnterprise());
            drafts.add(completeDraft(tokens.get(i)));
        }
        CyclicBarrier together = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> submissions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Http client = new Http();
                String token = tokens.get(i);
                JsonObject d = drafts.get(i);
                submissions.add(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return submit(client, token, d);
                });
            }
            for (Future<HttpResponse<String>> f : pool.invokeAll(submissions)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        TreeSet<Long> numbers = new TreeSet<>();
        int year = -1;
        for (HttpResponse<String> r : answers) {
            assertEquals(200, r.statusCode(), r.body());
            Matcher m = RECEIPT.matcher(receipt(Http.json(r)));
            assertTrue(m.matches(), r.body());
            year = Integer.parseInt(m.group(1));
            numbers.add(Long.parseLong(m.group(2)));
        }
        assertEquals(n, numbers.size(), "no number twice: " + numbers);
        assertEquals(n - 1, numbers.last() - numbers.first(), "no gap: " + numbers);
        assertEquals(numbers.last(), count("select last_number from receipt_counter where receipt_year = ?", year),
                "the counter stands at the last number given");
    }

    // --- 其他材料 (issue 9, item 11) ---

    private HttpResponse<String> uploadOther(String token, long id, Map<String, String> fields, String name, byte[] content) {
        return http.upload("api/v1/declarations/" + id + "/other-materials", fields, name, "application/octet-stream", content,
                Http.bearer(token));
    }

    /**
     * Files the call did not list, several, each described, checked like the listed ones; not needed to submit; the
     * reviewer reads them with the submission and the 申报书 lists them.
     */
    @Test
    void otherMaterialsAreSeveralDescribedCheckedAndSubmittedWithTheDeclaration() throws Exception {
        String token = newEnterprise();
        long id = Http.declarationId(completeDraft(token));

        HttpResponse<String> undescribed = uploadOther(token, id, Map.of("description", "  "), "a.pdf", TestFiles.pdf(500));
        assertEquals(422, undescribed.statusCode(), undescribed.body());
        assertEquals("attachment.descriptionRequired", Http.json(undescribed).getString("code"));
        HttpResponse<String> program = uploadOther(token, id, Map.of("description", "宣传册"), "setup.pdf", TestFiles.exe());
        assertEquals(422, program.statusCode(), "the content decides, as for the listed slots: " + program.body());
        for (String description : List.of("发明专利证书", "省级科技进步奖证书")) {
            HttpResponse<String> r = uploadOther(token, id, Map.of("description", description), description + ".pdf", TestFiles.pdf(800));
            assertEquals(201, r.statusCode(), r.body());
            assertEquals(description, Http.json(r).getString("description"));
            assertEquals(64, Http.json(r).getString("sha256").length());
        }
        assertEquals(404, uploadOther(newEnterprise(), id, Map.of("description", "冒名"), "x.pdf", TestFiles.pdf(500)).statusCode(),
                "another company's declaration");

        JsonObject submitted = submitted(token, get(token, id));
        assertEquals("SUBMITTED", state(submitted), "other materials are never required");
        HttpResponse<String> read = http.get("api/v1/declarations/" + id, Http.bearer(http.token("reviewer", TestData.DEMO_PASSWORD)));
        assertEquals(200, read.statusCode(), read.body());
        List<String> others = Http.json(read).getJsonArray("attachments").getValuesAs(JsonObject.class).stream()
                .filter(a -> "其他材料".equals(a.getString("requirement"))).map(a -> a.getString("description")).sorted().toList();
        assertEquals(List.of("发明专利证书", "省级科技进步奖证书"), others, "both kept side by side, none replaced the other");

        HttpResponse<byte[]> pdf = http.getBytes("api/v1/declarations/" + id + "/revisions/1/pdf", Http.bearer(token));
        assertEquals(200, pdf.statusCode(), "the 申报书 (in the font the build put into the EJB jar)");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("其他材料（发明专利证书）") && text.contains("其他材料（省级科技进步奖证书）"), text);
        }
    }

    // --- the reviewer's queue (issue 9, item 12) ---

    /** How many statements the database ran while {@code action} ran (H2's statistics; nothing else runs meanwhile). */
    private long statementsDuring(Runnable action) throws SQLException {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SET QUERY_STATISTICS FALSE"); // clears what was counted before
            st.execute("SET QUERY_STATISTICS TRUE");
            action.run();
            try (ResultSet rs = st.executeQuery("select coalesce(sum(execution_count), 0) from information_schema.query_statistics"
                    + " where upper(sql_statement) not like '%QUERY_STATISTICS%'")) {
                assertTrue(rs.next());
                return rs.getLong(1);
            } finally {
                st.execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }

    /**
     * The queue shows the requested amount and the call's closing time, and costs as many statements for 50 declarations
     * as for one: no query per row (before, each row loaded its budget lines, achievements, service records and call).
     */
    @Test
    void theQueueOfFiftyDeclarationsLoadsInAsManyQueriesAsTheQueueOfOne() throws SQLException {
        String marker = TestData.newUsername("queue");
        for (int i = 0; i < 50; i++) {
            String token = http.registerEnterprise(marker + "n" + i, TestData.newUscc(), PASSWORD);
            submitted(token, completeDraft(token));
        }
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        // once before measuring: the call and its collections come into the shared cache, as they would for any later
        // reader; what is compared is the work per row, not whether the first request found the cache cold
        http.get("api/v1/review/declarations?enterprise=" + marker + "n7", Http.bearer(reviewer));
        JsonArray[] fifty = new JsonArray[1];
        JsonArray[] one = new JsonArray[1];
        long forFifty = statementsDuring(() -> fifty[0] = (JsonArray) Http.jsonOf(http.get("api/v1/review/declarations?enterprise="
                + marker + "n", Http.bearer(reviewer))));
        long forOne = statementsDuring(() -> one[0] = (JsonArray) Http.jsonOf(http.get("api/v1/review/declarations?enterprise="
                + marker + "n7", Http.bearer(reviewer))));
        assertEquals(50, fifty[0].size());
        assertEquals(1, one[0].size());
        assertTrue(forFifty > 0, "the statistics counted the queue's queries");
        assertEquals(forOne, forFifty, "as many statements for 50 rows as for 1");

        JsonObject row = one[0].getJsonObject(0);
        // DeclarationIT.completeProject asks the subsidy for its budget lines paid from it
        assertTrue(row.getJsonNumber("requestedSubsidy").bigDecimalValue().signum() > 0, row.toString());
        assertNotNull(row.getString("callClosesAt", null), row.toString());
    }
}
