package org.innofund.subsidy.domain;

import org.innofund.declaration.domain.kind.Calculation;

import java.util.List;

/** The steps that explain a request's amount, in Chinese and English, as they were computed at the import. */
public record RequestSteps(List<Calculation.Step> steps) {

    public RequestSteps {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
