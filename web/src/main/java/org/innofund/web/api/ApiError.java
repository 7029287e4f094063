package org.innofund.web.api;

/** Every API error: a stable code and a message in the caller's language. */
public record ApiError(String code, String message) {
}
