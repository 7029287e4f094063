package org.innofund.web.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.platform.idempotency.IdempotentRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The request body read before the request runs and given again, and the answer copied while it is sent. */
class IdempotencyFilterPartsTest {

    private static HttpServletRequest request(byte[] body, long declaredLength) {
        ServletInputStream in = new ServletInputStream() {
            private final ByteArrayInputStream bytes = new ByteArrayInputStream(body);

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(IdempotencyFilterPartsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> in;
                    case "getContentLengthLong" -> declaredLength;
                    case "getCharacterEncoding" -> "UTF-8";
                    default -> null;
                });
    }

    private static byte[] readAll(HttpServletRequest request) throws IOException {
        return request.getInputStream().readAllBytes();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void aJsonBodyIsHashedAndGivenAgainWhole() throws IOException {
        byte[] body = "{\"name\":\"创新券\"}".getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = IdempotentRequest.digest(null, "application/json");
        try (RequestBody read = RequestBody.read(request(body, body.length), 1024, digest)) {
            assertEquals(IdempotentRequest.hash(null, "application/json", body), IdempotentRequest.hex(digest));
            HttpServletRequest again = read.wrap(request(new byte[0], body.length));
            assertArrayEquals(body, readAll(again));
            assertEquals(-1, again.getInputStream().read(), "and then nothing");
        }
        try (RequestBody read = RequestBody.read(request(body, -1), 1024, IdempotentRequest.digest(null, null))) {
            assertEquals("{\"name\":\"创新券\"}", read.wrap(request(new byte[0], -1)).getReader().readLine());
        }
    }

    @Test
    void anUploadAboveOneMegabyteGoesThroughATemporaryFile() throws IOException {
        byte[] body = random(3 * 1024 * 1024 + 17);
        MessageDigest digest = IdempotentRequest.digest(null, "multipart/form-data; boundary=x");
        try (RequestBody read = RequestBody.read(request(body, -1), 21L * 1024 * 1024, digest)) {
            assertArrayEquals(body, readAll(read.wrap(request(new byte[0], -1))));
            assertEquals(IdempotentRequest.hash(null, "multipart/form-data; boundary=x", body), IdempotentRequest.hex(digest));
        }
    }

    @Test
    void aBodyAboveItsLimitIsRefusedDeclaredOrNot() throws IOException {
        byte[] body = random(2048);
        assertNull(RequestBody.read(request(body, 2048), 1024, IdempotentRequest.digest(null, null)));
        assertNull(RequestBody.read(request(body, -1), 1024, IdempotentRequest.digest(null, null)), "chunked, counted");
        byte[] big = random(2 * 1024 * 1024);
        assertNull(RequestBody.read(request(big, -1), 1024 * 1024 + 10, IdempotentRequest.digest(null, null)),
                "refused after spilling to a file (which is deleted)");
    }

    private static final class Sink extends ServletOutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }

    private static HttpServletResponse response(Sink sink) {
        return (HttpServletResponse) Proxy.newProxyInstance(IdempotencyFilterPartsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getOutputStream" -> sink;
                    case "getCharacterEncoding" -> "UTF-8";
                    default -> null;
                });
    }

    @Test
    void theAnswerReachesTheClientAndIsCopiedUpToTheLimit() throws IOException {
        Sink sink = new Sink();
        CapturedResponse captured = new CapturedResponse(response(sink), 10);
        captured.getOutputStream().write("0123456789".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("0123456789".getBytes(StandardCharsets.US_ASCII), captured.body(), "exactly the limit is kept");
        captured.getOutputStream().write('!');
        assertNull(captured.body(), "one byte more: not kept");
        assertEquals("0123456789!", sink.bytes.toString(StandardCharsets.US_ASCII), "the client gets all of it");

        Sink text = new Sink();
        CapturedResponse written = new CapturedResponse(response(text), 100);
        written.getWriter().print("幂等");
        assertArrayEquals("幂等".getBytes(StandardCharsets.UTF_8), written.body());
        assertArrayEquals("幂等".getBytes(StandardCharsets.UTF_8), text.bytes.toByteArray());
    }
}
