package org.innofund.web.publicsite;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.program.application.CallNotices;
import org.innofund.program.application.NoticeView;
import org.innofund.web.shared.Downloads;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call's official notice (正式通知), {@code /files/calls/{id}/notice}, for anyone once the call is published and for the
 * bureau before; who may read it is the business layer's decision (a draft's notice is not found for the public).
 */
@WebServlet(urlPatterns = CallNoticeServlet.PREFIX + "*")
public class CallNoticeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PREFIX = "/files/calls/";
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/notice");

    @EJB
    private transient CallNotices notices;

    /** The link to a call's notice, for the pages (relative to the context path). */
    public static String path(Long callId) {
        return PREFIX + callId + "/notice";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Long callId = Long.valueOf(m.group(1));
        Optional<NoticeView> notice;
        try {
            notice = notices.notice(callId);
        } catch (RuntimeException e) {
            Downloads.refuse(response, e);
            return;
        }
        if (notice.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Downloads.start(response, notice.get().type().mediaType(), notice.get().sizeBytes(), notice.get().originalName());
        Downloads.stream(response, out -> notices.download(callId, out), "the notice of call " + callId);
    }
}
