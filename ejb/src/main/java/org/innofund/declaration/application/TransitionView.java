package org.innofund.declaration.application;

import org.innofund.declaration.domain.DeclarationState;
import org.innofund.declaration.domain.DeclarationTransition;

import java.io.Serializable;
import java.time.Instant;

/**
 * One step of a declaration's history. {@code actor} is who acted as the reader may see them (issue 9 item 5): the
 * enterprise sees its own people by name and the bureau by its department (业务科室); the bureau sees name and department.
 */
public record TransitionView(DeclarationState from, DeclarationState to, String actor, Instant at, String reason)
        implements Serializable {

    public static TransitionView of(DeclarationTransition t, String actorAsSeen) {
        return new TransitionView(t.getFromState(), t.getToState(), actorAsSeen, t.getOccurredAt(), t.getReason());
    }
}
