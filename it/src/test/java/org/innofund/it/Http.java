package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small HTTP client for the product: JSON API calls and JSF form posts, with its own cookie jar (one "browser"). */
public final class Http {

    public static final String BASE = System.getProperty("innofund.baseUrl", "http://localhost:8080/innofund/");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** PrimeFaces' CSP nonce of the page (on its scripts), which its script adds to every post. */
    private static final Pattern CSP_NONCE = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"");

    private final HttpClient client;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    public Http() {
        client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static URI uri(String path) {
        return URI.create(BASE + (path.startsWith("/") ? path.substring(1) : path));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in through the login page, as a browser would; returns the answer to the form post. */
    public HttpResponse<String> formLogin(String username, String password) {
        HttpResponse<String> page = get("login.xhtml");
        Map<String, String> fields = new java.util.HashMap<>(Map.of(
                "loginForm", "loginForm",
                "loginForm:username", username,
                "loginForm:password", password,
                "loginForm:submit", "",
                "jakarta.faces.ViewState", viewState(page.body())));
        String nonce = cspNonce(page.body());
        if (nonce != null) {
            fields.put("primefaces.nonce", nonce);
        }
        return postForm("login.xhtml", fields);
    }

    /** The page's CSP nonce, as the browser posts it back with a form (PrimeFaces checks it), or null. */
    public static String cspNonce(String html) {
        Matcher m = CSP_NONCE.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No view state in page: " + html.substring(0, Math.min(500, html.length())));
        }
        return m.group(1).replace("&#58;", ":");
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) jsonOf(response);
    }

    public static JsonStructure jsonOf(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        } catch (RuntimeException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A multipart/form-data upload of one file under the field "file", plus plain text fields. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, String contentType,
                                       byte[] content, String... headers) {
        return upload(path, fields, fileName, contentType, content, false, headers);
    }

    /** With {@code chunked}, the body is streamed without a declared length. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, String contentType,
                                       byte[] content, boolean chunked, String... headers) {
        return upload("POST", path, fields, fileName, contentType, content, chunked, headers);
    }

    /** The same with PUT (a file that replaces the one before, as a call's notice). */
    public HttpResponse<String> putUpload(String path, Map<String, String> fields, String fileName, String contentType,
                                          byte[] content, String... headers) {
        return upload("PUT", path, fields, fileName, contentType, content, false, headers);
    }

    private HttpResponse<String> upload(String method, String path, Map<String, String> fields, String fileName,
                                        String contentType, byte[] content, boolean chunked, String... headers) {
        String boundary = "----innofund" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            textParts(body, boundary, fields);
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] bytes = body.toByteArray();
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, publisher), headers);
    }

    /** A multipart/form-data POST of plain text fields and files, each file under the field "files" (name to content). */
    public HttpResponse<String> uploadFiles(String path, Map<String, String> fields, Map<String, byte[]> files,
                                            String... headers) {
        String boundary = "----innofund" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            textParts(body, boundary, fields);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(f.getValue());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers);
    }

    private static void textParts(java.io.ByteArrayOutputStream body, String boundary, Map<String, String> fields)
            throws IOException {
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> putJson(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /**
     * Announces a multipart upload of the given size but sends only its headers, and returns the raw answer: the
     * server must refuse from the declared size alone, without waiting for (or buffering) the body.
     */
    public static String announceUpload(String path, long declaredBytes, String token) {
        URI target = uri(path);
        try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: " + declaredBytes + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // read the answer only (the server may keep the connection open for a body that never comes)
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            java.io.InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                answer.write(buffer, 0, n);
                String text = answer.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
                if (end >= 0 && length.find()
                        && answer.size() - (end + 4) >= Integer.parseInt(length.group(1))) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- API helpers ---

    /** A bearer token for the user, or fails the test. */
    public String token(String username, String password) {
        HttpResponse<String> r = postJson("api/v1/tokens", tokenRequest(username, password));
        if (r.statusCode() != 201) {
            throw new AssertionError("token for " + username + ": " + r.statusCode() + " " + r.body());
        }
        return json(r).getString("token");
    }

    public static String tokenRequest(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    public static String[] bearer(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }

    /** Registers a new enterprise (its first user and its password) and returns that user's bearer token. */
    public String registerEnterprise(String username, String uscc, String password) {
        String body = Json.createObjectBuilder().add("companyName", "测试企业" + username).add("uscc", uscc)
                .add("contactName", "联系人").add("contactPhone", "0574-12345678")
                .add("username", username).add("password", password).build().toString();
        HttpResponse<String> r = postJson("api/v1/registrations", body);
        if (r.statusCode() != 201) {
            throw new AssertionError("registration of " + username + ": " + r.statusCode() + " " + r.body());
        }
        return token(username, password);
    }

    /** The id of the open call of a subsidy kind (the demo data has one of each; a test may publish one not open yet). */
    public long callOfKind(String kind) {
        jakarta.json.JsonArray calls = (jakarta.json.JsonArray) jsonOf(get("api/v1/calls"));
        return calls.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("subsidyKind").equals(kind) && c.getBoolean("open"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    /** The id of a declaration as the API answers it. */
    public static long declarationId(JsonObject detail) {
        return detail.getJsonObject("summary").getJsonNumber("id").longValue();
    }

    /** The version of a declaration as the API answers it: what the next change must carry. */
    public static long declarationVersion(JsonObject detail) {
        return detail.getJsonObject("summary").getJsonNumber("version").longValue();
    }

    /** A new program and a draft call of it, made by the reviewer through the API; the call as answered. */
    public JsonObject draftCall(String reviewerToken, String title) {
        HttpResponse<String> program = postJson("api/v1/bureau/programs", Json.createObjectBuilder()
                .add("name", title + "（项目类别）").add("subsidyKind", "REWARD").add("department", "高新技术科")
                .build().toString(), bearer(reviewerToken));
        if (program.statusCode() != 201) {
            throw new AssertionError("program: " + program.statusCode() + " " + program.body());
        }
        java.time.Instant opens = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        HttpResponse<String> call = postJson("api/v1/bureau/calls", Json.createObjectBuilder()
                .add("programId", json(program).getJsonNumber("id").longValue()).add("title", title).add("year", 2027)
                .add("opensAt", opens.toString()).add("closesAt", opens.plus(30, java.time.temporal.ChronoUnit.DAYS).toString())
                .add("budget", 1000000.00).build().toString(), bearer(reviewerToken));
        if (call.statusCode() != 201) {
            throw new AssertionError("call: " + call.statusCode() + " " + call.body());
        }
        return json(call);
    }

    /** Moves the server's clock {@code ahead} of the real time (PT0S puts it back), as the administrator. */
    public void moveClock(Duration ahead) {
        HttpResponse<String> moved = putJson("api/v1/test/clock", "{\"offset\":\"" + ahead + "\"}",
                bearer(token("admin", TestData.DEMO_PASSWORD)));
        if (moved.statusCode() != 200) {
            throw new AssertionError("the clock did not move: " + moved.statusCode() + " " + moved.body());
        }
    }
}
