package org.innofund.declaration.domain;

import java.io.Serializable;
import java.util.List;

/** One thing wrong with a declaration, as a message key and its arguments. */
public record Problem(String messageKey, List<Object> arguments) implements Serializable {

    public static Problem of(String messageKey, Object... arguments) {
        return new Problem(messageKey, List.of(arguments));
    }
}
