package org.innofund.evaluation.domain;

import org.innofund.shared.FieldProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether an agency may evaluate an enterprise's project (回避与资格): every reason against it at once, so that the
 * reviewer sees them all. The agency as the assignment finds it: suspended or not, its blacklist entry if one is in
 * force, its USCC; the enterprise's USCC; the ties recorded between the two.
 */
public final class AssignmentCheck {

    /** The agency's standing on the day of the assignment. */
    public record Agency(String name, String uscc, boolean suspended, Optional<String> blacklistEntry) {
    }

    private AssignmentCheck() {
    }

    public static List<FieldProblem> refusals(Agency agency, String enterpriseUscc, List<Relationship> ties, LocalDate today) {
        List<FieldProblem> refusals = new ArrayList<>();
        if (agency.suspended()) {
            refusals.add(FieldProblem.of("agency", "assignment.agencySuspended", agency.name()));
        }
        agency.blacklistEntry().ifPresent(entry ->
                refusals.add(FieldProblem.of("agency", "assignment.agencyBlacklisted", agency.name(), entry)));
        if (agency.uscc().equals(enterpriseUscc)) {
            refusals.add(FieldProblem.of("agency", "assignment.sameUscc", agency.name()));
        }
        ties.stream().filter(tie -> tie.bars(today)).forEach(tie -> refusals.add(FieldProblem.of("agency",
                "assignment.related", agency.name(), tie.kind(), tie.source(), tie.since())));
        return refusals;
    }
}
