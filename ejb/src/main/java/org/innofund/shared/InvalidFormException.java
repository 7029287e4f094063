package org.innofund.shared;

import java.util.List;

/**
 * A form refused with every problem of every field found at once, so that one submit shows all there is to fix. With
 * one problem the refusal is that problem (its key and words, as a client of the API has always received them); with
 * several it is {@code form.invalid}, counting them. Either way {@link #problems()} names each field.
 */
public class InvalidFormException extends BusinessException {

    private final List<FieldProblem> problems;

    public InvalidFormException(List<FieldProblem> problems) {
        super(Kind.INVALID, problems.size() == 1 ? problems.get(0).messageKey() : "form.invalid",
                problems.size() == 1 ? problems.get(0).arguments().toArray() : new Object[] {problems.size()});
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
