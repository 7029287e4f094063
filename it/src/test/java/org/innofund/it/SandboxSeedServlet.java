package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Test-only (added to the product's WAR by BrowserIT, never part of the product): seeds a call for the policy sandbox
 * ({@link SandboxCalls}) and answers its id, for a browser test that cannot reach the database itself.
 */
@WebServlet("/test/sandbox-call")
public class SandboxSeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:app/jdbc/innofund")
    private transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            response.getWriter().write(String.valueOf(SandboxCalls.seed(dataSource, 9)));
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
