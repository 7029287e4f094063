package org.innofund.web.declaration;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.declaration.domain.Attachment;
import org.innofund.shared.Messages;
import org.innofund.web.i18n.LocaleBean;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Faces servlet's multipart limits (web.xml) are enforced by the container while it reads the parts, before any
 * page code runs; unchecked, an oversized upload would end on the error page. Here the parts are read first, and a
 * refusal becomes a message in the user's language: for an ajax upload a note on the page as it is (nothing typed is
 * lost), otherwise a page that explains it.
 */
@WebFilter(servletNames = "Faces Servlet", asyncSupported = true)
public class UploadLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Read and thrown away after a refusal, so the browser gets to read the answer; more and the connection is cut. */
    private static final long DRAIN_AT_MOST = 64L * 1024 * 1024;

    @Inject
    private transient LocaleBean localeBean;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getContentType();
        if ("POST".equals(request.getMethod()) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding(StandardCharsets.UTF_8.name()); // file names as the browser sent them
            }
            try {
                request.getParts();
            } catch (IllegalStateException tooLarge) {
                refuse(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        drain(request);
        String message = Messages.get(localeBean.getLocale(), "attachment.tooLarge", Attachment.MAX_BYTES / (1024 * 1024));
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter out = response.getWriter();
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><changes><eval><![CDATA["
                    + "(function(m){if(window.InnoFund&&InnoFund.uploadRefused){InnoFund.uploadRefused(m);}else{alert(m);}})("
                    + jsString(message) + ");]]></eval></changes></partial-response>");
        } else {
            // a GET of the explanation: the form post itself cannot be read, not even by an error page
            response.sendRedirect(request.getContextPath() + "/errors/413.xhtml");
        }
    }

    private static void drain(HttpServletRequest request) {
        if (request.getContentLengthLong() > DRAIN_AT_MOST) {
            return;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; read < DRAIN_AT_MOST && (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        } catch (IOException | IllegalStateException ignored) {
            // the container had read it already, or the client has gone
        }
    }

    /** A JavaScript string literal, safe inside a CDATA section and a script. */
    static String jsString(String s) {
        StringBuilder out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '\'' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ']' || c == '&' || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
