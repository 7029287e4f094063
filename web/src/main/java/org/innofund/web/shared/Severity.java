package org.innofund.web.shared;

import org.innofund.project.domain.AgreementState;
import org.innofund.project.domain.ProjectState;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.program.domain.CallStatus;
import org.innofund.project.domain.ObjectionState;

import org.innofund.project.domain.ApprovalListState;
import org.innofund.project.domain.ProjectState;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one mapping from a state to the colour of its tag (a PrimeFaces severity), so that a state looks the same on
 * every page: {@code severity="#{severity.state(d.state)}"}.
 */
@Named
@ApplicationScoped
public class Severity {

    private static final Map<DeclarationState, String> DECLARATION_STATES = new EnumMap<>(Map.of(
            DeclarationState.DRAFT, "secondary",
            DeclarationState.SUBMITTED, "info",
            DeclarationState.ACCEPTED, "success",
            DeclarationState.RETURNED, "warning",
            DeclarationState.WITHDRAWN, "secondary",
            DeclarationState.REJECTED, "danger"));

    private static final Map<CallStatus, String> CALL_STATUSES = new EnumMap<>(Map.of(
            CallStatus.DRAFT, "warning",
            CallStatus.PUBLISHED, "success"));

    private static final Map<AssignmentState, String> ASSIGNMENT_STATES = new EnumMap<>(Map.of(
            AssignmentState.OFFERED, "warning",
            AssignmentState.IN_EVALUATION, "info",
            AssignmentState.SUBMITTED, "success",
            AssignmentState.IN_CORRECTION, "info",
            AssignmentState.CONFLICT_DECLARED, "danger",
            AssignmentState.REASSIGNED, "secondary"));

    private static final Map<ApprovalListState, String> APPROVAL_LIST_STATES = new EnumMap<>(Map.of(
            ApprovalListState.DRAFT, "secondary",
            ApprovalListState.SUBMITTED, "info",
            ApprovalListState.APPROVED, "success",
            ApprovalListState.RETURNED, "warning"));

    private static final Map<ProjectState, String> PROJECT_STATES = new EnumMap<>(Map.of(
            ProjectState.APPROVED, "info",
            ProjectState.PUBLICIZED, "info",
            ProjectState.CONTRACTED, "info",
            ProjectState.IN_PROGRESS, "info",
            ProjectState.MIDTERM_DONE, "info",
            ProjectState.ACCEPTED_DONE, "success",
            ProjectState.FAILED, "danger",
            ProjectState.WITHDRAWN, "secondary"));

    private static final Map<ObjectionState, String> OBJECTION_STATES = new EnumMap<>(Map.of(
            ObjectionState.OPEN, "warning",
            ObjectionState.DISMISSED, "secondary",
            ObjectionState.UPHELD, "danger"));
    private static final Map<AgreementState, String> AGREEMENT_STATES = new EnumMap<>(Map.of(
            AgreementState.DRAFT, "secondary",
            AgreementState.SUBMITTED, "info",
            AgreementState.RETURNED, "warning",
            AgreementState.CONFIRMED_BY_REVIEWER, "info",
            AgreementState.SIGNED, "success"));

    public String agreement(AgreementState state) {
        return colour(AGREEMENT_STATES, state);
    }

    public String state(DeclarationState state) {
        return colour(DECLARATION_STATES, state);
    }

    public String assignment(AssignmentState state) {
        return colour(ASSIGNMENT_STATES, state);
    }

    public String approvalList(ApprovalListState state) {
        return colour(APPROVAL_LIST_STATES, state);
    }

    public String project(ProjectState state) {
        return colour(PROJECT_STATES, state);
    }

    public String objection(ObjectionState state) {
        return colour(OBJECTION_STATES, state);
    }

    private static final Map<org.innofund.subsidy.domain.RunState, String> RUN_STATES = new EnumMap<>(Map.of(
            org.innofund.subsidy.domain.RunState.PREVIEW, "info",
            org.innofund.subsidy.domain.RunState.APPROVED, "success",
            org.innofund.subsidy.domain.RunState.SUPERSEDED, "secondary"));

    public String calculationRun(org.innofund.subsidy.domain.RunState state) {
        return colour(RUN_STATES, state);
    }

    public String callStatus(CallStatus status) {
        return colour(CALL_STATUSES, status);
    }

    /** A published call on the public site: open for declarations, or not yet. */
    public String callOpen(boolean open) {
        return open ? "success" : "info";
    }

    private static <E extends Enum<E>> String colour(Map<E, String> colours, E value) {
        if (value == null) {
            return null;
        }
        String colour = colours.get(value);
        if (colour == null) {
            throw new IllegalStateException("no colour for " + value.getDeclaringClass().getSimpleName() + "." + value);
        }
        return colour;
    }
}
