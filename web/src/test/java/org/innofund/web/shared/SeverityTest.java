package org.innofund.web.shared;

import org.innofund.project.domain.AgreementState;
import org.innofund.project.domain.ProjectState;

import org.innofund.declaration.domain.DeclarationState;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.program.domain.CallStatus;
import org.innofund.project.domain.ObjectionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeverityTest {

    /** PrimeFaces' p:tag severities; anything else renders as no colour at all. */
    private static final Set<String> SEVERITIES = Set.of("secondary", "info", "success", "warning", "danger", "contrast");

    private final Severity severity = new Severity();

    /** A state added to the enum without a colour fails here, not on a page. */
    @ParameterizedTest
    @EnumSource(DeclarationState.class)
    void everyDeclarationStateHasAColour(DeclarationState state) {
        assertTrue(SEVERITIES.contains(severity.state(state)), state + " -> " + severity.state(state));
    }

    @ParameterizedTest
    @EnumSource(AssignmentState.class)
    void everyAssignmentStateHasAColour(AssignmentState state) {
        assertTrue(SEVERITIES.contains(severity.assignment(state)), state + " -> " + severity.assignment(state));
    }

    @ParameterizedTest
    @EnumSource(CallStatus.class)
    void everyCallStatusHasAColour(CallStatus status) {
        assertTrue(SEVERITIES.contains(severity.callStatus(status)), status + " -> " + severity.callStatus(status));
    }

    @ParameterizedTest
    @EnumSource(org.innofund.project.domain.ApprovalListState.class)
    void everyApprovalListStateHasAColour(org.innofund.project.domain.ApprovalListState state) {
        assertTrue(SEVERITIES.contains(severity.approvalList(state)), state + " -> " + severity.approvalList(state));
    }

    @ParameterizedTest
    @EnumSource(org.innofund.project.domain.ProjectState.class)
    void everyProjectStateHasAColour(org.innofund.project.domain.ProjectState state) {
        assertTrue(SEVERITIES.contains(severity.project(state)), state + " -> " + severity.project(state));
    }

    @ParameterizedTest
    @EnumSource(org.innofund.subsidy.domain.RunState.class)
    void everyCalculationRunStateHasAColour(org.innofund.subsidy.domain.RunState state) {
        assertTrue(SEVERITIES.contains(severity.calculationRun(state)), state + " -> " + severity.calculationRun(state));
    }

    @ParameterizedTest
    @EnumSource(ObjectionState.class)
    void everyObjectionStateHasAColour(ObjectionState state) {
        assertTrue(SEVERITIES.contains(severity.objection(state)), state + " -> " + severity.objection(state));
    }

    @ParameterizedTest
    @EnumSource(AgreementState.class)
    void everyAgreementStateHasAColour(AgreementState state) {
        assertTrue(SEVERITIES.contains(severity.agreement(state)), state + " -> " + severity.agreement(state));
    }

    /** The colours the pages had before they shared this mapping. */
    @Test
    void theColoursThePagesAlwaysHad() {
        assertEquals("secondary", severity.state(DeclarationState.DRAFT));
        assertEquals("info", severity.state(DeclarationState.SUBMITTED));
        assertEquals("success", severity.state(DeclarationState.ACCEPTED));
        assertEquals("warning", severity.state(DeclarationState.RETURNED));
        assertEquals("danger", severity.state(DeclarationState.REJECTED));
        assertEquals("warning", severity.callStatus(CallStatus.DRAFT));
        assertEquals("success", severity.callStatus(CallStatus.PUBLISHED));
        assertEquals("success", severity.callOpen(true));
        assertEquals("info", severity.callOpen(false));
    }

    @Test
    void noStateNoColour() {
        assertNull(severity.calculationRun(null));
        assertNull(severity.state(null));
        assertNull(severity.callStatus(null));
    }
}
