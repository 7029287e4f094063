package org.innofund.declaration.application;

import org.innofund.declaration.domain.DeclarationState;
import org.innofund.declaration.domain.DeclarationTransition;

import java.io.Serializable;
import java.time.Instant;

public record TransitionView(DeclarationState from, DeclarationState to, String actor, Instant at, String reason)
        implements Serializable {

    public static TransitionView of(DeclarationTransition t) {
        return new TransitionView(t.getFromState(), t.getToState(), t.getActor(), t.getOccurredAt(), t.getReason());
    }
}
