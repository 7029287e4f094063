package org.innofund.shared;

import java.io.Serializable;
import java.util.List;

/** One thing wrong with one field of a form, as a message key and its arguments, for the field's own place on the page. */
public record FieldProblem(String field, String messageKey, List<Object> arguments) implements Serializable {

    public static FieldProblem of(String field, String messageKey, Object... arguments) {
        return new FieldProblem(field, messageKey, List.of(arguments));
    }
}
