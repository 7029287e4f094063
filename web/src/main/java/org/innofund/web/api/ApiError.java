package org.innofund.web.api;

import java.util.List;

/**
 * Every API error: a stable code and a message in the caller's language; {@code details} lists every problem
 * when there are several (a refused submission), {@code fields} every problem of a refused form by field; both are
 * left out otherwise.
 */
public record ApiError(String code, String message, List<String> details, List<FieldError> fields) {

    public ApiError(String code, String message) {
        this(code, message, null, null);
    }

    public ApiError(String code, String message, List<String> details) {
        this(code, message, details, null);
    }

    /** One field's problem: the field as the request named it, and what is wrong in the caller's language. */
    public record FieldError(String field, String code, String message) {
    }
}
