package org.innofund.shared;

import java.util.List;

/** A form refused with every problem of every field found at once, so that one submit shows all there is to fix. */
public class InvalidFormException extends BusinessException {

    private final List<FieldProblem> problems;

    public InvalidFormException(List<FieldProblem> problems) {
        super(Kind.INVALID, "form.invalid", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
