package org.innofund.web.api;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.innofund.declaration.domain.SubmissionRefusedException;
import org.innofund.shared.BusinessException;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Messages;
import org.innofund.web.shared.EjbExceptions;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Turns every failure into JSON {@code {"code","message"}} with its HTTP status; never a stack trace or an HTML page. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    private HttpHeaders headers;

    @Context
    private SecurityContext security;

    @Override
    public Response toResponse(Throwable thrown) {
        Locale locale = ApiErrors.locale(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Throwable e = unwrap(thrown);
        if (causedBy(thrown, RequestSizeFilter.TooLarge.class)) {
            return respond(413, ApiErrors.error(locale, "request.tooLarge", RequestSizeFilter.MAX_JSON_BYTES / (1024 * 1024)));
        }
        if (e instanceof SubmissionRefusedException refused) {
            return respond(422, new ApiError(refused.messageKey(), Messages.get(locale, refused),
                    refused.problems().stream().map(p -> Messages.get(locale, p.messageKey(), p.arguments().toArray())).toList()));
        }
        if (e instanceof InvalidFormException form) {
            return respond(422, new ApiError(form.messageKey(), Messages.get(locale, form), null, form.problems().stream()
                    .map(p -> new ApiError.FieldError(p.field(), p.messageKey(), Messages.get(locale, p.messageKey(), p.arguments().toArray())))
                    .toList()));
        }
        if (e instanceof BusinessException b) {
            return respond(b.kind().httpStatus(), new ApiError(b.messageKey(), Messages.get(locale, b)));
        }
        if (e instanceof EJBAccessException || e instanceof AccessLocalException) {
            boolean anonymous = security == null || security.getUserPrincipal() == null;
            return anonymous ? respond(401, ApiErrors.error(locale, "auth.required"))
                    : respond(403, ApiErrors.error(locale, "auth.forbidden"));
        }
        if (e instanceof ConstraintViolationException cve) {
            String details = cve.getConstraintViolations().stream()
                    .map(ApiExceptionMapper::describe).sorted().collect(Collectors.joining("; "));
            return respond(422, new ApiError("validation.failed", Messages.get(locale, "validation.failed", details)));
        }
        if (e instanceof OptimisticLockException) {
            return respond(409, ApiErrors.error(locale, "request.conflict"));
        }
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() == 404 && wae.getCause() != null) {
            // a path or query value that does not convert (/declarations/abc, ?state=x): the request is wrong, not the address
            return respond(400, ApiErrors.error(locale, "request.badParameter", parameterName(wae)));
        }
        if (e instanceof NotFoundException) {
            return respond(404, ApiErrors.error(locale, "request.notFound"));
        }
        if (e instanceof NotAllowedException) {
            return respond(405, ApiErrors.error(locale, "request.methodNotAllowed"));
        }
        if (e instanceof NotSupportedException) {
            return respond(415, ApiErrors.error(locale, "request.unsupportedMediaType"));
        }
        if (e instanceof JsonbException || e instanceof ProcessingException) {
            return respond(400, ApiErrors.error(locale, "request.malformed"));
        }
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            String key = status == 401 ? "auth.required" : status == 403 ? "auth.forbidden" : "request.malformed";
            return respond(status, ApiErrors.error(locale, key));
        }
        LOG.log(Level.SEVERE, "Unexpected API failure", thrown);
        return respond(500, ApiErrors.error(locale, "server.error"));
    }

    /** The field as the client sent it, e.g. content.summary: the violation path without the service method. */
    static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.indexOf('.');
        return (dot >= 0 ? path.substring(dot + 1) : path) + ": " + v.getMessage();
    }

    /** Jersey's ParamException names the parameter; other implementations may not, so ask without depending on it. */
    private static String parameterName(WebApplicationException e) {
        try {
            Object name = e.getClass().getMethod("getParameterName").invoke(e);
            return name == null ? "?" : name.toString();
        } catch (ReflectiveOperationException | RuntimeException notJersey) {
            return "?";
        }
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** EJB and persistence layers wrap the real cause; dig it out. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        for (int depth = 0; depth < 10 && e != null; depth++) {
            if (e instanceof BusinessException || e instanceof EJBAccessException || e instanceof AccessLocalException
                    || e instanceof ConstraintViolationException || e instanceof OptimisticLockException) {
                return e;
            }
            if (!(e instanceof EJBException) && !(e instanceof jakarta.persistence.PersistenceException)
                    && !(e instanceof jakarta.transaction.RollbackException)) {
                return e;
            }
            Throwable cause = e instanceof EJBException ? EjbExceptions.unwrap(e) : e.getCause();
            if (cause == null || cause == e) {
                return e;
            }
            e = cause;
        }
        return thrown;
    }

    private static Response respond(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(error).build();
    }
}
