package org.innofund.web.declaration;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.declaration.application.AttachmentService;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.web.i18n.LocaleBean;
import org.innofund.web.shared.Downloads;
import org.innofund.declaration.application.AttachmentView;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A declaration's files for the pages: its attachments, {@code /files/declarations/{id}/attachments/{attachmentId}}, and
 * the 申报书 PDF of a submitted revision, {@code /files/declarations/{id}/revisions/{n}/pdf}, in the page's language. Who may
 * read which declaration is the business layer's decision; this only turns its answer into HTTP. Nothing says
 * whether another company's file exists: not readable and not there look the same (404).
 */
@WebServlet(urlPatterns = DeclarationFilesServlet.PREFIX + "*")
public class DeclarationFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "/files/declarations/";
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/attachments/(\\d{1,18})");
    private static final Pattern PRINTOUT = Pattern.compile("/(\\d{1,18})/revisions/(\\d{1,4})/pdf");

    @EJB
    private transient AttachmentService attachments;

    @EJB
    private transient DeclarationService declarations;

    @Inject
    private LocaleBean language;

    /** The link to an attachment, for the pages (relative to the context path). */
    public static String path(Long declarationId, Long attachmentId) {
        return PREFIX + declarationId + "/attachments/" + attachmentId;
    }

    /** The link to the 申报书 of a submitted revision, for the pages (relative to the context path). */
    public static String printoutPath(Long declarationId, int revision) {
        return PREFIX + declarationId + "/revisions/" + revision + "/pdf";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Matcher m = PATH.matcher(path);
        Matcher printout = PRINTOUT.matcher(path);
        if (!m.matches() && !printout.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getUserPrincipal() == null) {
            // a link followed after the session ended: log in again (the business layer would refuse anyway)
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        if (printout.matches()) {
            sendPrintout(Long.valueOf(printout.group(1)), Integer.parseInt(printout.group(2)), response);
            return;
        }
        Long declarationId = Long.valueOf(m.group(1));
        Long attachmentId = Long.valueOf(m.group(2));
        AttachmentView file;
        try {
            file = attachments.describe(declarationId, attachmentId);
        } catch (RuntimeException e) {
            Downloads.refuse(response, e);
            return;
        }
        Downloads.start(response, file.type().mediaType(), file.sizeBytes(), file.originalName());
        Downloads.stream(response, out -> attachments.download(declarationId, attachmentId, out), "attachment " + attachmentId);
    }

    private void sendPrintout(Long declarationId, int revision, HttpServletResponse response) throws IOException {
        byte[] pdf;
        try {
            pdf = declarations.printout(declarationId, revision, language.getLocale());
        } catch (RuntimeException e) {
            Downloads.refuse(response, e);
            return;
        }
        Downloads.start(response, "application/pdf", pdf.length, "申报书-" + declarationId + "-" + revision + ".pdf");
        response.getOutputStream().write(pdf);
    }
}
