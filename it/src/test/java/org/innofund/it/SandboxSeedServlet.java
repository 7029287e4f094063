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
 * Test-only (added to the product's WAR by BrowserIT, never part of the product): seeds a call of nine enterprises for
 * the policy sandbox or a calculation run ({@link SandboxCalls}; {@code ?budget=} another budget than 100,000,000.00,
 * {@code ?enterprises=} another count, {@code ?accounts=true} each enterprise's payee account) and answers its id,
 * for a browser test that cannot reach the database itself.
 */
@WebServlet("/test/sandbox-call")
public class SandboxSeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:app/jdbc/innofund")
    private transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String budget = request.getParameter("budget"); // the calculation journey's, for a pro-rata
            String enterprises = request.getParameter("enterprises"); // the payment journey's: fewer
            int count = enterprises == null ? 9 : Integer.parseInt(enterprises);
            long callId = budget == null ? SandboxCalls.seed(dataSource, count)
                    : SandboxCalls.seed(dataSource, count, new java.math.BigDecimal(budget));
            if ("true".equals(request.getParameter("accounts"))) { // each enterprise's payee account
                SandboxCalls.giveAccounts(dataSource, callId);
            }
            response.getWriter().write(String.valueOf(callId));
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
