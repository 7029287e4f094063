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
 * Test-only (added to the product's WAR by BrowserIT, never part of the product): a second user of an enterprise
 * ({@link EnterpriseUsers}: {@code from}'s copy named {@code username}, of organisation {@code organisation}), for a
 * browser test that cannot reach the database itself.
 */
@WebServlet("/test/enterprise-user")
public class EnterpriseUserSeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:app/jdbc/innofund")
    private transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            EnterpriseUsers.copy(dataSource, request.getParameter("from"), request.getParameter("username"),
                    request.getParameter("displayName"), Long.parseLong(request.getParameter("organisation")));
            response.setStatus(201);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
