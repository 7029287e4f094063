package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 正式通知: the reviewer uploads a call's official notice on the draft, may replace it until the call is published, and
 * the public downloads it from then on, byte for byte, under its Chinese name; a draft's notice is not public.
 */
@ExtendWith(ArquillianExtension.class)
class CallNoticeIT {

    private static final String NAME = "关于组织申报2027年度科技型企业培育奖励的通知.pdf";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private final Http http = new Http();

    private HttpResponse<String> upload(long callId, long version, String name, byte[] content, String token) {
        return http.putUpload("api/v1/bureau/calls/" + callId + "/notice", Map.of("version", Long.toString(version)), name,
                "application/octet-stream", content, Http.bearer(token));
    }

    @Test
    @RunAsClient
    void theNoticeOfADraftIsReplaceableAndBureauOnlyThenPublicByteForByteAndFixed() {
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String approver = http.token("approver", TestData.DEMO_PASSWORD);
        JsonObject call = http.draftCall(reviewer, "通知测试 " + System.nanoTime());
        long id = call.getJsonNumber("id").longValue();
        long version = call.getJsonNumber("version").longValue();

        // not a PDF: refused by its content whatever its name, in a notice's terms; nothing stored
        HttpResponse<String> exe = upload(id, version, "通知.pdf", TestFiles.exe(), reviewer);
        assertEquals(422, exe.statusCode(), exe.body());
        assertEquals("notice.typeNotAllowed", Http.json(exe).getString("code"));
        assertEquals(403, upload(id, version, NAME, TestFiles.pdf(3000), http.token("enterprise1", TestData.DEMO_PASSWORD))
                .statusCode(), "an enterprise uploads no notice");
        assertEquals(409, upload(id, version - 1, NAME, TestFiles.pdf(3000), reviewer).statusCode(), "a stale version");
        assertEquals(404, http.getBytes("files/calls/" + id + "/notice").statusCode(), "no notice yet");

        HttpResponse<String> first = upload(id, version, "通知/旧/" + NAME, TestFiles.pdf(3000), reviewer);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(NAME, Http.json(first).getString("originalName"), "without the client's folder");
        long afterFirst = Http.json(first).getJsonNumber("callVersion").longValue();
        assertEquals(version + 1, afterFirst, "the upload changes the call: a page holding the old version must reload");

        // a draft's notice: the bureau reads it, the public does not know it exists
        assertEquals(404, http.getBytes("files/calls/" + id + "/notice").statusCode());
        assertEquals(404, http.getBytes("api/v1/calls/" + id + "/notice").statusCode());
        assertEquals(200, http.getBytes("api/v1/calls/" + id + "/notice", Http.bearer(approver)).statusCode());

        byte[] replacement = TestFiles.pdf(6000);
        HttpResponse<String> second = upload(id, afterFirst, NAME, replacement, reviewer);
        assertEquals(200, second.statusCode(), second.body());
        long afterSecond = Http.json(second).getJsonNumber("callVersion").longValue();
        assertEquals(replacement.length, Http.json(second).getJsonNumber("sizeBytes").longValue());

        HttpResponse<String> published = http.postJson("api/v1/bureau/calls/" + id + "/publication",
                Json.createObjectBuilder().add("version", afterSecond).build().toString(), Http.bearer(approver));
        assertEquals(200, published.statusCode(), published.body());

        String encodedName = URLEncoder.encode(NAME, StandardCharsets.UTF_8).replace("+", "%20");
        for (String path : new String[] {"files/calls/" + id + "/notice", "api/v1/calls/" + id + "/notice"}) {
            HttpResponse<byte[]> download = http.getBytes(path);
            assertEquals(200, download.statusCode(), path);
            assertArrayEquals(replacement, download.body(), path + ": the file as replaced, byte for byte");
            assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse("").split(";")[0], path);
            assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            String disposition = download.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.startsWith("attachment;") && disposition.contains("filename*=UTF-8''" + encodedName),
                    path + ": " + disposition);
        }

        long publishedVersion = Http.json(published).getJsonNumber("version").longValue();
        HttpResponse<String> fixed = upload(id, publishedVersion, NAME, TestFiles.pdf(3000), reviewer);
        assertEquals(409, fixed.statusCode(), fixed.body());
        assertEquals("notice.fixed", Http.json(fixed).getString("code"));
        assertTrue(Http.json(fixed).getString("message").contains("已发布"), fixed.body());
        HttpResponse<String> fixedEn = http.putUpload("api/v1/bureau/calls/" + id + "/notice",
                Map.of("version", Long.toString(publishedVersion)), NAME, "application/pdf", TestFiles.pdf(3000),
                "Authorization", "Bearer " + reviewer, "Accept-Language", "en");
        assertEquals(409, fixedEn.statusCode());
        assertTrue(Http.json(fixedEn).getString("message").contains("published"), fixedEn.body());
        assertArrayEquals(replacement, http.getBytes("files/calls/" + id + "/notice").body(), "the published notice is unchanged");
    }

    @Test
    @RunAsClient
    void theDemoCallsOfferTheirNoticeOnThePublicPage() {
        long id = http.callOfKind("REWARD");
        String page = http.get("call.xhtml?id=" + id).body();
        assertTrue(page.contains("正式通知") && page.contains("/files/calls/" + id + "/notice"), page);
        HttpResponse<byte[]> notice = http.getBytes("files/calls/" + id + "/notice");
        assertEquals(200, notice.statusCode());
        assertTrue(new String(notice.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
    }
}
