package org.innofund.payment.application;

import jakarta.validation.constraints.Size;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Lengths;

import java.io.Serializable;

/**
 * Which payable items finance means: of a call, of an enterprise (its USCC exactly, or part of its name), of a subsidy
 * kind; each left null means any.
 */
public record PayableFilter(Long callId, @Size(max = Lengths.ORGANISATION_NAME) String enterprise, SubsidyKind kind)
        implements Serializable {

    public static final PayableFilter ANY = new PayableFilter(null, null, null);
}
