package org.innofund.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.certificate.application.Certificates;
import org.innofund.declaration.domain.Attachment;
import org.innofund.evaluation.infrastructure.BatchFiles;
import org.innofund.project.application.TaskAgreements;
import org.innofund.project.domain.ProgressReportFile;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * How much an API request may carry: an upload its file and envelope, any other (JSON) body 1 MB. A declared
 * Content-Length beyond that is answered 413 before any of it is read; a chunked body is counted while it is read
 * and stopped at the limit, which {@link ApiExceptionMapper} answers 413 too. (An upload's file is also counted by the
 * business layer, whose refusal is 413 as well.)
 */
@WebFilter(urlPatterns = "/api/*")
public class RequestSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The file limit plus room for the multipart envelope and the other fields. */
    static final long MAX_UPLOAD_BYTES = Attachment.MAX_BYTES + 1024 * 1024;
    static final long MAX_JSON_BYTES = 1024 * 1024;
    /** The public verification of a certificate's PDF (anyone may send it): its file limit and a little envelope. */
    static final long MAX_VERIFY_BYTES = Certificates.MAX_UPLOAD_BYTES + 64 * 1024;
    private static final String VERIFY = "/api/v1/certificates/verify";
    /** A bulk evaluation upload (the workbook and its report PDFs) may be larger than one attachment. */
    static final long MAX_BATCH_BYTES = BatchFiles.MAX_BATCH_BYTES + BatchFiles.MAX_WORKBOOK_BYTES + 1024 * 1024;
    /** A progress report goes with up to five files of an attachment's limit each, in one request. */
    static final long MAX_REPORT_BYTES = ProgressReportFile.MAX_PER_REPORT * TaskAgreements.FILE_MAX_BYTES + 1024 * 1024;
    private static final Pattern REPORT = Pattern.compile(".*/api/v1/projects/\\d+/agreement/reports/?");
    /**
     * A refused body up to this size is read and thrown away, so that the client, still sending, gets to read the
     * 413 (HTTP clients fail with "connection closed" otherwise); a bigger one is cut off at once.
     */
    static final long DRAIN_AT_MOST = 8L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase().startsWith("multipart/");
        long limit = limit(type, request.getRequestURI());
        if (request.getContentLengthLong() > limit) {
            if (request.getContentLengthLong() <= DRAIN_AT_MOST) {
                drain(request);
            }
            refuse(request, response);
            return;
        }
        if (upload) {
            chain.doFilter(request, response);
            return;
        }
        Limited limited = new Limited(request, limit);
        chain.doFilter(limited, response);
        if (limited.stream != null && limited.stream.exceeded) {
            drain(request);
        }
    }

    /** The 413 of a request above its {@link #limit}, saying which limit. */
    static void refuse(HttpServletRequest request, HttpServletResponse response) {
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase().startsWith("multipart/");
        if (upload && request.getRequestURI().contains("/api/v1/evaluations/batch")) {
            ApiErrors.write(request, response, 413, "batch.tooLarge", BatchFiles.MAX_BATCH_BYTES / (1024 * 1024));
        } else if (upload && request.getRequestURI().endsWith(VERIFY)) {
            ApiErrors.write(request, response, 413, "certificate.uploadTooLarge", Certificates.MAX_UPLOAD_BYTES / (1024 * 1024));
        } else if (upload) {
            ApiErrors.write(request, response, 413, "attachment.tooLarge", Attachment.MAX_BYTES / (1024 * 1024));
        } else {
            ApiErrors.write(request, response, 413, "request.tooLarge", MAX_JSON_BYTES / (1024 * 1024));
        }
    }

    /** How many bytes a request of this type to this address may carry. */
    static long limit(String contentType, String uri) {
        boolean upload = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        if (!upload) {
            return MAX_JSON_BYTES;
        }
        if (uri.contains("/api/v1/evaluations/batch")) {
            return MAX_BATCH_BYTES;
        }
        if (uri.endsWith(VERIFY)) {
            return MAX_VERIFY_BYTES;
        }
        return REPORT.matcher(uri).matches() ? MAX_REPORT_BYTES : MAX_UPLOAD_BYTES;
    }

    private static void drain(HttpServletRequest request) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        ServletInputStream in = request.getInputStream();
        int n;
        while (total < DRAIN_AT_MOST && (n = in.read(buffer)) != -1) {
            total += n;
        }
    }

    /** Raised by the counting stream; the mapper finds it among the causes of whatever the JSON reader throws. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body above " + MAX_JSON_BYTES + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private Counting stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;
        private boolean exceeded;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) throws TooLarge {
            if (n > 0 && (read += n) > limit) {
                exceeded = true;
                throw new TooLarge();
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
