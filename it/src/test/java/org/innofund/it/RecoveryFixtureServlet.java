package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import org.innofund.payment.application.LedgerPostings;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * Test-only (added to the product's WAR by BrowserIT, never part of the product), for a browser test that cannot reach
 * the database: without {@code call}, seeds a call of two enterprises ({@link SandboxCalls}) and answers its id; with
 * {@code call} (its run approved) and {@code username}, pays the first enterprise's item ({@link PaidItems}), moves the
 * user into that enterprise and answers its credit code.
 */
@WebServlet("/test/recovery-fixture")
public class RecoveryFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:app/jdbc/innofund")
    private transient DataSource dataSource;

    @Resource
    private transient UserTransaction transaction;

    @EJB
    private transient LedgerPostings postings;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String call = request.getParameter("call");
            if (call == null) {
                response.getWriter().write(String.valueOf(SandboxCalls.seed(dataSource, 2)));
                return;
            }
            long callId = Long.parseLong(call);
            long enterprise = PaidItems.enterprises(dataSource, callId).get(0);
            PaidItems.pay(dataSource, transaction, postings, callId, enterprise);
            PaidItems.attach(dataSource, request.getParameter("username"), enterprise);
            response.getWriter().write(PaidItems.uscc(dataSource, enterprise));
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
