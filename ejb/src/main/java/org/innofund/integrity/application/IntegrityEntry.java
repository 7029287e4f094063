package org.innofund.integrity.application;

import org.innofund.integrity.domain.IntegrityRecord;

import java.io.Serializable;
import java.time.LocalDate;

/** One blacklist entry as the list and the API show it, with whether it holds on the bureau's today. */
public record IntegrityEntry(Long id, IntegrityRecord.SubjectKind subjectKind, String uscc, String subjectName,
                             String reason, LocalDate validFrom, LocalDate validUntil, String createdBy, boolean inForce)
        implements Serializable {

    static IntegrityEntry of(IntegrityRecord r, LocalDate today) {
        return new IntegrityEntry(r.getId(), r.getSubjectKind(), r.getSubjectUscc(), r.getSubjectName(), r.getReason(),
                r.getValidFrom(), r.getValidUntil(), r.getCreatedBy(), r.inForceOn(today));
    }
}
