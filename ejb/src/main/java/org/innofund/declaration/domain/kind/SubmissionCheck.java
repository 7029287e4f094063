package org.innofund.declaration.domain.kind;

import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.Problem;
import org.innofund.program.domain.AttachmentRequirement;
import org.innofund.program.domain.FundingCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything a declaration must satisfy to be submitted, found all at once: what every declaration needs (no integrity
 * record in force, a project name, the call's required attachments) around what its call's subsidy kind asks
 * ({@link KindRules#problems}: its sections complete, amounts that are money, the kind's conditions already known at
 * submission, SUBSIDY-RULES.md).
 */
public final class SubmissionCheck {

    private SubmissionCheck() {
    }

    /**
     * @param attachedRequirements names of the call's requirements for which a file is attached
     * @param blacklistEntry       a description of the enterprise's integrity record in force, or null
     */
    public static List<Problem> problems(DeclarationContent c, FundingCall call, String enterpriseUscc,
                                         Set<String> attachedRequirements, String blacklistEntry) {
        List<Problem> problems = new ArrayList<>();
        if (blacklistEntry != null) {
            problems.add(Problem.of("submit.blacklisted", blacklistEntry));
        }
        if (c.projectName() == null || c.projectName().isBlank()) {
            problems.add(Problem.of("submit.projectName"));
        }
        problems.addAll(KindRules.of(call.getProgram().getSubsidyKind()).problems(c, call, enterpriseUscc));
        for (AttachmentRequirement r : call.getRequiredAttachments()) {
            if (r.isRequired() && !attachedRequirements.contains(r.getName())) {
                problems.add(Problem.of("submit.attachmentMissing", r.getName()));
            }
        }
        return problems;
    }
}
