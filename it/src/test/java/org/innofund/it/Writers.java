package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enterprises writing through the API as at a deadline: each writer registers an enterprise, starts a declaration,
 * saves it, uploads its two files and submits, again and again, and notes every write the product acknowledged (and
 * when). {@link #verify} then checks that each acknowledged write is there: the user can log in, the declaration has
 * its content and state, each file is byte for byte what was sent.
 */
final class Writers {

    /** One enterprise's acknowledged writes; fields are set only once the product answered success. */
    static final class Enterprise {
        final String username;
        final String password = "crash-password-1";
        volatile Instant registeredAt;
        volatile Long declarationId;
        volatile Instant declaredAt;
        volatile boolean saved;
        final List<byte[]> files = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Long> fileIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean submitted;
        volatile Instant submittedAt;

        Enterprise(String username) {
            this.username = username;
        }
    }

    private final int count;
    private final ConcurrentLinkedQueue<Enterprise> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger submissions = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final int fileBytes;

    Writers(int count, int fileBytes) {
        this.count = count;
        this.fileBytes = fileBytes;
    }

    /** Starts the writers together. */
    void start() {
        long callId = callOfKind(new Http(), "PRE_APPROVED");
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(() -> {
                Http http = new Http();
                try {
                    go.await();
                    while (!stop.get()) {
                        writeOne(http, callId);
                    }
                } catch (RuntimeException | InterruptedException | AssertionError serverGone) {
                    // the server was killed (or refused): what was acknowledged so far is what counts
                }
            }, "writer-" + i);
            t.start();
            threads.add(t);
        }
        go.countDown();
    }

    /** Asks the writers to stop and waits for them (a killed server ends their requests at once). */
    void stopAndJoin() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(120_000);
            assertTrue(!t.isAlive(), t.getName() + " did not stop");
        }
    }

    List<Enterprise> acknowledged() {
        return List.copyOf(acknowledged);
    }

    int submissions() {
        return submissions.get();
    }

    private void writeOne(Http http, long callId) {
        Enterprise e = new Enterprise(TestData.newUsername("crash"));
        String body = Json.createObjectBuilder().add("companyName", "持久性测试企业" + e.username).add("uscc", TestData.newUscc())
                .add("contactName", "联系人").add("contactPhone", "0574-12345678")
                .add("username", e.username).add("password", e.password).build().toString();
        if (http.postJson("api/v1/registrations", body).statusCode() != 201) {
            throw new IllegalStateException("registration refused");
        }
        e.registeredAt = Instant.now();
        acknowledged.add(e);
        String[] auth = Http.bearer(http.token(e.username, e.password));

        HttpResponse<String> started = http.postJson("api/v1/declarations", "{\"callId\":" + callId + "}", auth);
        if (started.statusCode() != 201) {
            throw new IllegalStateException("declaration refused");
        }
        JsonObject d = Http.json(started);
        long id = d.getJsonObject("summary").getJsonNumber("id").longValue();
        e.declarationId = id;
        e.declaredAt = Instant.now();

        HttpResponse<String> saved = http.putJson("api/v1/declarations/" + id, DeclarationIT.completeProject(version(d)), auth);
        if (saved.statusCode() != 200) {
            throw new IllegalStateException("save refused: " + saved.body());
        }
        e.saved = true;

        for (String requirement : List.of("营业执照", "项目可行性研究报告")) {
            byte[] pdf = randomPdf(fileBytes);
            HttpResponse<String> up = http.upload("api/v1/declarations/" + id + "/attachments",
                    Map.of("requirement", requirement), requirement + ".pdf", "application/pdf", pdf, auth);
            if (up.statusCode() != 201) {
                throw new IllegalStateException("upload refused: " + up.body());
            }
            e.fileIds.add(Http.json(up).getJsonNumber("id").longValue());
            e.files.add(pdf);
        }

        long version = version(Http.json(http.get("api/v1/declarations/" + id, auth)));
        HttpResponse<String> submitted = http.postJson("api/v1/declarations/" + id + "/submission",
                "{\"version\":" + version + "}", auth);
        if (submitted.statusCode() != 200) {
            throw new IllegalStateException("submission refused: " + submitted.body());
        }
        e.submittedAt = Instant.now();
        e.submitted = true;
        submissions.incrementAndGet();
    }

    /** Every acknowledged write of the given enterprises is in the product. */
    static void verify(List<Enterprise> enterprises) {
        Http http = new Http();
        for (Enterprise e : enterprises) {
            HttpResponse<String> token = http.postJson("api/v1/tokens", Http.tokenRequest(e.username, e.password));
            assertEquals(201, token.statusCode(), "acknowledged registration of " + e.username + " lost: " + token.body());
            if (e.declarationId == null) {
                continue;
            }
            String[] auth = Http.bearer(Http.json(token).getString("token"));
            HttpResponse<String> r = http.get("api/v1/declarations/" + e.declarationId, auth);
            assertEquals(200, r.statusCode(), "acknowledged declaration " + e.declarationId + " lost");
            JsonObject d = Http.json(r);
            if (e.saved) {
                assertEquals("高效变频压缩机研发", d.getJsonObject("content").getString("projectName"),
                        "acknowledged save of declaration " + e.declarationId + " lost");
            }
            for (int i = 0; i < e.fileIds.size(); i++) {
                HttpResponse<byte[]> file = http.getBytes("api/v1/declarations/" + e.declarationId + "/attachments/"
                        + e.fileIds.get(i), auth);
                assertEquals(200, file.statusCode(), "acknowledged file " + e.fileIds.get(i) + " lost");
                assertArrayEquals(e.files.get(i), file.body(), "file " + e.fileIds.get(i) + " differs");
            }
            if (e.submitted) {
                assertEquals("SUBMITTED", d.getJsonObject("summary").getString("state"),
                        "acknowledged submission of declaration " + e.declarationId + " lost");
            }
        }
    }

    /** The audit chain verifies end to end. */
    static void verifyAuditChain() {
        Http http = new Http();
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonObject result = Http.json(http.postJson("api/v1/admin/audit/verification", "", Http.bearer(admin)));
        assertTrue(result.getBoolean("intact"), "audit chain: " + result);
    }

    static long callOfKind(Http http, String kind) {
        JsonArray calls = (JsonArray) Http.jsonOf(http.get("api/v1/calls"));
        return calls.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("subsidyKind").equals(kind))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private static long version(JsonObject detail) {
        return detail.getJsonObject("summary").getJsonNumber("version").longValue();
    }

    /** A real PDF whose padding is random, so that each upload is different and a mix-up would show. */
    static byte[] randomPdf(int approximateBytes) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            byte[] padding = new byte[approximateBytes];
            ThreadLocalRandom.current().nextBytes(padding);
            doc.getDocumentCatalog().getCOSObject().setItem("InnoFundPadding", new PDStream(doc, new ByteArrayInputStream(padding)));
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
