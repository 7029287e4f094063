package org.innofund.identity.application;

import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.UserAccount;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** 单位信息: an organisation as its own users read it, with its users and the version a change must name. */
public record OrganisationProfile(Long id, String name, String uscc, String address, String legalRepresentative,
                                  String contactName, String contactPhone, List<Member> users, long version)
        implements Serializable {

    /** A user of the organisation: name, login, roles and whether the account is enabled. */
    public record Member(String displayName, String username, Set<String> roles, boolean enabled) implements Serializable {
    }

    static OrganisationProfile of(Organisation o, List<UserAccount> users) {
        return new OrganisationProfile(o.getId(), o.getName(), o.getUscc().orElse(null), o.getAddress(),
                o.getLegalRepresentative(), o.getContactName(), o.getContactPhone(), users.stream()
                .map(u -> new Member(u.getDisplayName(), u.getUsername(), new TreeSet<>(u.roleNames()), u.isEnabled())).toList(),
                o.getVersion());
    }
}
