package org.innofund.web.certificate;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.certificate.application.CertificateView;
import org.innofund.certificate.application.Certificates;
import org.innofund.certificate.application.RunDocuments;
import org.innofund.web.shared.ContentDisposition;
import org.innofund.web.shared.Downloads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents for the pages: one PDF, {@code /files/certificates/{id}}, and a run's confirmations as one ZIP,
 * {@code /files/certificates/runs/{runId}.zip} (streamed; its expected length in {@code X-Expected-Length} for the
 * page's progress bar). Who may read what is the business layer's decision; this turns its answer into HTTP.
 */
@WebServlet(urlPatterns = CertificateFilesServlet.PREFIX + "*")
public class CertificateFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "/files/certificates/";
    private static final Pattern ONE = Pattern.compile("/(\\d{1,18})");
    private static final Pattern RUN = Pattern.compile("/runs/(\\d{1,18})\\.zip");

    @EJB
    private transient Certificates certificates;

    /** Where a page links a document's PDF. */
    public static String path(long certificateId) {
        return PREFIX + certificateId;
    }

    /** Where a page fetches a run's ZIP. */
    public static String runZipPath(long runId) {
        return PREFIX + "runs/" + runId + ".zip";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Matcher one = ONE.matcher(path);
        Matcher run = RUN.matcher(path);
        if (!one.matches() && !run.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        if (one.matches()) {
            long id = Long.parseLong(one.group(1));
            CertificateView document;
            byte[] pdf;
            try {
                document = certificates.get(id);
                pdf = certificates.pdf(id);
            } catch (RuntimeException e) {
                Downloads.refuse(response, e);
                return;
            }
            Downloads.start(response, "application/pdf", pdf.length, document.fileName());
            response.getOutputStream().write(pdf);
            return;
        }
        long runId = Long.parseLong(run.group(1));
        RunDocuments zip;
        try {
            zip = certificates.runDocuments(runId);
        } catch (RuntimeException e) {
            Downloads.refuse(response, e);
            return;
        }
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", ContentDisposition.attachment(zip.fileName()));
        response.setHeader("X-Expected-Length", String.valueOf(zip.expectedBytes()));
        Downloads.stream(response, out -> {
            try {
                certificates.writeRunZip(runId, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "confirmations of run " + runId);
    }
}
