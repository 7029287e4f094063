package org.innofund.shared;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * A refused business action. It rolls the transaction back and carries a message key that the UI and
 * the API translate with {@link Messages}, so both speak the same words in Chinese and English.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    /** What kind of refusal: the API turns it into an HTTP status. */
    public enum Kind {
        INVALID(422), NOT_FOUND(404), FORBIDDEN(403), CONFLICT(409), UNAUTHENTICATED(401),
        /** More bytes than accepted: 413 however the size came to be known (declared up front or counted while reading). */
        TOO_LARGE(413),
        /** Something the server itself lacks (a font the 申报书 PDF needs): 503, and the message says what to install. */
        UNAVAILABLE(503),
        /** Too many requests from one place in a while (a public form's rate limit): 429, the message says when to retry. */
        TOO_MANY(429);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final List<Object> arguments;

    public BusinessException(Kind kind, String messageKey, Object... arguments) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public static BusinessException invalid(String messageKey, Object... arguments) {
        return new BusinessException(Kind.INVALID, messageKey, arguments);
    }

    public static BusinessException notFound(String messageKey, Object... arguments) {
        return new BusinessException(Kind.NOT_FOUND, messageKey, arguments);
    }

    public static BusinessException forbidden(String messageKey, Object... arguments) {
        return new BusinessException(Kind.FORBIDDEN, messageKey, arguments);
    }

    public static BusinessException conflict(String messageKey, Object... arguments) {
        return new BusinessException(Kind.CONFLICT, messageKey, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
