package org.innofund.identity.application;

import org.innofund.identity.domain.OrganisationKind;
import org.innofund.identity.domain.UserAccount;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A row of the administrator's user list, with the version an edit of it must name. */
public record UserSummary(Long id, long version, String username, String displayName, String department,
                          Set<String> roles, String organisationName, OrganisationKind organisationKind,
                          boolean enabled, boolean locked, Instant createdAt)
        implements Serializable {

    static UserSummary of(UserAccount u, boolean locked) {
        return new UserSummary(u.getId(), u.getVersion(), u.getUsername(), u.getDisplayName(),
                u.getDepartment().orElse(null), new TreeSet<>(u.roleNames()), u.getOrganisation().getName(),
                u.getOrganisation().getKind(), u.isEnabled(), locked, u.getCreatedAt());
    }
}
