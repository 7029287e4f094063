package org.innofund.web.api;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Everything under /api that is not the API (/api/v1/* goes to JAX-RS, whose mapping is the more specific):
 * a JSON 404 like the API's own, not the HTML error page.
 */
@WebServlet(urlPatterns = "/api/*")
public class ApiNotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        ApiErrors.write(request, response, 404, "request.notFound");
    }
}
