package org.innofund.project.application;

import org.innofund.declaration.domain.ProjectField;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectState;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A project in a list. {@code version} goes back with any change; the acceptance result once accepted or failed. */
public record ProjectSummary(Long id, Long declarationId, Long callId, Long enterpriseId, Long approvalListId,
                             SubsidyKind kind, String enterpriseName, String projectName, ProjectField field,
                             Money approvedAmount, Grade agencyGrade, BigDecimal agencyScore, ProjectState state,
                             Instant approvedAt, long version, Grade acceptanceGrade, Money auditedSpend)
        implements Serializable {

    public static ProjectSummary of(Project p) {
        return new ProjectSummary(p.getId(), p.getDeclarationId(), p.getCallId(), p.getEnterpriseId(),
                p.getApprovalListId(), p.getKind(), p.getEnterpriseName(), p.getProjectName(), p.getField(),
                p.getApprovedAmount(), p.getAgencyGrade(), p.getAgencyScore(), p.getState(), p.getCreatedAt(),
                p.getVersion(), p.getAcceptanceGrade(), p.getAuditedSpend());
    }
}
