package org.innofund.program.application;

import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.SubsidyKind;

import org.innofund.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/** A call as the public sees it in lists. */
public record CallSummary(Long id, String title, int year, String programName, SubsidyKind subsidyKind,
                          Instant opensAt, Instant closesAt, Money budget, boolean open) implements Serializable {

    public static CallSummary of(FundingCall c, Instant now) {
        return new CallSummary(c.getId(), c.getTitle(), c.getYear(), c.getProgram().getName(),
                c.getProgram().getSubsidyKind(), c.getOpensAt(), c.getClosesAt(), c.getBudget(), c.isOpen(now));
    }
}
