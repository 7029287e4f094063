package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.platform.idempotency.IdempotencyKeys;
import org.innofund.platform.idempotency.IdempotentRequest;
import org.innofund.platform.idempotency.StoredKey;

import java.io.IOException;
import java.security.MessageDigest;

/**
 * The {@code Idempotency-Key} header of every state-changing API call (POST, PUT, PATCH, DELETE): the first request
 * with a key runs and its answer is kept 24 hours; the same request again gets that answer byte for byte, marked
 * {@code Idempotent-Replayed: true}, and runs nothing; another request with the key gets 409, as does the same one
 * while the first is still running. An answer of 5xx is not kept (the key is freed so that a retry runs); a 4xx is
 * kept like any other, since the request would meet it again. The rules and the store are
 * {@link IdempotencyKeys}'; this filter only reads the request and captures the answer.
 */
@WebFilter(urlPatterns = "/api/v1/*")
public class IdempotencyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    private IdempotencyKeys keys;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = request.getHeader(IdempotentRequest.HEADER);
        if (key == null || !IdempotentRequest.METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!IdempotentRequest.isValidKey(key)) {
            ApiErrors.write(request, response, 400, "idempotency.keySyntax", IdempotentRequest.MAX_KEY_LENGTH);
            return;
        }
        if (request.getUserPrincipal() == null) {
            // an anonymous caller's key would be everyone's: whoever guessed it would get the answer (a token, say)
            ApiErrors.write(request, response, 400, "idempotency.anonymous");
            return;
        }
        String path = request.getRequestURI();
        if (path.length() > IdempotentRequest.MAX_PATH_LENGTH) {
            ApiErrors.write(request, response, 400, "request.malformed");
            return;
        }
        long limit = RequestSizeFilter.limit(request.getContentType(), path);
        if (request.getContentLengthLong() > limit) {
            chain.doFilter(request, response); // the size filter refuses it (and reads it away): nothing runs, nothing kept
            return;
        }
        MessageDigest digest = IdempotentRequest.digest(request.getQueryString(), request.getContentType());
        try (RequestBody body = RequestBody.read(request, limit, digest)) {
            if (body == null) {
                RequestSizeFilter.refuse(request, response);
                return;
            }
            IdempotencyKeys.Reservation reservation = keys.reserve(key, request.getMethod(), path, IdempotentRequest.hex(digest));
            switch (reservation.decision()) {
                case RUN -> run(key, body.wrap(request), response, chain);
                case REPLAY -> replay(reservation.stored(), response);
                case IN_PROGRESS -> ApiErrors.write(request, response, 409, "idempotency.inProgress", key);
                case MISMATCH -> ApiErrors.write(request, response, 409, "idempotency.mismatch", key);
                case NOT_KEPT -> ApiErrors.write(request, response, 409, "idempotency.notKept", key,
                        String.valueOf(reservation.stored().status()));
            }
        } catch (RequestSizeFilter.TooLarge e) {
            RequestSizeFilter.refuse(request, response); // counted by the size filter, when it ran first
        }
    }

    private void run(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CapturedResponse captured = new CapturedResponse(response, StoredKey.MAX_BODY_BYTES);
        try {
            chain.doFilter(request, captured);
            captured.flushBuffer();
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (response.isCommitted() && StoredKey.keeps(response.getStatus())) {
                // answered (so done), then cut off while writing: the status is kept, never a partial body
                keys.complete(key, response.getStatus(), response.getContentType(), response.getHeader("Location"), null);
            } else {
                keys.release(key);
            }
            throw e;
        }
        keys.complete(key, response.getStatus(), response.getContentType(), response.getHeader("Location"),
                captured.body());
    }

    private static void replay(StoredKey stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        response.setHeader(IdempotentRequest.REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }
}
