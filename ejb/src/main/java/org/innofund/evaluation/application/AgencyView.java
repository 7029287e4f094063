package org.innofund.evaluation.application;

import org.innofund.declaration.domain.ProjectField;
import org.innofund.evaluation.domain.AgencyProfile;
import org.innofund.identity.domain.Organisation;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An evaluation agency as the admin's list, the reviewer's choice and the API show it. {@code version} is the one an
 * edit, a suspension or a resumption names ({@link #versionOf}). The reviewer's view leaves out the contact (the admin's business).
 */
public record AgencyView(Long id, String name, String uscc, String qualification, Set<ProjectField> fields,
                         String contactName, String contactPhone, boolean suspended, String suspensionReason, long version)
        implements Serializable {

    /** An agency registered before it had a profile counts as not suspended, nothing declared, version 0. */
    static AgencyView of(Organisation agency, AgencyProfile profile) {
        return new AgencyView(agency.getId(), agency.getName(), agency.getUscc().orElse(null),
                profile == null ? null : profile.getQualification(),
                profile == null || profile.getFields().isEmpty() ? Set.of()
                        : Collections.unmodifiableSet(EnumSet.copyOf(profile.getFields())),
                agency.getContactName(), agency.getContactPhone(), profile != null && profile.isSuspended(),
                profile == null ? null : profile.getSuspensionReason(), versionOf(agency, profile));
    }

    /**
     * The version an edit names: the organisation's (name, contact: identity's) plus its profile's (qualification,
     * fields, suspension). Each only rises, so the sum moves whenever either changes, and a stale form is refused
     * whichever half it would have overwritten.
     */
    static long versionOf(Organisation agency, AgencyProfile profile) {
        return agency.getVersion() + (profile == null ? 0 : profile.getVersion());
    }

    /** Without the contact. */
    AgencyView forReviewer() {
        return new AgencyView(id, name, uscc, qualification, fields, null, null, suspended, suspensionReason, version);
    }
}
