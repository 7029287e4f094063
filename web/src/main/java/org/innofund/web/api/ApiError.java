package org.innofund.web.api;

import java.util.List;

/**
 * Every API error: a stable code and a message in the caller's language; {@code details} lists every problem
 * when there are several (a refused submission), and is left out otherwise.
 */
public record ApiError(String code, String message, List<String> details) {

    public ApiError(String code, String message) {
        this(code, message, null);
    }
}
