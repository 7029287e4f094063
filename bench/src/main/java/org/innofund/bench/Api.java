package org.innofund.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The product's JSON API over the JDK's HTTP client (HTTP/1.1, as browsers and most integrations talk to it). */
final class Api {

    private final String base;
    private final HttpClient client;
    private final Duration timeout;

    Api(String base, Duration timeout) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();
    }

    @Override
    public String toString() {
        return base;
    }

    /** A request that did not get the expected status: the run must fail, with this as the reason. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(String what, int status, String body) {
            super(what + " -> " + status + " " + abbreviate(body));
            this.status = status;
        }

        /** The API's error code, if the body is an API error. */
        String code() {
            String m = getMessage();
            int i = m.indexOf("\"code\":\"");
            return i < 0 ? null : m.substring(i + 8, m.indexOf('"', i + 8));
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonStructure expect(int status, HttpRequest request) {
        HttpResponse<String> r = send(request);
        if (r.statusCode() != status) {
            throw new Failure(request.method() + " " + request.uri().getPath(), r.statusCode(), r.body());
        }
        return r.body().isEmpty() ? null : parse(r.body());
    }

    JsonObject getJson(String path, String token) {
        return (JsonObject) expect(200, request(path, token).GET().build());
    }

    JsonArray getArray(String path, String token) {
        return (JsonArray) expect(200, request(path, token).GET().build());
    }

    byte[] getBytes(String path, String token) {
        HttpRequest req = request(path, token).GET().build();
        try {
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new Failure("GET " + req.uri().getPath(), r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + req.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonObject post(int status, String path, JsonObject body, String token) {
        return (JsonObject) expect(status, request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.toString())).build());
    }

    JsonObject put(String path, JsonObject body, String token) {
        return (JsonObject) expect(200, request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    String token(String username, String password) {
        return post(201, "api/v1/tokens", Json.createObjectBuilder().add("username", username).add("password", password)
                .build(), null).getString("token");
    }

    /** A multipart/form-data body as a browser sends it: the requirement's name, then the file. Built once, sent as is. */
    static Multipart multipart(String requirement, String fileName, byte[] content) {
        String boundary = "----innofund-bench-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"requirement\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + requirement + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    record Multipart(String contentType, byte[] body) {
    }

    HttpResponse<String> upload(long declarationId, Multipart m, String token) {
        return upload(declarationId, m, token, 0);
    }

    /**
     * Uploads at most {@code bytesPerSecond} (0: as fast as the connection takes it), as an enterprise on its own
     * office line would; the Content-Length is sent as usual.
     */
    HttpResponse<String> upload(long declarationId, Multipart m, String token, long bytesPerSecond) {
        HttpRequest.BodyPublisher body = bytesPerSecond <= 0 ? HttpRequest.BodyPublishers.ofByteArray(m.body())
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new PacedInputStream(m.body(), bytesPerSecond)), m.body().length);
        return send(request("api/v1/declarations/" + declarationId + "/attachments", token)
                .header("Content-Type", m.contentType()).POST(body).build());
    }

    /** Hands out its bytes no faster than a given rate, in 16 KiB pieces. */
    static final class PacedInputStream extends java.io.InputStream {
        private final byte[] data;
        private final long bytesPerSecond;
        private int position;
        private long started;

        PacedInputStream(byte[] data, long bytesPerSecond) {
            this.data = data;
            this.bytesPerSecond = bytesPerSecond;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= data.length) {
                return -1;
            }
            if (started == 0) {
                started = System.nanoTime();
            }
            long due = started + position * 1_000_000_000L / bytesPerSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            int n = Math.min(Math.min(len, 16 * 1024), data.length - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }

    HttpResponse<String> submit(long declarationId, long version, String token) {
        return send(request("api/v1/declarations/" + declarationId + "/submission", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + version + "}")).build());
    }

    static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
