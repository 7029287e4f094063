package org.innofund.identity.application;

import org.innofund.identity.domain.OrganisationKind;
import org.innofund.identity.domain.UserAccount;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/** The logged-in user as shown to the UI and the API. */
public record CallerView(Long userId, String username, String displayName, Set<String> roles,
                         Long organisationId, String organisationName, OrganisationKind organisationKind,
                         String organisationUscc) implements Serializable {

    public static CallerView of(UserAccount u) {
        return new CallerView(u.getId(), u.getUsername(), u.getDisplayName(), new TreeSet<>(u.roleNames()),
                u.getOrganisation().getId(), u.getOrganisation().getName(), u.getOrganisation().getKind(),
                u.getOrganisation().getUscc().orElse(null));
    }
}
