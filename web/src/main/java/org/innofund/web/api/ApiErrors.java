package org.innofund.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innofund.shared.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Writes {@link ApiError}s, in the language the request asks for (Chinese unless English is asked). */
public final class ApiErrors {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ApiErrors() {
    }

    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Messages.DEFAULT_LOCALE;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(r -> r.getWeight() > 0) // q=0 means "not acceptable" (RFC 9110, 12.4.2)
                    .map(r -> Locale.forLanguageTag(r.getRange()))
                    .filter(l -> "en".equals(l.getLanguage()) || "zh".equals(l.getLanguage()))
                    .findFirst().map(Messages::supported).orElse(Messages.DEFAULT_LOCALE);
        } catch (IllegalArgumentException malformed) {
            return Messages.DEFAULT_LOCALE;
        }
    }

    public static ApiError error(Locale locale, String messageKey, Object... arguments) {
        return new ApiError(messageKey, Messages.get(locale, messageKey, arguments));
    }

    /** For the authentication mechanism, which answers before JAX-RS is reached. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
                             Object... arguments) {
        ApiError error = error(locale(request.getHeader("Accept-Language")), messageKey, arguments);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        try {
            response.getOutputStream().write(JSONB.toJson(error).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
