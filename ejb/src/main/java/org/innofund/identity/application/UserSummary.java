package org.innofund.identity.application;

import org.innofund.identity.domain.OrganisationKind;
import org.innofund.identity.domain.UserAccount;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A row of the administrator's user list. */
public record UserSummary(Long id, String username, String displayName, Set<String> roles, String organisationName,
                          OrganisationKind organisationKind, boolean enabled, boolean locked, Instant createdAt)
        implements Serializable {

    static UserSummary of(UserAccount u, boolean locked) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), new TreeSet<>(u.roleNames()),
                u.getOrganisation().getName(), u.getOrganisation().getKind(), u.isEnabled(), locked, u.getCreatedAt());
    }
}
