package org.innofund.web.evaluation;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.evaluation.application.EvaluationView;
import org.innofund.evaluation.application.Evaluations;
import org.innofund.shared.FileType;
import org.innofund.web.shared.Downloads;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An evaluation's report PDF for the pages, {@code /files/assignments/{id}/report[?version=n]} (the newest version's, or version n's): for the
 * agency once it declared no conflict and for the reviewer; who may read it is {@link Evaluations}' decision.
 */
@WebServlet(urlPatterns = EvaluationReportServlet.PREFIX + "*")
public class EvaluationReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "/files/assignments/";
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/report");

    @EJB
    private transient Evaluations evaluations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Long assignmentId = Long.valueOf(m.group(1));
        String v = request.getParameter("version");
        Integer versionNo = v != null && v.matches("\\d{1,6}") ? Integer.valueOf(v) : null;
        EvaluationView.ReportView report;
        try {
            report = evaluations.report(assignmentId, versionNo);
        } catch (RuntimeException e) {
            Downloads.refuse(response, e);
            return;
        }
        Downloads.start(response, FileType.PDF.mediaType(), report.size(), report.name());
        Downloads.stream(response, out -> evaluations.downloadReport(assignmentId, versionNo, out), "the report of assignment " + assignmentId);
    }
}
