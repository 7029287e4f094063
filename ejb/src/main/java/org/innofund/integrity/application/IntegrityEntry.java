package org.innofund.integrity.application;

import org.innofund.integrity.domain.IntegrityRecord;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One blacklist entry as the list and the API show it, with whether it holds on the bureau's today. An entry ended
 * early keeps its original period and says from which day it no longer holds ({@code endedOn}), who ended it and why;
 * {@code endable} says whether there is anything left to end.
 */
public record IntegrityEntry(Long id, long version, IntegrityRecord.SubjectKind subjectKind, String uscc,
                             String subjectName, String reason, LocalDate validFrom, LocalDate validUntil,
                             String createdBy, boolean inForce, LocalDate endedOn, String endedBy, String endReason,
                             boolean endable)
        implements Serializable {

    static IntegrityEntry of(IntegrityRecord r, LocalDate today) {
        return new IntegrityEntry(r.getId(), r.getVersion(), r.getSubjectKind(), r.getSubjectUscc(), r.getSubjectName(),
                r.getReason(), r.getValidFrom(), r.getValidUntil(), r.getCreatedBy(), r.inForceOn(today),
                r.getEndedOn().orElse(null), r.getEndedBy(), r.getEndReason(), r.canEndOn(today));
    }
}
