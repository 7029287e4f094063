package org.innofund.web.shared;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Iterator;

/**
 * A form posted after its view expired (the session ended, or the server restarted) sends the user back to the page
 * the form was on, with {@code expired=1} so that the layout says "the page expired, please retry"; for ajax posts
 * too (a partial-response redirect). Without it the user met an error page (and a 500 status) for a harmless event.
 * No flash scope: that would need a session, and public pages keep none.
 */
public class ViewExpiredHandlerFactory extends ExceptionHandlerFactory {

    public ViewExpiredHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /**
     * Where to send the user back to: the page they posted from (the Referer, when it is a page of this application:
     * only its path and query are used, so it cannot lead elsewhere), else the address posted to; with {@code expired=1}.
     */
    static String returnPath(String referer, String requestUri, String contextPath) {
        String path = requestUri;
        String query = null;
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getRawPath() != null && uri.getRawPath().startsWith(contextPath + "/")) {
                    path = uri.getRawPath();
                    query = uri.getRawQuery();
                }
            } catch (IllegalArgumentException notAUri) {
                // keep the address posted to
            }
        }
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.equals("expired") && !pair.startsWith("expired=")) {
                    kept.append(pair).append('&');
                }
            }
        }
        return path + "?" + kept + "expired=1";
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                if (isViewExpired(events.next().getContext().getException())) {
                    events.remove();
                    if (!context.getResponseComplete()) {
                        ExternalContext external = context.getExternalContext();
                        HttpServletRequest request = (HttpServletRequest) external.getRequest();
                        try {
                            external.redirect(returnPath(request.getHeader("Referer"), request.getRequestURI(),
                                    external.getRequestContextPath()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        context.responseComplete();
                    }
                }
            }
            getWrapped().handle();
        }

        private static boolean isViewExpired(Throwable exception) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }
    }
}
