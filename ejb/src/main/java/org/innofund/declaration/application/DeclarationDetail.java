package org.innofund.declaration.application;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.program.domain.AttachmentRequirement;

import java.io.Serializable;
import java.util.List;

/**
 * One declaration with everything on it: content, attachments, history, what its call requires, and what still
 * stands in the way of submitting it (the completeness checklist; empty once it is complete).
 */
public record DeclarationDetail(DeclarationSummary summary, DeclarationContent content, List<AttachmentView> attachments,
                                List<TransitionView> history, List<RequirementView> requirements, List<Problem> problems,
                                boolean editable) implements Serializable {

    /** The files in force: a withdrawn one stays in the list, for the record, but no longer counts. */
    public List<AttachmentView> currentAttachments() {
        return attachments.stream().filter(a -> !a.withdrawn()).toList();
    }

    /** The file in force for a requirement of the call (the latest, if several), or null if none. */
    public AttachmentView attachedFor(String requirement) {
        return currentAttachments().stream().filter(a -> a.requirement().equals(requirement))
                .reduce((first, second) -> second).orElse(null);
    }

    public record RequirementView(String name, boolean required, String allowedTypes) implements Serializable {
        public static RequirementView of(AttachmentRequirement r) {
            return new RequirementView(r.getName(), r.isRequired(),
                    org.innofund.shared.FileType.formatList(r.getAllowedTypes()));
        }
    }
}
