package org.innofund.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.declaration.domain.Attachment;

import java.io.IOException;

/**
 * Refuses an API upload whose declared size is already beyond the attachment limit before any of it is read or
 * buffered (a 200 MB file is answered at once); uploads without a declared size are still cut off by the business
 * layer after 20 MB.
 */
@WebFilter(urlPatterns = "/api/*")
public class UploadSizeFilter extends HttpFilter {

    /** The file limit plus room for the multipart envelope and the other fields. */
    static final long MAX_REQUEST_BYTES = Attachment.MAX_BYTES + 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/") && request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            ApiErrors.write(request, response, 413, "attachment.tooLarge", Attachment.MAX_BYTES / (1024 * 1024));
            return;
        }
        chain.doFilter(request, response);
    }
}
