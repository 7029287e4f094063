package org.innofund.evaluation.application;

import org.innofund.evaluation.domain.AgencyRelationship;
import org.innofund.evaluation.domain.RelationshipKind;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** 关联关系 as the reviewer's list shows it: both sides by name, the kind, its source and date, who recorded it when. */
public record RelationshipView(Long id, Long agencyId, String agencyName, Long enterpriseId, String enterpriseName,
                               RelationshipKind kind, String source, LocalDate since, String recordedBy, Instant recordedAt)
        implements Serializable {

    static RelationshipView of(AgencyRelationship r, String agencyName, String enterpriseName) {
        return new RelationshipView(r.getId(), r.getAgencyId(), agencyName, r.getEnterpriseId(), enterpriseName, r.getKind(),
                r.getSource(), r.getSince(), r.getRecordedBy(), r.getCreatedAt());
    }
}
