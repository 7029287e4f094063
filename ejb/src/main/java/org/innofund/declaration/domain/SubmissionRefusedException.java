package org.innofund.declaration.domain;

import org.innofund.shared.BusinessException;

import java.util.List;

/** A submission refused with every problem found at once, so the enterprise can fix them all in one go. */
public class SubmissionRefusedException extends BusinessException {

    private final List<Problem> problems;

    public SubmissionRefusedException(List<Problem> problems) {
        super(Kind.INVALID, "declaration.submissionRefused", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
