package org.innofund.web.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A request's body read whole before the request runs (its hash decides whether it runs), to be read again by the
 * application: in memory up to 1 MB (every JSON body), in a temporary file beyond (an upload), deleted at close.
 */
final class RequestBody implements AutoCloseable {

    private static final int IN_MEMORY = 1024 * 1024;

    private final byte[] bytes;
    private final Path file;

    private RequestBody(byte[] bytes, Path file) {
        this.bytes = bytes;
        this.file = file;
    }

    /** The body, each byte also given to the digest; {@code null} when it is longer than {@code limit}. */
    static RequestBody read(HttpServletRequest request, long limit, MessageDigest digest) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        InputStream in = request.getInputStream();
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        OutputStream out = memory;
        Path file = null;
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    if (file != null) {
                        out.close();
                        Files.deleteIfExists(file);
                    }
                    return null;
                }
                digest.update(buffer, 0, n);
                if (file == null && total > IN_MEMORY) {
                    file = Files.createTempFile("innofund-request-", ".body");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                }
                out.write(buffer, 0, n);
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                out.close();
                Files.deleteIfExists(file);
            }
            throw e;
        }
        return file == null ? new RequestBody(memory.toByteArray(), null) : new RequestBody(null, file);
    }

    /** The request, its body read from here. */
    HttpServletRequest wrap(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            private ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) {
                    stream = new Replay(file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file));
                }
                return stream;
            }

            @Override
            public BufferedReader getReader() throws IOException {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private static final class Replay extends ServletInputStream {
        private final InputStream in;
        private boolean finished;

        Replay(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            finished = b == -1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            finished = n == -1;
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body was read before the request ran: no asynchronous reading");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
