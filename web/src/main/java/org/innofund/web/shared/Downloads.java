package org.innofund.web.shared;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.shared.BusinessException;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A file sent by a servlet: its headers, its content streamed from the business layer, and refusals as HTTP statuses. */
public final class Downloads {

    private static final Logger LOG = Logger.getLogger(Downloads.class.getName());

    private Downloads() {
    }

    /** The headers of a file download under its own (possibly Chinese) name; never sniffed, never cached. */
    public static void start(HttpServletResponse response, String mediaType, long size, String fileName) {
        response.setContentType(mediaType);
        response.setContentLengthLong(size);
        response.setHeader("Content-Disposition", ContentDisposition.attachment(fileName));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
    }

    /** Streams the content after {@link #start}; a refusal before the first byte is still answered as a status. */
    public static void stream(HttpServletResponse response, Consumer<OutputStream> content, String what) throws IOException {
        try {
            content.accept(response.getOutputStream());
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                // part of the file has gone out already: all that can be done is to cut the connection short
                LOG.log(Level.WARNING, "Download of " + what + " broke off", e);
                throw new IOException("download broke off", e);
            }
            response.reset();
            refuse(response, e);
        }
    }

    /** Refusals as HTTP statuses (the container's error pages), never a stack trace. */
    public static void refuse(HttpServletResponse response, RuntimeException e) throws IOException {
        if (EjbExceptions.unwrap(e) instanceof BusinessException refusal) {
            response.sendError(switch (refusal.kind()) {
                case UNAUTHENTICATED, FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
                case UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE; // the PDF's font is not installed
                default -> HttpServletResponse.SC_NOT_FOUND;
            });
        } else if (e instanceof EJBAccessException || e instanceof AccessLocalException
                || e.getCause() instanceof AccessLocalException) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN); // a role that never reads such files
        } else {
            throw e;
        }
    }
}
