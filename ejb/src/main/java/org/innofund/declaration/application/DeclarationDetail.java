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

    public record RequirementView(String name, boolean required, String allowedTypes) implements Serializable {
        public static RequirementView of(AttachmentRequirement r) {
            return new RequirementView(r.getName(), r.isRequired(),
                    org.innofund.shared.FileType.formatList(r.getAllowedTypes()));
        }
    }
}
