package org.innofund.program.application;

import org.innofund.program.domain.Program;
import org.innofund.program.domain.SubsidyKind;

import java.io.Serializable;

/** A programme (专项) as lists, forms and the API show it, with how many calls (drafts included) it has. */
public record ProgramView(Long id, String name, SubsidyKind subsidyKind, String department, long calls) implements Serializable {

    static ProgramView of(Program p, long calls) {
        return new ProgramView(p.getId(), p.getName(), p.getSubsidyKind(), p.getDepartment(), calls);
    }
}
