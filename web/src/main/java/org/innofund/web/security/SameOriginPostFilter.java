package org.innofund.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Page forms are accepted only when posted from the product's own pages. An anonymous visitor's view is stateless
 * (layout.xhtml), so the login and registration forms carry no ViewState token that another site could not forge; what
 * still tells a forged post apart is the browser's {@code Origin} header (or its {@code Referer}, from browsers that
 * send no Origin). A post with neither comes from a program, not from a victim's browser, and goes through. Logged-in
 * users' views keep their server-side ViewState token as well. The API is not concerned: it takes bearer tokens, no
 * cookies.
 */
@WebFilter(servletNames = "Faces Servlet", asyncSupported = true)
public class SameOriginPostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && !fromOwnPage(request.getHeader("Origin"), request.getHeader("Referer"),
                request.getHeader("Host"), request.getHeader("X-Forwarded-Host"))) {
            // not the error page: that would be a Faces postback of the forged form all over again
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write("此表单只能从本系统的页面提交。\nThis form can only be sent from InnoFund's own pages.\n"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether a post comes from a page of this host: by its Origin if the browser sent one, else by its Referer, else
     * (no browser) yes. {@code forwardedHost} is the host a reverse proxy was asked for; a browser cannot set it.
     */
    static boolean fromOwnPage(String origin, String referer, String host, String forwardedHost) {
        String source = origin != null ? origin : referer;
        if (source == null) {
            return true;
        }
        String authority;
        try {
            authority = URI.create(source.trim()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (authority == null) {
            return false; // "Origin: null" from sandboxed frames and privacy-sensitive redirects
        }
        return sameHost(authority, host) || sameHost(authority, forwardedHost);
    }

    private static boolean sameHost(String authority, String host) {
        return host != null && withoutDefaultPort(authority).equals(withoutDefaultPort(host.trim()));
    }

    private static String withoutDefaultPort(String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        return a.endsWith(":80") || a.endsWith(":443") ? a.substring(0, a.lastIndexOf(':')) : a;
    }
}
