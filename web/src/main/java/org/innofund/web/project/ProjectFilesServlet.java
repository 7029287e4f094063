package org.innofund.web.project;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.project.application.AgreementView;
import org.innofund.project.application.TaskAgreements;
import org.innofund.web.shared.Downloads;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's files for the pages: a progress report's PDF, {@code /files/projects/{id}/reports/files/{fileId}}. Who
 * may read which project is the business layer's decision (another enterprise's: 404, audited); this only turns its
 * answer into HTTP, as {@code DeclarationFilesServlet} does for declarations.
 */
@WebServlet(urlPatterns = ProjectFilesServlet.PREFIX + "*")
public class ProjectFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "/files/projects/";
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/reports/files/(\\d{1,18})");

    @EJB
    private transient TaskAgreements agreements;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        Long projectId = Long.valueOf(m.group(1));
        Long fileId = Long.valueOf(m.group(2));
        AgreementView.ReportFile file;
        try {
            file = agreements.reportFile(projectId, fileId);
        } catch (RuntimeException e) {
            Downloads.refuse(response, e);
            return;
        }
        Downloads.start(response, "application/pdf", file.size(), file.name());
        Downloads.stream(response, out -> agreements.downloadReportFile(projectId, fileId, out), "report file " + fileId);
    }
}
